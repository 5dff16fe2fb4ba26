import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Keys } from './keys.ts';
import { RedisScript } from './redis-script.ts';

const putScript = new RedisScript(new URL('./put-blob.lua', import.meta.url));
const releaseScript = new RedisScript(new URL('./release-blob.lua', import.meta.url));

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

  /** The key the bytes are stored under: known before they are sent. */
  keyFor(bytes: Uint8Array): string {
    return this.keys.blob(createHash('sha256').update(bytes).digest('hex'));
  }

  /**
   * Stores the bytes under `key` (or refreshes an existing copy) and takes `references` references.
   * The command is sent as soon as this is called, so a command issued next on the same
   * connection runs after it.
   */
  async store(key: string, bytes: Uint8Array, references = 1): Promise<void> {
    const value = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await putScript.runInOrder(this.redis, [key, this.keys.blobRefs(key)], [value, this.ttlSeconds, references]);
  }

  async get(key: string): Promise<Buffer | null> {
    return this.redis.getBuffer(key);
  }

  /** Drops one reference, then publishes `announce` if given; returns how many references are left. */
  async release(key: string, announce?: { channel: string; message: string }): Promise<number> {
    const args = announce ? [announce.channel, announce.message] : [];
    return Number(await releaseScript.run(this.redis, [key, this.keys.blobRefs(key)], args));
  }
}
