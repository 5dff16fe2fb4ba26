import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineLoadError } from '../engine.ts';
import { writeTinyInternVL } from '../internvl-tiny/index.ts';
import { loadInternVLEngine } from './internvl-engine.ts';

let root: string;
let good: string;
let count = 0;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'internvl-broken-'));
  good = join(root, 'good');
  await writeTinyInternVL(good);
});

afterAll(() => rm(root, { recursive: true, force: true }));

/** A copy of the good folder with one thing broken. */
async function broken(breakIt: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(root, `broken-${count++}`);
  await cp(good, dir, { recursive: true });
  await breakIt(dir);
  return dir;
}

async function editConfig(dir: string, edit: (config: Record<string, Record<string, unknown>>) => void): Promise<void> {
  const path = join(dir, 'config.json');
  const config = JSON.parse(await readFile(path, 'utf8'));
  edit(config);
  await writeFile(path, JSON.stringify(config));
}

async function loadError(modelPath: string, dtype?: string): Promise<EngineLoadError> {
  const error = await loadInternVLEngine({ modelPath, device: 'cpu', ...(dtype ? { dtype } : {}) }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EngineLoadError);
  return error as EngineLoadError;
}

describe('loadInternVLEngine refuses a broken model folder at start', () => {
  it('names a missing graph', async () => {
    const dir = await broken((d) => rm(join(d, 'onnx', 'decoder_model_merged.onnx')));
    expect((await loadError(dir)).message).toMatch(/no onnx\/decoder_model_merged\.onnx/);
  });

  it('names a graph onnxruntime cannot read', async () => {
    const dir = await broken((d) => writeFile(join(d, 'onnx', 'embed_tokens.onnx'), 'not a model'));
    expect((await loadError(dir)).message).toMatch(/cannot open .*embed_tokens\.onnx with cpu/);
  });

  it('names the variant MODEL_DTYPE asks for when it is absent', async () => {
    expect((await loadError(good, 'q4f16')).message).toMatch(/no onnx\/vision_encoder_q4f16\.onnx \(MODEL_DTYPE q4f16\)/);
  });

  it('names a missing tokenizer file', async () => {
    const dir = await broken((d) => rm(join(d, 'tokenizer.json')));
    expect((await loadError(dir)).message).toMatch(/has no tokenizer\.json/);
  });

  it('names a config.json that is not JSON', async () => {
    const dir = await broken((d) => writeFile(join(d, 'config.json'), '{"vision_config": '));
    expect((await loadError(dir)).message).toMatch(/config\.json is not valid JSON/);
  });

  it('names KV heads that disagree with the decoder graph', async () => {
    const dir = await broken((d) => editConfig(d, (c) => (c['llm_config']!['num_key_value_heads'] = 4)));
    expect((await loadError(dir)).message).toMatch(/past_key_values\.0\.key has 2 KV heads \(axis 1\), config\.json says 4/);
  });

  it('names a layer count that disagrees with the decoder graph', async () => {
    const dir = await broken((d) => editConfig(d, (c) => (c['llm_config']!['num_hidden_layers'] = 3)));
    expect((await loadError(dir)).message).toMatch(/past_key_values for 2 layers, config\.json says 3/);
  });

  it('names an image size that disagrees with the vision encoder', async () => {
    const dir = await broken((d) => editConfig(d, (c) => (c['force_image_size'] = 224 as never)));
    expect((await loadError(dir)).message).toMatch(/vision_encoder: pixel_values has 448 pixels of tile height \(axis 2\), config\.json says 224/);
  });

  it('names a tokenizer without InternVL image tokens', async () => {
    const dir = await broken(async (d) => {
      const path = join(d, 'tokenizer.json');
      const tokenizer = JSON.parse(await readFile(path, 'utf8'));
      tokenizer.added_tokens = tokenizer.added_tokens.filter((t: { content: string }) => t.content !== '<IMG_CONTEXT>');
      await writeFile(path, JSON.stringify(tokenizer));
    });
    expect((await loadError(dir)).message).toMatch(/tokenizer\.json has no <IMG_CONTEXT> token/);
  });

  it('names an unsupported chat template', async () => {
    const dir = await broken((d) => editConfig(d, (c) => (c['template'] = 'vicuna_v1.1' as never)));
    expect((await loadError(dir)).message).toMatch(/chat template vicuna_v1\.1 is not supported/);
  });
});
