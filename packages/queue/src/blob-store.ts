import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import type { Keys } from './keys.ts';

const releaseScript = readFileSync(new URL('./release-blob.lua', import.meta.url), 'utf8');

/**
 * Uploaded bytes, stored once per content under `blob:{sha256}` and reference-counted,
 * so two jobs of the same file share one copy and the last final job deletes it.
 */
export class BlobStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly ttlSeconds: number,
  ) {}

  /** Stores the bytes (or refreshes an existing copy) and takes `references` references on them. */
  async put(bytes: Uint8Array, references = 1): Promise<string> {
    const key = this.keys.blob(createHash('sha256').update(bytes).digest('hex'));
    const refs = this.keys.blobRefs(key);
    await this.redis
      .multi()
      .set(key, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'EX', this.ttlSeconds)
      .incrby(refs, references)
      .expire(refs, this.ttlSeconds)
      .exec();
    return key;
  }

  async get(key: string): Promise<Buffer | null> {
    return this.redis.getBuffer(key);
  }

  /** Drops one reference; returns how many are left. */
  async release(key: string): Promise<number> {
    const left = await this.redis.eval(releaseScript, 2, key, this.keys.blobRefs(key));
    return Number(left);
  }
}
