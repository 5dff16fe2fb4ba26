import { z } from 'zod';
import { batchViewSchema, jobLinksSchema, workerHeartbeatSchema, type healthSchema, type jobAcceptedSchema, type modelInfoSchema } from '@ocr/contracts';

export type { BatchResult, BatchView, JobStatus, JobView, OcrOptions, OcrResult } from '@ocr/contracts';

// Answers the contracts package has no schema for, built from its parts so they cannot drift.

/** `POST /v1/batches`: the batch's view plus its job ids (null for a refused file) and links. */
export const batchAcceptedSchema = batchViewSchema.extend({
  jobs: z.array(z.string().nullable()),
  links: jobLinksSchema,
});

/** `POST /model/reload`: which workers reloaded, which failed, which did not answer in time. */
export const reloadOutcomeSchema = z.object({
  status: z.enum(['success', 'partial', 'error']),
  reloaded: z.array(workerHeartbeatSchema),
  failed: z.array(z.object({ worker: z.string(), error: z.string().optional() })),
  pending: z.array(z.string()),
});

export type JobAccepted = z.infer<typeof jobAcceptedSchema>;
export type BatchAccepted = z.infer<typeof batchAcceptedSchema>;
export type Health = z.infer<typeof healthSchema>;
export type ModelInfo = z.infer<typeof modelInfoSchema>;
export type ReloadOutcome = z.infer<typeof reloadOutcomeSchema>;
