import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ServiceError, errorBody } from '@ocr/contracts';
import { DocumentError } from '@ocr/documents';
import type { Logger } from '@ocr/contracts';
import { isRedisUnavailable } from '@ocr/queue';

export function errorResponse(c: Context, status: number, code: string, message: string): Response {
  return c.json(errorBody(code, message), status as ContentfulStatusCode);
}


/** Redis at its maxmemory with noeviction (as BullMQ needs): it refuses writes until jobs drain or expire. */
function isRedisFull(error: Error): boolean {
  return /^OOM command not allowed/.test(error.message);
}

/** The answer while Redis is unreachable: nothing was stored, and the client may retry shortly. */
export function queueUnavailable(c: Context): Response {
  c.header('Retry-After', '5');
  return errorResponse(c, 503, 'queue_unavailable', 'the job queue (Redis) is not reachable; nothing was stored: retry shortly');
}

/** The one place exceptions become HTTP answers; clients never see a stack trace. */
export function handleError(logger: Logger) {
  return (error: Error, c: Context): Response => {
    if (error instanceof ServiceError || error instanceof DocumentError) {
      return errorResponse(c, error.status, error.code, error.message);
    }
    if (error instanceof HTTPException) {
      // A middleware that built its own answer (Basic auth with its WWW-Authenticate challenge) keeps it.
      if (error.res) return error.getResponse();
      const status = error.status;
      const code = status === 413 ? 'file_too_large' : status === 401 ? 'unauthorized' : 'bad_request';
      return errorResponse(c, status, code, error.message || 'request refused');
    }
    if (isRedisUnavailable(error)) {
      logger.error({ err: error, path: c.req.path }, 'redis unavailable');
      return queueUnavailable(c);
    }
    if (isRedisFull(error)) {
      logger.error({ err: error, path: c.req.path }, 'redis is out of memory');
      c.header('Retry-After', '30');
      return errorResponse(c, 503, 'queue_full', 'the job queue (Redis) is out of memory; nothing was stored: retry later');
    }
    logger.error({ err: error, path: c.req.path }, 'unhandled error');
    return errorResponse(c, 500, 'internal_error', 'the service failed to handle this request; it was logged');
  };
}
