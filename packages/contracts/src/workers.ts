import { z } from 'zod';

/** What each worker writes to Redis every few seconds; it expires when the worker dies. */
export const workerHeartbeatSchema = z
  .object({
    id: z.string(),
    engine: z.string(),
    model: z.string(),
    model_path: z.string(),
    device: z.string(),
    gpu_available: z.boolean(),
    loaded: z.boolean(),
    host: z.string(),
    pid: z.number().int(),
    started_at: z.iso.datetime(),
    current_job: z.string().nullable(),
    jobs_done: z.number().int().nonnegative(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: 'Worker' });
export type WorkerHeartbeat = z.infer<typeof workerHeartbeatSchema>;

export const modelInfoSchema = z
  .object({
    model_name: z.string(),
    model_path: z.string(),
    device: z.string(),
    is_loaded: z.boolean(),
    supported_formats: z.array(z.string()),
    max_file_size_mb: z.number(),
    gpu_available: z.boolean(),
    workers: z.array(workerHeartbeatSchema),
  })
  .meta({ id: 'ModelInfo' });

export const healthSchema = z
  .object({
    status: z.enum(['healthy', 'unhealthy']),
    service: z.string(),
    model: z.string().nullable(),
    model_loaded: z.boolean(),
    device: z.string().nullable(),
    gpu_available: z.boolean(),
    timestamp: z.iso.datetime(),
    reason: z.string().optional(),
    redis: z.object({ ok: z.boolean(), latency_ms: z.number().nullable() }),
    queue: z.record(z.string(), z.number()),
    workers: z.array(workerHeartbeatSchema),
  })
  .meta({ id: 'Health' });

/** A control message every worker listens for on the control channel. */
export const controlMessageSchema = z.object({ type: z.literal('reload'), request_id: z.string() });
export type ControlMessage = z.infer<typeof controlMessageSchema>;

export const reloadAckSchema = z.object({
  worker: z.string(),
  ok: z.boolean(),
  error: z.string().optional(),
  heartbeat: workerHeartbeatSchema.optional(),
});
export type ReloadAck = z.infer<typeof reloadAckSchema>;

/** `POST /model/reload`: which workers reloaded, which failed, which did not answer in time. */
export const reloadOutcomeSchema = z
  .object({
    status: z.enum(['success', 'partial', 'error']),
    reloaded: z.array(workerHeartbeatSchema),
    failed: z.array(z.object({ worker: z.string(), error: z.string().optional() })),
    pending: z.array(z.string()),
  })
  .meta({ id: 'ReloadOutcome' });
export type ReloadOutcome = z.infer<typeof reloadOutcomeSchema>;

/** Extensions the service accepts; the content decides the real format. */
export const supportedExtensions = ['.jpg', '.jpeg', '.png', '.bmp', '.tiff', '.tif', '.webp', '.gif', '.avif', '.heic', '.heif', '.jp2', '.pbm', '.pgm', '.ppm', '.pnm', '.pdf'] as const;
