import type { Redis } from 'ioredis';
import { ocrResultSchema, type OcrResult } from '@ocr/contracts';
import type { Keys } from './keys.ts';
import { RedisScript } from './redis-script.ts';

const saveScript = new RedisScript(new URL('./save-result.lua', import.meta.url));

/** Results up to this size travel inside the reply; a larger one is read from its key. */
const REPLY_INLINE_MAX_BYTES = 256 * 1024;

/**
 * Results live under their own key rather than as BullMQ return values: a 300-page result
 * would otherwise be copied into the events stream that every waiting API process reads.
 */
export class ResultStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly ttlSeconds: number,
  ) {}

  /** Stores the result and, given the reply channel of the API process waiting for it, tells that process. */
  async save(jobId: string, result: OcrResult, replyTo?: string): Promise<void> {
    // Job data can be written by hand (the dashboard can): only this deployment's reply channels are answered.
    const replies = replyTo?.startsWith(this.keys.replyChannel('')) ?? false;
    const reply = replies ? [replyTo!, jobId, REPLY_INLINE_MAX_BYTES] : [];
    await saveScript.run(this.redis, [this.keys.result(jobId)], [JSON.stringify(result), this.ttlSeconds, ...reply]);
  }

  /** The result, or null once it has expired (or was never written). */
  async load(jobId: string): Promise<OcrResult | null> {
    const raw = await this.redis.get(this.keys.result(jobId));
    return raw === null ? null : ocrResultSchema.parse(JSON.parse(raw));
  }

  /** The stored JSON as it is, for answering a request without parsing and re-serialising it. */
  async loadJson(jobId: string): Promise<string | null> {
    return this.redis.get(this.keys.result(jobId));
  }

  async loadMany(jobIds: string[]): Promise<Array<OcrResult | null>> {
    if (jobIds.length === 0) return [];
    const raws = await this.redis.mget(jobIds.map((id) => this.keys.result(id)));
    return raws.map((raw) => (raw === null ? null : ocrResultSchema.parse(JSON.parse(raw))));
  }
}
