import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PageImage, silentLogger } from '@ocr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine.ts';
import { writeTinyInternVL } from '../internvl-tiny/index.ts';
import { loadInternVLEngine } from './internvl-engine.ts';

let dir: string;
let engine: Engine;

/** A deterministic A4-proportioned page (portrait, 0.707): 2×3 tiles + thumbnail at 6 or more. */
function page(width = 620, height = 877): PageImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 7919) % 251;
  return { width, height, channels: 3, data };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'internvl-engine-'));
  await writeTinyInternVL(dir, { dtypes: ['fp32', 'fp16'] });
  engine = await loadInternVLEngine({ modelPath: dir, maxNewTokens: 24, device: 'auto' });
});

afterAll(async () => {
  await engine.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('InternVL engine on the tiny model', () => {
  it('reports the device really used: CPU on this host, no GPU (auto tried CUDA and fell back)', () => {
    expect(engine.info).toMatchObject({ engine: 'internvl', model: 'InternVL3-tiny-random', modelPath: dir, device: 'cpu', gpuAvailable: false });
  });

  it('recognises a page end to end, deterministically, reporting the tiles it looked at', async () => {
    const progress: number[] = [];
    const first = await engine.recognize(page(), { maxPatches: 6, onProgress: (f) => progress.push(f) });
    const second = await engine.recognize(page(), { maxPatches: 6 });
    expect(second).toEqual(first);
    expect(first.imagePatches).toBe(7);
    expect(first.generatedTokens).toBeGreaterThan(0);
    expect(first.generatedTokens).toBeLessThanOrEqual(24);
    expect(first.confidence).toBeGreaterThan(0);
    expect(first.confidence).toBeLessThanOrEqual(1);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1]!)).toBe(true);
  });

  it('uses one tile with max_patches 1, and the question changes what the model reads', async () => {
    const asked = await engine.recognize(page(), { maxPatches: 1, prompt: 'List the part numbers.' });
    const plain = await engine.recognize(page(), { maxPatches: 1 });
    expect(asked.imagePatches).toBe(1);
    expect(asked.text).not.toBe(plain.text);
  });

  it('stops at max_new_tokens', async () => {
    const result = await engine.recognize(page(), { maxPatches: 1, maxNewTokens: 3 });
    expect(result.generatedTokens).toBe(3);
  });

  it('runs the MODEL_DTYPE=fp16 variant (float16 pixels, embeddings, KV cache and logits) to the same text', async () => {
    const fp16 = await loadInternVLEngine({ modelPath: dir, dtype: 'fp16', maxNewTokens: 24, device: 'cpu' });
    try {
      const [half, full] = [await fp16.recognize(page(), { maxPatches: 6 }), await engine.recognize(page(), { maxPatches: 6 })];
      expect(half.text).toBe(full.text);
      expect(half.confidence).toBeCloseTo(full.confidence, 2);
    } finally {
      await fp16.dispose();
    }
  });

  it('cuts the random model\'s own repetition loop short and logs it', async () => {
    const warnings: unknown[] = [];
    const logger = { ...silentLogger, warn: (obj: object | string, msg?: string) => void warnings.push([obj, msg]) };
    const guarded = await loadInternVLEngine({ modelPath: dir, maxNewTokens: 400, device: 'cpu', logger });
    try {
      const result = await guarded.recognize(page(), { maxPatches: 6 });
      expect(result.generatedTokens).toBeLessThan(100);
      expect(warnings).toEqual([[{ tokens: result.generatedTokens }, 'InternVL: repetition loop cut off']]);
    } finally {
      await guarded.dispose();
    }
  });

  it('cancels mid-generation through the AbortSignal', async () => {
    const controller = new AbortController();
    let tokenUpdates = 0;
    const run = engine.recognize(page(), {
      maxPatches: 1,
      signal: controller.signal,
      onProgress: (fraction) => {
        if (fraction > 0.1 && fraction < 1 && ++tokenUpdates === 3) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(tokenUpdates).toBe(3);
  });
});
