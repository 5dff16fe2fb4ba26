import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTinyInternVL } from './write-tiny-model.ts';

const root = await mkdtemp(join(tmpdir(), 'internvl-tiny-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('writeTinyInternVL', () => {
  it('writes the transformers.js layout, byte-identical for the same seed', async () => {
    const [a, b, c] = [join(root, 'a'), join(root, 'b'), join(root, 'c')];
    await Promise.all([writeTinyInternVL(a), writeTinyInternVL(b), writeTinyInternVL(c, { seed: 2 })]);
    expect((await readdir(a)).sort()).toEqual(['config.json', 'generation_config.json', 'onnx', 'tokenizer.json', 'tokenizer_config.json']);
    expect((await readdir(join(a, 'onnx'))).sort()).toEqual(['decoder_model_merged.onnx', 'embed_tokens.onnx', 'vision_encoder.onnx']);
    const decoder = (dir: string) => readFile(join(dir, 'onnx', 'decoder_model_merged.onnx'));
    expect((await decoder(a)).equals(await decoder(b))).toBe(true);
    expect((await decoder(a)).equals(await decoder(c))).toBe(false);
  });
});
