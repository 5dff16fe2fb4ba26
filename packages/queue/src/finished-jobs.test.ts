import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrResult } from '@ocr/contracts';
import { BlobStore } from './blob-store.ts';
import { FinishedJobs } from './finished-jobs.ts';
import { keysFor } from './keys.ts';
import { ResultStore } from './result-store.ts';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const prefix = `test${randomBytes(4).toString('hex')}`;
const keys = keysFor(prefix);
let redis: Redis;
let subscriber: Redis;
let api: FinishedJobs;
let worker: FinishedJobs;

function resultWithText(text: string, jobId: string): OcrResult {
  return {
    status: 'success',
    raw_text: text,
    confidence: 0.9,
    metadata: {
      model: 'm',
      device: 'cpu',
      prompt: null,
      processing_time: 0.1,
      image_patches: 1,
      total_processing_time: 0.1,
      engine: 'e',
      worker: 'w',
      job_id: jobId,
      queue_time: 0,
    },
    structured_content: { tables: [], diagrams: [], annotations: [], specifications: [] },
    file_info: { filename: 'a.png', size: 1, format: 'PNG', image_size: [1, 1], pages: 1, page_count: 1, page_sizes: [[1, 1]] },
    pages: [{ page: 1, text, confidence: 0.9, image_size: [1, 1], image_patches: 1, processing_time: 0.1 }],
  };
}

beforeAll(async () => {
  redis = new Redis(REDIS_URL);
  subscriber = new Redis(REDIS_URL);
  api = new FinishedJobs(redis, keys);
  worker = new FinishedJobs(redis, keys);
  await api.listen(subscriber);
});

afterAll(async () => {
  const left = await redis.keys(`${prefix}:*`);
  if (left.length) await redis.del(...left);
  subscriber.disconnect();
  redis.disconnect();
});

describe('FinishedJobs', () => {
  it('brings the result inside the reply to the process whose channel the job names', async () => {
    const results = new ResultStore(redis, keys, 60);
    const watch = api.watch('job-a');
    await results.save('job-a', resultWithText('M12×1.5', 'job-a'), api.replyChannel);
    const notice = await watch.until(5000);
    watch.close();
    expect(JSON.parse(notice!.result!).raw_text).toBe('M12×1.5');
    expect(await results.loadJson('job-a')).toBe(notice!.result);
  });

  it('sends a large result as a bare notice, to be read from its key', async () => {
    const results = new ResultStore(redis, keys, 60);
    const watch = api.watch('job-big');
    await results.save('job-big', resultWithText('x'.repeat(300 * 1024), 'job-big'), api.replyChannel);
    const notice = await watch.until(5000);
    watch.close();
    expect(notice).toEqual({});
    expect((await results.load('job-big'))!.raw_text.length).toBe(300 * 1024);
  });

  it('announces a final job to every listener while dropping its blob reference', async () => {
    const blobs = new BlobStore(redis, keys, 60);
    const bytes = randomBytes(64);
    const key = blobs.keyFor(bytes);
    await blobs.store(key, bytes, 2);
    const watch = api.watch('job-b');
    await worker.settle(blobs, 'job-b', key);
    expect(await watch.until(5000)).toEqual({});
    expect(await blobs.get(key)).toEqual(bytes);
    await worker.settle(blobs, 'job-b', key);
    expect(await watch.until(5000)).toEqual({});
    watch.close();
    expect(await blobs.get(key)).toBeNull();
    expect(await redis.exists(keys.blobRefs(key))).toBe(0);
  });

  it('announces a job without a blob (its data was unreadable)', async () => {
    const watch = api.watch('job-c');
    await worker.settle(new BlobStore(redis, keys, 60), 'job-c', undefined);
    expect(await watch.until(5000)).toEqual({});
    watch.close();
  });

  it('times out with null, hands each notice out once, and forgets closed watches', async () => {
    const first = api.watch('job-d');
    const second = api.watch('job-d');
    const started = Date.now();
    expect(await first.until(150)).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await redis.publish(keys.finishedChannel, 'job-d');
    expect(await first.until(5000)).toEqual({});
    expect(await second.until(5000)).toEqual({});
    expect(await first.until(100)).toBeNull();
    first.close();
    expect(api.watchedJobs).toBe(1);
    second.close();
    expect(api.watchedJobs).toBe(0);
  });

  it('ignores replies on another process’s channel', async () => {
    const other = new FinishedJobs(redis, keys);
    const watch = api.watch('job-e');
    await new ResultStore(redis, keys, 60).save('job-e', resultWithText('A', 'job-e'), other.replyChannel);
    expect(await watch.until(300)).toBeNull();
    watch.close();
  });

  it('answers no channel outside this deployment’s replies (job data can be written by hand)', async () => {
    const results = new ResultStore(redis, keys, 60);
    const listener = new Redis(REDIS_URL);
    const heard: string[] = [];
    listener.on('message', (_channel: string, message: string) => heard.push(message));
    await listener.subscribe(keys.controlChannel);
    await results.save('job-f', resultWithText('B', 'job-f'), keys.controlChannel);
    await results.save('job-g', resultWithText('C', 'job-g'), api.replyChannel);
    await new Promise((resolve) => setTimeout(resolve, 200));
    listener.disconnect();
    expect(heard).toEqual([]);
    expect(await results.loadJson('job-f')).not.toBeNull();
  });

  it('ends every wait at once when the process stops waiting, and any later one', async () => {
    const stopping = new FinishedJobs(redis, keys);
    const watch = stopping.watch('job-h');
    const started = Date.now();
    const pending = watch.until(60_000);
    stopping.stopWaiting();
    expect(await pending).toBeNull();
    expect(await watch.until(60_000)).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(stopping.waitingStopped).toBe(true);
    watch.close();
  });
});
