import type { Job } from 'bullmq';
import type { OcrJobData, OcrOptions } from '@ocr/contracts';
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
): Promise<Job<OcrJobData>> {
  const { config } = services;
  const jobId = newJobId();
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
