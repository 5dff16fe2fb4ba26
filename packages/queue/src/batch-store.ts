import type { Redis } from 'ioredis';
import { z } from 'zod';
import { jobErrorSchema } from '@ocr/contracts';
import type { Keys } from './keys.ts';

const batchRecordSchema = z.object({
  id: z.string(),
  created_at: z.iso.datetime(),
  items: z.array(
    z.object({
      index: z.number().int(),
      filename: z.string(),
      job_id: z.string().nullable(),
      error: jobErrorSchema.optional(),
    }),
  ),
});
export type BatchRecord = z.infer<typeof batchRecordSchema>;

/** Which jobs (and which refused files) make up a batch, kept as long as the results. */
export class BatchStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly ttlSeconds: number,
  ) {}

  async save(batch: BatchRecord): Promise<void> {
    await this.redis.set(this.keys.batch(batch.id), JSON.stringify(batch), 'EX', this.ttlSeconds);
  }

  async load(batchId: string): Promise<BatchRecord | null> {
    const raw = await this.redis.get(this.keys.batch(batchId));
    return raw === null ? null : batchRecordSchema.parse(JSON.parse(raw));
  }
}
