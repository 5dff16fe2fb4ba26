import type { Job } from 'bullmq';
import { createHash } from 'node:crypto';
import { ServiceError, type OcrJobData, type OcrOptions } from '@ocr/contracts';
import { lookupJob, newJobId, ocrJobOptions, type JobLookup, type JobOrigin } from '@ocr/queue';
import type { Services } from './services.ts';
import type { Upload } from './upload.ts';

/** Stores the bytes once and enqueues one job for them. */
export async function submitDocument(
  services: Services,
  upload: Upload,
  options: OcrOptions,
  origin: JobOrigin,
  batch?: { id: string; index: number },
  jobId = newJobId(),
): Promise<Job<OcrJobData>> {
  const { config } = services;
  const blobKey = await services.blobs.put(upload.bytes);
  const data: OcrJobData = {
    blobKey,
    filename: upload.filename,
    size: upload.bytes.byteLength,
    format: upload.inspection.format,
    ...(upload.inspection.extensionMismatch ? { extensionMismatch: upload.inspection.extensionMismatch } : {}),
    options,
    ...(batch ? { batchId: batch.id, index: batch.index } : {}),
  };
  let job: Job<OcrJobData>;
  try {
    job = await services.queue.add('ocr', data, ocrJobOptions(jobId, origin, { resultTtlSeconds: config.RESULT_TTL_S, attempts: config.JOB_ATTEMPTS }));
  } catch (error) {
    await services.blobs.release(blobKey);
    throw error;
  }
  services.logger.info({ jobId, filename: upload.filename, format: data.format, size: data.size, origin }, 'job enqueued');
  return job;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * `submitDocument` under an optional `Idempotency-Key`: a retry of the same request gets the job
 * the first one made (its id; the job itself unless it has expired), never a second job.
 */
export async function submitOnce(
  services: Services,
  request: { idempotencyKey: string | undefined; scope: string },
  upload: Upload,
  options: OcrOptions,
  origin: JobOrigin,
): Promise<{ id: string; job: Job<OcrJobData> | undefined }> {
  const { idempotencyKey, scope } = request;
  if (idempotencyKey === undefined) {
    const job = await submitDocument(services, upload, options, origin);
    return { id: job.id!, job };
  }
  if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw new ServiceError(400, 'invalid_idempotency_key', 'Idempotency-Key: 1 to 255 visible ASCII characters');
  }
  const fingerprint = createHash('sha256').update(upload.bytes).update(JSON.stringify(options)).digest('hex');
  const jobId = newJobId();
  const earlier = await services.idempotency.claim(scope, idempotencyKey, { id: jobId, fingerprint });
  if (earlier) {
    if (earlier.fingerprint !== fingerprint) {
      throw new ServiceError(422, 'idempotency_key_reused', 'this Idempotency-Key was used for another document or other options');
    }
    return { id: earlier.id, job: await services.queue.getJob(earlier.id) };
  }
  try {
    return { id: jobId, job: await submitDocument(services, upload, options, origin, undefined, jobId) };
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

/**
 * Waits until the job is final or the time is up, then reads its state from Redis. QueueEvents
 * is only a wake-up call (its stream is trimmed and best-effort): the answer always comes from
 * the job itself.
 */
export async function waitForJob(services: Services, jobId: string, timeoutMs: number): Promise<JobLookup> {
  const current = await lookup(services, jobId);
  if (isFinal(current) || timeoutMs <= 0) return current;
  const job = await services.queue.getJob(jobId);
  if (job) await job.waitUntilFinished(services.events, timeoutMs).catch(() => undefined);
  return lookup(services, jobId);
}

/**
 * The hot path of `POST /ocr/process`: waits for a job this request has just enqueued and reads
 * only its result, as the JSON the worker stored. Null when it did not complete in time (or
 * failed): the caller then looks the job up.
 */
export async function resultWhenCompleted(services: Services, job: Job<OcrJobData>, timeoutMs: number): Promise<string | null> {
  const completed = await job.waitUntilFinished(services.events, timeoutMs).then(
    () => true,
    () => false,
  );
  return completed ? services.results.loadJson(job.id!) : null;
}
