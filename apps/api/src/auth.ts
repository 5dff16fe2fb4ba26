import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import { errorBody } from '@ocr/contracts';
import { errorResponse } from './errors.ts';

const OPEN_PATHS = new Set(['/', '/health', '/docs', '/openapi.json']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** With API keys configured, every route but the index, health and docs needs one. */
export function apiKeyAuth(keys: string[]): MiddlewareHandler {
  return async (c, next) => {
    // Routes match with or without a trailing slash, and so do the open paths.
    const path = c.req.path.length > 1 ? c.req.path.replace(/\/$/, '') : c.req.path;
    if (OPEN_PATHS.has(path) || path.startsWith('/docs/') || path.startsWith('/admin/queues')) return next();
    const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const presented = bearer ?? c.req.header('x-api-key');
    if (presented && keys.some((key) => sameSecret(key, presented))) return next();
    c.header('WWW-Authenticate', 'Bearer');
    return errorResponse(c, 401, 'unauthorized', 'send an API key as "Authorization: Bearer <key>" or "X-API-Key: <key>"');
  };
}

/** Basic auth for the dashboard, answering 401 in the service's JSON error shape. */
export function dashboardAuth(username: string, password: string): MiddlewareHandler {
  return basicAuth({
    username,
    password,
    realm: 'queue dashboard',
    invalidUserMessage: errorBody('unauthorized', 'dashboard credentials required'),
  });
}
