import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Keys } from './keys.ts';

const claimSchema = z.object({ id: z.string(), fingerprint: z.string() });
export type IdempotencyClaim = z.infer<typeof claimSchema>;

/**
 * `Idempotency-Key` claims: the first request with a key names the job, a retry with the same key
 * gets that job back instead of a second one. Claims live as long as results do.
 */
export class IdempotencyStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly ttlSeconds: number,
  ) {}

  // Scoped by caller (the API key in use), so two clients choosing the same key never meet.
  private key(scope: string, idempotencyKey: string): string {
    return this.keys.idempotency(createHash('sha256').update(scope).update('\0').update(idempotencyKey).digest('hex'));
  }

  /** Claims the key for `claim.id`; returns the earlier claim when the key was already taken. */
  async claim(scope: string, idempotencyKey: string, claim: IdempotencyClaim): Promise<IdempotencyClaim | null> {
    const key = this.key(scope, idempotencyKey);
    const set = await this.redis.set(key, JSON.stringify(claim), 'EX', this.ttlSeconds, 'NX');
    if (set === 'OK') return null;
    const raw = await this.redis.get(key);
    // Expired between the two calls: the key is free again.
    if (raw === null) return this.claim(scope, idempotencyKey, claim);
    return claimSchema.parse(JSON.parse(raw));
  }

  /** Frees a key whose request failed before its job existed, so a retry can go through. */
  async release(scope: string, idempotencyKey: string): Promise<void> {
    await this.redis.del(this.key(scope, idempotencyKey));
  }
}
