import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { form, json, startService, type ServiceHandle } from './harness.ts';

// The real InternVL3 weights (16 GB) cannot be fetched here: this runs the tiny random model the
// documented command writes, with the real folder layout, tensor names and special tokens.
describe('ENGINE=internvl with MODEL_PATH at an ONNX export (tiny random stand-in for the real weights)', () => {
  let dir: string;
  let service: ServiceHandle;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'internvl-e2e-'));
    execFileSync(process.execPath, ['--import', 'tsx', 'packages/engines/src/internvl-tiny/write.ts', dir]);
    service = await startService({ workers: 1, workerEnv: { ENGINE: 'internvl', MODEL_PATH: dir, MAX_NEW_TOKENS: '12', DEVICE: 'auto' } });
  });
  afterAll(async () => {
    await service?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('reports the model and the device really used', async () => {
    const health = await json(await fetch(`${service.baseUrl}/health`));
    expect(health).toMatchObject({ status: 'healthy', model_loaded: true, device: 'cpu', gpu_available: false });
    const info = await json(await fetch(`${service.baseUrl}/model/info`));
    expect(info).toMatchObject({ model_path: dir, device: 'cpu', is_loaded: true });
    expect(info.workers[0].engine).toBe('internvl');
  });

  it('runs /ocr/process and /v1/jobs end to end, with the tile count and the prompt in metadata', async () => {
    const png = await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const res = await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', body: form([{ name: 'a4.png', bytes: png }], { prompt: 'Read the table.', max_patches: '6' }) });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.status).toBe('success');
    // A4 portrait (aspect 0.71) with at most 6 tiles: the closest grid is 2 wide × 3 high, plus the thumbnail.
    expect(body.metadata.image_patches).toBe(7);
    expect(body.metadata.prompt).toBe('Read the table.');
    expect(body.metadata.device).toBe('cpu');
    expect(body.confidence).toBeGreaterThan(0);
    expect(body.confidence).toBeLessThanOrEqual(1);

    const submitted = await json(await fetch(`${service.baseUrl}/v1/jobs`, { method: 'POST', body: form([{ name: 'a4.png', bytes: png }], { prompt: 'Read the table.', max_patches: '6' }) }));
    const job = await json(await fetch(`${service.baseUrl}/v1/jobs/${submitted.id}?wait=60`));
    expect(job.status).toBe('completed');
    // Greedy decoding is deterministic: the same page gives the same text both ways.
    expect(job.result.raw_text).toBe(body.raw_text);
  }, 120_000);
});
