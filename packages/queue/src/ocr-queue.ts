import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { OcrJobData } from '@ocr/contracts';
import { OCR_QUEUE_NAME } from './keys.ts';

export type OcrQueue = Queue<OcrJobData>;

/**
 * Who is waiting decides the order: a caller holding an HTTP request open goes first
 * (no priority runs before any prioritised job), then submitted jobs, then batch items.
 */
export const jobPriority = { sync: undefined, submitted: 1, batch: 2 } as const;
export type JobOrigin = keyof typeof jobPriority;

export function createOcrQueue(connection: Redis, prefix: string): OcrQueue {
  return new Queue<OcrJobData>(OCR_QUEUE_NAME, { connection, prefix });
}

export interface RetentionOptions {
  resultTtlSeconds: number;
  attempts: number;
}

/** Job options for one document. Failures not caused by content retry with back-off. */
export function ocrJobOptions(jobId: string, origin: JobOrigin, retention: RetentionOptions): JobsOptions {
  const priority = jobPriority[origin];
  return {
    jobId,
    ...(priority === undefined ? {} : { priority }),
    attempts: retention.attempts,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { age: retention.resultTtlSeconds },
    removeOnFail: { age: retention.resultTtlSeconds },
  };
}
