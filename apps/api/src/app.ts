import { Hono, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { requestId } from 'hono/request-id';
import { apiKeyAuth, dashboardAuth } from './auth.ts';
import { DASHBOARD_PATH, mountDashboard } from './dashboard.ts';
import { errorResponse, handleError, queueUnavailable } from './errors.ts';
import { docsRoutes } from './routes/docs.ts';
import { documentRoutes } from './routes/documents.ts';
import { serviceRoutes } from './routes/service.ts';
import type { Services } from './services.ts';

/** The whole HTTP surface; `main.ts` only serves it. */
export function createApp(services: Services): Hono {
  const { config, logger } = services;
  // FastAPI redirected `/ocr/process/` to `/ocr/process`, so the old clients may call either.
  const app = new Hono({ strict: false });
  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    logger.info(
      { requestId: c.get('requestId'), method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  });
  // `GET /ocr/process` is a 405 naming the methods that work, not a 404 saying the path is unknown.
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) => {
        c.header('Allow', methods.join(', '));
        return errorResponse(c, 405, 'method_not_allowed', `${c.req.method} is not allowed on ${c.req.path}; use ${methods.join(' or ')}`);
      },
    }),
  );
  // Before the key check: a browser's preflight carries no key. No cookies are used, so no credentials.
  const corsHeaders = cors({
    origin: config.CORS_ORIGINS.includes('*') ? '*' : config.CORS_ORIGINS,
    allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
    exposeHeaders: ['Location', 'Retry-After', 'X-Request-Id'],
    maxAge: 600,
  });
  // Only browsers send Origin, and only they read CORS headers. Hono's cors touches the response
  // before the handler runs, which makes every answer a full web Response that the Node adapter
  // then streams out: ~0.2 ms a request that clients without an Origin need not pay. `Vary` keeps
  // a cache from handing such an answer, without CORS headers, to a browser.
  app.use((c, next) => {
    if (c.req.header('origin') !== undefined) return corsHeaders(c, next);
    c.header('Vary', 'Origin');
    return next();
  });
  if (config.API_KEYS && config.API_KEYS.length > 0) app.use(apiKeyAuth(config.API_KEYS));
  if (config.ADMIN_PASSWORD) {
    const guard = dashboardAuth(config.ADMIN_USER, config.ADMIN_PASSWORD);
    app.use(DASHBOARD_PATH, guard);
    app.use(`${DASHBOARD_PATH}/*`, guard);
  }
  // BullMQ waits for its connection without limit: with Redis down since start-up, a request that
  // touches the queue would hang. While the connection is not up, such requests get a 503 at once.
  const whileRedisDown: MiddlewareHandler = (c, next) => (services.redis.status === 'ready' ? next() : Promise.resolve(queueUnavailable(c)));
  for (const path of ['/ocr/*', '/v1/*', '/model/*', DASHBOARD_PATH, `${DASHBOARD_PATH}/*`]) app.use(path, whileRedisDown);
  mountDashboard(app, services.queue);
  app.route('/', docsRoutes({ apiKeys: Boolean(config.API_KEYS?.length) }));
  app.route('/', serviceRoutes(services));
  app.route('/', documentRoutes(services));
  app.notFound((c) => errorResponse(c, 404, 'not_found', `no route for ${c.req.method} ${c.req.path}`));
  app.onError(handleError(logger));
  return app;
}
