import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobProgress, JobStatus, JobView, OcrJobData } from '@ocr/contracts';
import { jobProgressSchema, ocrJobDataSchema } from '@ocr/contracts';
import { decodeFailure } from './failure.ts';
import { idIssuedAt } from './ids.ts';
import type { OcrQueue } from './ocr-queue.ts';
import type { ResultStore } from './result-store.ts';

export type JobLookup = { found: true; view: JobView } | { found: false; expired: boolean };

// BullMQ has more states than a client needs: retry back-off and priority lanes are all "waiting".
function clientStatus(state: string): JobStatus {
  switch (state) {
    case 'active':
    case 'completed':
    case 'failed':
      return state;
    default:
      return 'waiting';
  }
}

/** 1 = runs next. Jobs without priority run first, taken from the right end of the wait list. */
async function queuePosition(queue: OcrQueue, redis: Redis, jobId: string, state: string): Promise<number | null> {
  const waitKey = queue.keys['wait']!;
  if (state === 'waiting') {
    const [index, length] = await Promise.all([redis.lpos(waitKey, jobId), redis.llen(waitKey)]);
    return index === null ? null : length - index;
  }
  if (state === 'prioritized') {
    const [rank, waiting] = await Promise.all([redis.zrank(queue.keys['prioritized']!, jobId), redis.llen(waitKey)]);
    return rank === null ? null : waiting + rank + 1;
  }
  return null;
}

function iso(ms: number | undefined): string | null {
  return ms ? new Date(ms).toISOString() : null;
}

/** The job's file name as its data (read back from Redis, maybe added by hand) says, if it does. */
function filenameOf(job: Job<OcrJobData>): string {
  const parsed = ocrJobDataSchema.shape.filename.safeParse((job.data as Partial<OcrJobData> | undefined)?.filename);
  return parsed.success ? parsed.data : '';
}

function progressOf(job: Job<OcrJobData>): JobProgress | null {
  const parsed = jobProgressSchema.safeParse(job.progress);
  return parsed.success ? parsed.data : null;
}

export function expiredOrUnknown(id: string, kind: 'job' | 'batch', resultTtlSeconds: number): { found: false; expired: boolean } {
  const issued = idIssuedAt(id, kind);
  return { found: false, expired: issued !== null && Date.now() - issued > resultTtlSeconds * 1000 };
}

/** Reads one job's state, progress, place in the queue and, once it is final, its result or error. */
export async function lookupJob(
  queue: OcrQueue,
  redis: Redis,
  results: ResultStore,
  jobId: string,
  resultTtlSeconds: number,
): Promise<JobLookup> {
  // State first, then the job: a job that moves on between the two reads shows its older state
  // beside newer details, never a final state without its outcome (failedReason, finishedOn).
  const state = await queue.getJobState(jobId);
  const job = await queue.getJob(jobId);
  if (!job) return expiredOrUnknown(jobId, 'job', resultTtlSeconds);
  const status = clientStatus(state);
  const view: JobView = {
    id: jobId,
    status,
    progress: progressOf(job),
    queue_position: status === 'waiting' ? await queuePosition(queue, redis, jobId, state) : null,
    created_at: new Date(job.timestamp).toISOString(),
    started_at: iso(job.processedOn),
    finished_at: status === 'completed' || status === 'failed' ? iso(job.finishedOn) : null,
    attempts: job.attemptsMade,
    filename: filenameOf(job),
    links: { self: `/v1/jobs/${jobId}` },
  };
  if (status === 'completed') {
    const result = await results.load(jobId);
    if (!result) return { found: false, expired: true };
    view.result = result;
    view.progress = { pages_done: result.pages.length, pages_total: result.pages.length, fraction: 1 };
  } else if (status === 'failed') {
    view.error = decodeFailure(job.failedReason);
  }
  return { found: true, view };
}
