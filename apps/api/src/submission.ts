import { createHash } from 'node:crypto';
import { ServiceError, type OcrJobData, type OcrOptions } from '@ocr/contracts';
import { lookupJob, newJobId, ocrJobOptions, type FinishedWatch, type JobLookup, type JobOrigin } from '@ocr/queue';
import type { Services } from './services.ts';
import type { Upload } from './upload.ts';

/** Stores the bytes once and enqueues one job for them; returns the job's id. */
export async function submitDocument(
  services: Services,
  upload: Upload,
  options: OcrOptions,
  origin: JobOrigin,
  batch?: { id: string; index: number },
  jobId = newJobId(),
): Promise<string> {
  const { config, blobs } = services;
  const blobKey = blobs.keyFor(upload.bytes);
  const data: OcrJobData = {
    blobKey,
    filename: upload.filename,
    size: upload.bytes.byteLength,
    format: upload.inspection.format,
    ...(upload.inspection.extensionMismatch ? { extensionMismatch: upload.inspection.extensionMismatch } : {}),
    options,
    ...(batch ? { batchId: batch.id, index: batch.index } : {}),
    // A caller holding the request open is answered from the reply, not from a lookup.
    ...(origin === 'sync' ? { replyTo: services.finished.replyChannel } : {}),
  };
  // Sent back to back on one connection: Redis stores the bytes before it adds the job, and the
  // request waits for one round trip instead of two.
  const [stored, added] = await Promise.allSettled([
    blobs.store(blobKey, upload.bytes),
    services.queue.add('ocr', data, ocrJobOptions(jobId, origin, { resultTtlSeconds: config.RESULT_TTL_S, attempts: config.JOB_ATTEMPTS })),
  ]);
  if (stored.status === 'rejected') {
    if (added.status === 'fulfilled') await services.queue.remove(jobId).catch(() => 0);
    throw stored.reason;
  }
  if (added.status === 'rejected') {
    await blobs.release(blobKey).catch(() => 0);
    throw added.reason;
  }
  services.logger.info({ jobId, filename: upload.filename, format: data.format, size: data.size, origin }, 'job enqueued');
  return jobId;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * `submitDocument` under an optional `Idempotency-Key`: a retry of the same request gets the id of
 * the job the first one made, never a second job. Otherwise the new job gets `jobId`.
 */
export async function submitOnce(
  services: Services,
  request: { idempotencyKey: string | undefined; scope: string },
  upload: Upload,
  options: OcrOptions,
  origin: JobOrigin,
  jobId = newJobId(),
): Promise<string> {
  const { idempotencyKey, scope } = request;
  if (idempotencyKey === undefined) {
    await submitDocument(services, upload, options, origin, undefined, jobId);
    return jobId;
  }
  if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw new ServiceError(400, 'invalid_idempotency_key', 'Idempotency-Key: 1 to 255 visible ASCII characters');
  }
  const fingerprint = createHash('sha256').update(upload.bytes).update(JSON.stringify(options)).digest('hex');
  const earlier = await services.idempotency.claim(scope, idempotencyKey, { id: jobId, fingerprint });
  if (earlier) {
    if (earlier.fingerprint !== fingerprint) {
      throw new ServiceError(422, 'idempotency_key_reused', 'this Idempotency-Key was used for another document or other options');
    }
    return earlier.id;
  }
  try {
    await submitDocument(services, upload, options, origin, undefined, jobId);
    return jobId;
  } catch (error) {
    await services.idempotency.release(scope, idempotencyKey);
    throw error;
  }
}

export function lookup(services: Services, jobId: string): Promise<JobLookup> {
  return lookupJob(services.queue, services.redis, services.results, jobId, services.config.RESULT_TTL_S);
}

function isFinal(found: JobLookup): boolean {
  return !found.found || found.view.status === 'completed' || found.view.status === 'failed';
}

// How often a waiting request re-reads its job meanwhile, for an announcement that never came
// (a job failed by BullMQ's stall check, a worker dead right after finishing, a reconnect).
const RECHECK_MS = 2000;

/**
 * Waits until the job is final or the time is up, then reads its state from Redis. The
 * announcement only wakes the wait: the answer always comes from the job itself.
 */
export async function waitForJob(services: Services, jobId: string, timeoutMs: number): Promise<JobLookup> {
  const deadline = Date.now() + timeoutMs;
  const watch = services.finished.watch(jobId);
  try {
    for (;;) {
      const current = await lookup(services, jobId);
      const left = deadline - Date.now();
      if (isFinal(current) || left <= 0 || services.finished.waitingStopped) return current;
      await watch.until(Math.min(left, RECHECK_MS));
    }
  } finally {
    watch.close();
  }
}

/**
 * The hot path of `POST /ocr/process`: waits for a job this request enqueued, watched since before
 * it existed, and answers with the JSON the worker stored, usually carried by the reply itself.
 * Null when no result came in time, or the job ended without one (failed, or gone): the caller
 * then looks the job up.
 */
export async function resultWhenCompleted(services: Services, jobId: string, watch: FinishedWatch, timeoutMs: number): Promise<string | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) return null;
    const notice = await watch.until(Math.min(left, RECHECK_MS));
    if (notice?.result !== undefined) return notice.result;
    const result = await services.results.loadJson(jobId);
    if (result !== null || notice || services.finished.waitingStopped) return result;
    const state = await services.queue.getJobState(jobId);
    if (state === 'failed' || state === 'unknown') return null;
  }
}
