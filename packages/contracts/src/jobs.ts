import { z } from 'zod';
import { ocrResultSchema } from './result.ts';

/** Options a caller may set per document (multipart fields or query parameters). */
export const ocrOptionsSchema = z.object({
  prompt: z.string().max(4000).optional().meta({ description: 'Question for a VLM engine; ignored by the CPU engine' }),
  pages: z
    .string()
    .max(200)
    .optional()
    .meta({ description: '1-based page selection, e.g. "1-3,5"; all pages when absent' }),
  dpi: z.coerce.number().int().min(36).max(600).optional().meta({ description: 'PDF rasterisation resolution' }),
  password: z.string().max(200).optional().meta({ description: 'Password of an encrypted PDF' }),
  max_patches: z.coerce.number().int().min(1).max(40).optional().meta({ description: 'InternVL3 tile budget' }),
});
export type OcrOptions = z.infer<typeof ocrOptionsSchema>;

/** What a job carries in Redis: never the bytes, only the key of the stored blob. */
export const ocrJobDataSchema = z.object({
  blobKey: z.string(),
  filename: z.string(),
  size: z.number().int().nonnegative(),
  format: z.string(),
  extensionMismatch: z.string().optional(),
  options: ocrOptionsSchema,
  batchId: z.string().optional(),
  index: z.number().int().nonnegative().optional(),
  /** Pub/sub channel of the API process holding the request open: the worker sends the result there. */
  replyTo: z.string().optional(),
});
export type OcrJobData = z.infer<typeof ocrJobDataSchema>;

/** What a worker puts in `progress`. */
export const jobProgressSchema = z
  .object({
    pages_done: z.number().int().nonnegative(),
    pages_total: z.number().int().nonnegative(),
    fraction: z.number().min(0).max(1),
  })
  .meta({ id: 'JobProgress' });
export type JobProgress = z.infer<typeof jobProgressSchema>;

export const jobStatusSchema = z.enum(['waiting', 'active', 'completed', 'failed']);
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const jobErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  status: z.number().int().optional().meta({ description: 'HTTP status a waiting caller got for this failure' }),
});

export const jobLinksSchema = z.object({ self: z.string(), result: z.string().optional() });

export const jobViewSchema = z
  .object({
    id: z.string(),
    status: jobStatusSchema,
    progress: jobProgressSchema.nullable(),
    queue_position: z.number().int().positive().nullable().meta({ description: '1 = next to run; null unless waiting' }),
    created_at: z.iso.datetime(),
    started_at: z.iso.datetime().nullable(),
    finished_at: z.iso.datetime().nullable(),
    attempts: z.number().int().nonnegative(),
    filename: z.string(),
    result: ocrResultSchema.optional(),
    error: jobErrorSchema.optional(),
    links: jobLinksSchema,
  })
  .meta({ id: 'Job' });
export type JobView = z.infer<typeof jobViewSchema>;

export const jobAcceptedSchema = z
  .object({ id: z.string(), status: jobStatusSchema, links: jobLinksSchema })
  .meta({ id: 'JobAccepted' });

export const batchItemErrorSchema = z.object({
  status: z.literal('error'),
  filename: z.string(),
  error: jobErrorSchema,
});

export const batchViewSchema = z
  .object({
    id: z.string(),
    status: z.enum(['pending', 'completed']),
    total: z.number().int(),
    counts: z.object({
      waiting: z.number().int(),
      active: z.number().int(),
      completed: z.number().int(),
      failed: z.number().int(),
      rejected: z.number().int().meta({ description: 'Files refused at upload, never queued' }),
    }),
    items: z.array(
      z.object({
        index: z.number().int(),
        filename: z.string(),
        job_id: z.string().nullable(),
        status: z.enum(['waiting', 'active', 'completed', 'failed', 'rejected']),
        result: ocrResultSchema.optional(),
        error: jobErrorSchema.optional(),
      }),
    ),
  })
  .meta({ id: 'Batch' });
export type BatchView = z.infer<typeof batchViewSchema>;

/** `POST /v1/batches`: the batch's view plus its job ids (null for a refused file) and links. */
export const batchAcceptedSchema = batchViewSchema
  .extend({ jobs: z.array(z.string().nullable()), links: jobLinksSchema })
  .meta({ id: 'BatchAccepted' });
export type BatchAccepted = z.infer<typeof batchAcceptedSchema>;

/** `POST /ocr/batch`: one entry per uploaded file, in upload order. */
export const batchResultSchema = z
  .object({
    status: z.enum(['success', 'partial', 'error']),
    total: z.number().int(),
    succeeded: z.number().int(),
    failed: z.number().int(),
    results: z.array(z.union([ocrResultSchema.extend({ filename: z.string() }), batchItemErrorSchema])),
  })
  .meta({ id: 'BatchResult' });
export type BatchResult = z.infer<typeof batchResultSchema>;
