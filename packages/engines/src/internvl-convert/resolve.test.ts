import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Logger } from '@ocr/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { EngineLoadError } from '../engine.ts';
import { convertCheckpoint } from './convert.ts';
import { completionMarker } from './model-cache.ts';
import { resolveInternVLModel } from './resolve.ts';
import { writeTinyCheckpoint } from './tiny-checkpoint.ts';

const dir = await mkdtemp(join(tmpdir(), 'internvl-resolve-'));
const original = join(dir, 'original');
await writeTinyCheckpoint(original);
afterAll(() => rm(dir, { recursive: true, force: true }));

function recordingLogger(messages: string[]): Logger {
  const log = (objOrMsg: object | string, msg?: string) => void messages.push(typeof objOrMsg === 'string' ? objOrMsg : (msg ?? ''));
  const logger: Logger = { debug: log, info: log, warn: log, error: log, child: () => logger };
  return logger;
}

describe('resolveInternVLModel', () => {
  it('converts an original folder on the first call and reuses the cache afterwards', async () => {
    const cacheDir = join(dir, 'cache-reuse');
    const first: string[] = [];
    const folder = await resolveInternVLModel(original, { cacheDir, logger: recordingLogger(first) });
    expect(first).toContain('converting InternVL3 checkpoint to ONNX (first start)');
    expect((await readdir(join(folder, 'onnx'))).sort()).toEqual([
      'decoder_model_merged.onnx', 'decoder_model_merged.onnx_data', 'embed_tokens.onnx', 'embed_tokens.onnx_data', 'vision_encoder.onnx', 'vision_encoder.onnx_data',
    ]);
    for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'generation_config.json', completionMarker]) await stat(join(folder, file));
    const written = (await stat(join(folder, 'onnx', 'decoder_model_merged.onnx'))).mtimeMs;

    const second: string[] = [];
    expect(await resolveInternVLModel(original, { cacheDir, logger: recordingLogger(second) })).toBe(folder);
    expect(second).toEqual(['using converted InternVL3 model from cache']);
    expect((await stat(join(folder, 'onnx', 'decoder_model_merged.onnx'))).mtimeMs).toBe(written);

    // Other settings or other weights are other cache entries.
    const fp16 = await resolveInternVLModel(original, { cacheDir, dtype: 'fp16' });
    expect(fp16).not.toBe(folder);
    expect(await readdir(join(fp16, 'onnx'))).toContain('decoder_model_merged_fp16.onnx');
  });

  it('never trusts a folder without its completion marker and clears abandoned work folders', async () => {
    const cacheDir = join(dir, 'cache-broken');
    const folder = await resolveInternVLModel(original, { cacheDir });
    await rm(join(folder, completionMarker));
    await writeFile(join(folder, 'onnx', 'decoder_model_merged.onnx'), 'truncated');
    // A work folder left by a killed process (pid 2^22 + 1 is above Linux's pid_max default range in use here).
    const abandoned = join(cacheDir, `.converting-${basename(folder).slice('internvl-'.length)}-4194305-deadbeef`);
    await mkdir(abandoned);
    const messages: string[] = [];
    expect(await resolveInternVLModel(original, { cacheDir, logger: recordingLogger(messages) })).toBe(folder);
    expect(messages).toContain('removing an interrupted InternVL3 conversion');
    expect(messages).toContain('InternVL3 conversion finished');
    expect((await readdir(cacheDir)).filter((n) => n.startsWith('.converting-'))).toEqual([]);
    expect((await stat(join(folder, 'onnx', 'decoder_model_merged.onnx'))).size).toBeGreaterThan(1000);
  });

  it('returns an exported ONNX folder as it is and names what is wrong with other folders', async () => {
    const exported = join(dir, 'exported');
    await mkdir(join(exported, 'onnx'), { recursive: true });
    await writeFile(join(exported, 'onnx', 'decoder_model_merged_q4f16.onnx'), '');
    expect(await resolveInternVLModel(exported, { cacheDir: join(dir, 'unused') })).toBe(exported);
    await expect(resolveInternVLModel(join(dir, 'nothing-here'))).rejects.toThrow(EngineLoadError);
    await expect(resolveInternVLModel(original, { cacheDir: join(dir, 'unused'), dtype: 'q4f16' })).rejects.toThrow(/use fp32 or fp16/);
  });

  it('converts a sharded checkpoint exactly as the single-file one', async () => {
    const sharded = join(dir, 'sharded');
    await writeTinyCheckpoint(sharded, { shards: 3 });
    expect((await readdir(sharded)).filter((f) => f.endsWith('.safetensors'))).toHaveLength(3);
    const settings = { dtype: 'fp32', fusedOps: false } as const;
    await convertCheckpoint(original, join(dir, 'out-single'), settings);
    await convertCheckpoint(sharded, join(dir, 'out-sharded'), settings);
    const files = await readdir(join(dir, 'out-single', 'onnx'));
    expect(files).toHaveLength(6);
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(join(dir, 'out-single', 'onnx', file)), readFile(join(dir, 'out-sharded', 'onnx', file))]);
      expect(a.equals(b), file).toBe(true);
    }
  });
});
