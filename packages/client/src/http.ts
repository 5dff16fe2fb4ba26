import type { z } from 'zod';
import { errorBodySchema } from '@ocr/contracts';
import { OcrApiError } from './errors.ts';

/** How every request is sent: where, with which key, through which fetch, for how long. */
export interface Transport {
  baseUrl: string;
  apiKey: string | undefined;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface RequestSpec {
  method?: 'GET' | 'POST';
  query?: Record<string, string | number | undefined>;
  body?: FormData;
  /** Statuses whose body is not an error answer; any other status throws `OcrApiError`. */
  expect: number[];
}

function urlFor(baseUrl: string, path: string, query: RequestSpec['query'] = {}): URL {
  // Relative to the base so that a service mounted under a path prefix keeps its prefix.
  const url = new URL(path.replace(/^\//, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
  return url;
}

/** The `OcrApiError` an answer stands for: the service's own code and message, else `http_<status>`. */
export function errorFor(answer: Pick<Answer, 'status' | 'body'>): OcrApiError {
  const parsed = errorBodySchema.safeParse(answer.body);
  if (parsed.success) return new OcrApiError(answer.status, parsed.data.error.code, parsed.data.error.message);
  return new OcrApiError(answer.status, `http_${answer.status}`, `the service answered ${answer.status} without its JSON error body`);
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A proxy's HTML error page, say: not the service's JSON, so only the status describes it.
    return text;
  }
}

/** Sends one request and answers its status, headers and JSON body; error answers throw. */
export async function send(transport: Transport, path: string, spec: RequestSpec): Promise<Answer> {
  const headers = new Headers({ Accept: 'application/json' });
  if (transport.apiKey) headers.set('Authorization', `Bearer ${transport.apiKey}`);
  let res: Response;
  let body: unknown;
  try {
    res = await transport.fetch(urlFor(transport.baseUrl, path, spec.query), {
      method: spec.method ?? 'GET',
      headers,
      body: spec.body,
      signal: AbortSignal.timeout(transport.timeoutMs),
    });
    body = await readBody(res);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      throw new OcrApiError(0, 'timeout', `no answer from ${transport.baseUrl}${path} within ${transport.timeoutMs} ms`, { cause: error });
    }
    throw new OcrApiError(0, 'network_error', `could not reach ${transport.baseUrl}: ${(error as Error).message}`, { cause: error });
  }
  const answer = { status: res.status, headers: res.headers, body };
  if (!spec.expect.includes(res.status)) throw errorFor(answer);
  return answer;
}

/** A body checked against its contract schema; a mismatch is the service's fault, reported as such. */
export function parse<S extends z.ZodType>(schema: S, answer: Answer): z.infer<S> {
  const parsed = schema.safeParse(answer.body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'unexpected body';
  throw new OcrApiError(answer.status, 'invalid_response', `the answer does not match the API contract (${where})`);
}

/**
 * Milliseconds to wait before polling again: the `Retry-After` header (seconds or an HTTP date)
 * when present, otherwise `fallbackMs`.
 */
export function retryAfterMs(headers: Headers, fallbackMs: number): number {
  const value = headers.get('retry-after');
  if (value === null) return fallbackMs;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? fallbackMs : Math.max(0, date - Date.now());
}
