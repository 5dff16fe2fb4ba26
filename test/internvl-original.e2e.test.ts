import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { form, json, startService, waitFor, type ServiceHandle } from './harness.ts';

describe('ENGINE=internvl with MODEL_PATH at an original InternVL3 checkpoint (safetensors)', () => {
  let dir: string;
  let service: ServiceHandle;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'internvl-original-e2e-'));
    // The documented command that writes a tiny original checkpoint (BF16 safetensors, two shards).
    execFileSync(process.execPath, ['--import', 'tsx', 'packages/engines/src/internvl-convert/cli.ts', 'write-tiny', join(dir, 'original'), '--shards', '2']);
    const workerEnv = { ENGINE: 'internvl', MODEL_PATH: join(dir, 'original'), MODEL_CACHE_DIR: join(dir, 'cache'), MAX_NEW_TOKENS: '8', DEVICE: 'cpu' };
    service = await startService({ workers: 0, workerEnv });
  });
  afterAll(async () => {
    await service?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('converts on the first start, serves /ocr/process, and reuses the cache on the next start', async () => {
    const first = await service.startWorker();
    const messages = (w: typeof first) => w.logLines().map((l) => l['msg']);
    expect(messages(first)).toContain('converting InternVL3 checkpoint to ONNX (first start)');
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#fff' } }).png().toBuffer();
    const res = await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', body: form([{ name: 'page.png', bytes: png }]) });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.status).toBe('success');
    expect(body.metadata.image_patches).toBeGreaterThan(0);

    first.child.kill('SIGKILL');
    await first.exited;
    const second = await service.startWorker();
    // The killed worker's heartbeat may still count as live: wait for the new one's own log line.
    await waitFor('the second worker to load the model', async () => messages(second).includes('InternVL engine loaded'), 60_000);
    expect(messages(second)).toContain('using converted InternVL3 model from cache');
    expect(messages(second)).not.toContain('converting InternVL3 checkpoint to ONNX (first start)');
  }, 180_000);
});
