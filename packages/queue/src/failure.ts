import { z } from 'zod';

// `status` is the HTTP status a waiting caller gets; absent for failures that are the service's fault.
const failureSchema = z.object({ code: z.string(), message: z.string(), status: z.number().int().optional() });
export type JobFailure = z.infer<typeof failureSchema>;

/** BullMQ keeps a failure as a string; ours are JSON so that the code survives the trip. */
export function encodeFailure(failure: JobFailure): string {
  return JSON.stringify(failure);
}

export function decodeFailure(reason: string | undefined): JobFailure {
  if (!reason) return { code: 'processing_failed', message: 'the job failed without a reason' };
  try {
    const parsed = failureSchema.safeParse(JSON.parse(reason));
    if (parsed.success) return parsed.data;
  } catch {
    // not ours: a crash message from BullMQ itself, such as a stalled job
  }
  return { code: 'processing_failed', message: reason };
}
