import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PageImage } from '@ocr/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { loadInternVLEngine } from '../internvl/index.ts';
import { resolveInternVLModel } from './resolve.ts';
import { writeTinyCheckpoint } from './tiny-checkpoint.ts';

const dir = await mkdtemp(join(tmpdir(), 'internvl-compat-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

function page(width = 300, height = 200): PageImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 7919) % 251;
  return { width, height, channels: 3, data };
}

// What the worker does with MODEL_PATH pointing at an original folder: resolve, then load the runtime.
describe.each(['fp32', 'fp16'])('the InternVL3 runtime on a converted original checkpoint (%s)', (dtype) => {
  it('loads the converted folder unchanged and recognises a page', async () => {
    const original = join(dir, `original-${dtype}`);
    await writeTinyCheckpoint(original);
    const modelPath = await resolveInternVLModel(original, { cacheDir: join(dir, 'cache'), dtype });
    const engine = await loadInternVLEngine({ modelPath, dtype, maxNewTokens: 5, device: 'cpu' });
    try {
      const result = await engine.recognize(page(), { maxPatches: 4 });
      expect(result.imagePatches).toBeGreaterThan(1);
      expect(result.generatedTokens).toBeGreaterThan(0);
      expect(result.confidence).toBeGreaterThan(0);
    } finally {
      await engine.dispose();
    }
  });
});
