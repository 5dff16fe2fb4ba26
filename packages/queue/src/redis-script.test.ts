import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, expect, it } from 'vitest';
import { BlobStore } from './blob-store.ts';
import { keysFor } from './keys.ts';

const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
const keys = keysFor(`test${randomBytes(4).toString('hex')}`);

afterAll(() => redis.disconnect());

it('runs a script by digest, and by its text once Redis has forgotten it (as after a restart)', async () => {
  const blobs = new BlobStore(redis, keys, 60);
  const bytes = randomBytes(32);
  const key = blobs.keyFor(bytes);
  await blobs.store(key, bytes, 3);
  expect(await blobs.release(key)).toBe(2);
  await redis.script('FLUSH');
  expect(await blobs.release(key)).toBe(1);
  expect(await blobs.release(key)).toBe(0);
  expect(await blobs.get(key)).toBeNull();
});
