import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JobView } from '@ocr/contracts';
import type { JobLookup } from '@ocr/queue';
import { errorResponse } from './errors.ts';

/** 202 with `Location` and the job's JSON: the work goes on and is polled there. */
export function accepted(c: Context, view: JobView): Response {
  c.header('Location', view.links.self);
  c.header('Retry-After', '1');
  return c.json(view, 202);
}

export function notFound(c: Context, id: string, what: 'job' | 'batch', expired: boolean): Response {
  return expired
    ? errorResponse(c, 404, `${what}_expired`, `${what} ${id} has finished and its result is no longer kept`)
    : errorResponse(c, 404, `${what}_not_found`, `no ${what} with id ${id}`);
}

/** A waited-on job: its result (200), its failure with its own status, or 202 while it still runs. */
export function finalOrAccepted(c: Context, id: string, found: JobLookup): Response {
  if (!found.found) return notFound(c, id, 'job', found.expired);
  const { view } = found;
  if (view.status === 'completed' && view.result) return c.json(view.result, 200);
  if (view.status === 'failed' && view.error) {
    return errorResponse(c, (view.error.status ?? 500) as ContentfulStatusCode, view.error.code, view.error.message);
  }
  return accepted(c, view);
}
