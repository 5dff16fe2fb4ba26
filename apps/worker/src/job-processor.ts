import { UnrecoverableError, WaitingError, type Job, type Worker } from 'bullmq';
import { ServiceError, ocrJobDataSchema, type Logger, type OcrJobData, type JobProgress } from '@ocr/contracts';
import { DocumentError, type DocumentLimits, type RenderBudget } from '@ocr/documents';
import { encodeFailure, type BlobStore, type FinishedJobs, type ResultStore } from '@ocr/queue';
import type { EngineHost } from './engine-host.ts';
import { recogniseDocument } from './recognise-document.ts';

export interface ProcessorDeps {
  engines: EngineHost;
  blobs: BlobStore;
  results: ResultStore;
  limits: DocumentLimits;
  renderBudget: RenderBudget;
  defaultDpi: number;
  workerId: string;
  logger: Logger;
  onJobStart?: (jobId: string) => void;
  onJobEnd?: (jobId: string) => void;
}

/** Summary kept as the BullMQ return value; the result itself lives in the result store. */
export interface JobSummary {
  pages: number;
  chars: number;
}

/** Failures caused by the document itself: retrying cannot help, so they fail once with their code. */
function contentFailure(error: unknown): UnrecoverableError | null {
  if (error instanceof DocumentError || error instanceof ServiceError) {
    return new UnrecoverableError(encodeFailure({ code: error.code, message: error.message, status: error.status }));
  }
  return null;
}

/**
 * The BullMQ processor: load the blob, recognise the document, store the result. The blob is
 * released by `settleWhenFinal`, after BullMQ has recorded the outcome: a job whose completion
 * could not be recorded (a lost lock) runs again and still needs its bytes.
 */
export function createJobProcessor(deps: ProcessorDeps) {
  return async (job: Job<OcrJobData>, token?: string, signal?: AbortSignal): Promise<JobSummary> => {
    const jobId = job.id!;
    const logger = deps.logger.child({ jobId });
    deps.onJobStart?.(jobId);
    try {
      const parsed = ocrJobDataSchema.safeParse(job.data);
      if (!parsed.success) {
        throw new ServiceError(422, 'invalid_job', `job data is malformed: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
      }
      const data = parsed.data;
      logger.info({ filename: data.filename, size: data.size, format: data.format, attempt: job.attemptsMade + 1 }, 'job started');
      const bytes = await deps.blobs.get(data.blobKey);
      if (!bytes) throw new ServiceError(410, 'upload_expired', 'the uploaded file is no longer stored; upload it again');
      const result = await recogniseDocument(bytes, data, {
        engine: deps.engines.current,
        limits: deps.limits,
        renderBudget: deps.renderBudget,
        defaultDpi: deps.defaultDpi,
        workerId: deps.workerId,
        jobId,
        queueSeconds: Math.max(0, ((job.processedOn ?? Date.now()) - job.timestamp) / 1000),
        logger,
        ...(signal ? { signal } : {}),
        onProgress: async (done, total) => {
          const progress: JobProgress = { pages_done: Math.floor(done), pages_total: total, fraction: total === 0 ? 1 : done / total };
          await job.updateProgress(progress);
        },
      });
      await deps.results.save(jobId, result, data.replyTo);
      logger.info({ pages: result.pages.length, seconds: result.metadata.total_processing_time }, 'job completed');
      return { pages: result.pages.length, chars: result.raw_text.length };
    } catch (error) {
      if (signal?.aborted) {
        // Cancelled by a shutdown that could not wait any longer: back to the queue for another worker.
        await job.moveToWait(token);
        logger.warn({ reason: String(signal.reason) }, 'job handed back to the queue');
        throw new WaitingError();
      }
      const content = contentFailure(error);
      if (content) {
        logger.warn({ reason: content.message }, 'job failed on its content');
        throw content;
      }
      const message = error instanceof Error ? error.message : String(error);
      logger.error({ err: error, attempt: job.attemptsMade + 1, attempts: job.opts.attempts ?? 1 }, 'job failed');
      throw new Error(encodeFailure({ code: 'processing_failed', message }));
    } finally {
      deps.onJobEnd?.(jobId);
    }
  };
}

/**
 * Once a job is final (completed, or failed with no retry left) and BullMQ has recorded it: drops
 * its reference on its blob and announces it to the requests waiting for it, in one round trip.
 */
export function settleWhenFinal(worker: Worker<OcrJobData, JobSummary>, finished: FinishedJobs, blobs: BlobStore, logger: Logger): void {
  const settle = (job: Job<OcrJobData>) => {
    const parsed = ocrJobDataSchema.safeParse(job.data);
    finished
      .settle(blobs, job.id!, parsed.success ? parsed.data.blobKey : undefined)
      .catch((error) => logger.warn({ err: error, jobId: job.id }, 'settling a final job failed (its blob expires with its TTL)'));
  };
  worker.on('completed', settle);
  worker.on('failed', (job, error) => {
    if (job && (error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1))) settle(job);
  });
}
