import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { loadReferenceModel, ReferenceDecoder, referenceImageFeatures, type ReferenceModel } from '../internvl-reference/index.ts';
import { convertCheckpoint, dtypeSuffix } from './convert.ts';
import type { ConvertSettings } from './emitter.ts';
import { tinyTokenIds, writeTinyCheckpoint } from './tiny-checkpoint.ts';

const dir = await mkdtemp(join(tmpdir(), 'internvl-convert-'));
const original = join(dir, 'original');
await writeTinyCheckpoint(original);
const tied = join(dir, 'tied');
await writeTinyCheckpoint(tied, { tieWordEmbeddings: true });
afterAll(() => rm(dir, { recursive: true, force: true }));

const imageSize = 56;
const hidden = 64;
const vocab = 320;
const kvHeads = 2;
const headDim = 16;

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

function randomPixels(tiles: number): Float32Array {
  let state = 12345;
  return Float32Array.from({ length: tiles * 3 * imageSize * imageSize }, () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state / 2 ** 32) * 4 - 2;
  });
}

function toFloat32(tensor: ort.Tensor): Float32Array {
  return tensor.data instanceof Float32Array ? tensor.data : Float32Array.from(tensor.data as ArrayLike<number>);
}

/** Converts with `settings`, then runs vision, embedding, prefill and cached decode steps in ORT and in the reference. */
async function compare(settings: ConvertSettings, source = original): Promise<{ vision: number; embed: number; logits: number[] }> {
  const reference: ReferenceModel = await loadReferenceModel(source);
  const out = join(dir, `onnx-${settings.dtype}-${settings.fusedOps ? 'fused' : 'plain'}-${source === tied ? 'tied' : 'separate'}`);
  await convertCheckpoint(source, out, settings);
  const suffix = dtypeSuffix(settings);
  const open = (name: string) => ort.InferenceSession.create(join(out, 'onnx', `${name}${suffix}.onnx`));
  const [vision, embed, decoder] = await Promise.all([open('vision_encoder'), open('embed_tokens'), open('decoder_model_merged')]);
  try {
    const tiles = 2;
    const pixels = randomPixels(tiles);
    const features = toFloat32((await vision.run({ pixel_values: new ort.Tensor('float32', pixels, [tiles, 3, imageSize, imageSize]) })).image_features!);
    const expectedFeatures = referenceImageFeatures(reference, pixels, tiles);
    const visionDiff = maxAbsDiff(features, expectedFeatures);

    const ids = tinyTokenIds();
    // A prompt with one tile's image tokens (4 per tile at 56 px, patch 14) replaced by its features.
    const prompt = [ids['<|im_start|>']!, 72, 101, ids['<img>']!, ...Array<number>(4).fill(ids['<IMG_CONTEXT>']!), ids['</img>']!, 259, 33, ids['<|im_end|>']!];
    const idTensor = new ort.Tensor('int64', BigInt64Array.from(prompt, BigInt), [1, prompt.length]);
    const embeds = toFloat32((await embed.run({ input_ids: idTensor })).inputs_embeds!);
    const refDecoder = new ReferenceDecoder(reference);
    const expectedEmbeds = refDecoder.embed(prompt);
    const embedDiff = maxAbsDiff(embeds, expectedEmbeds);
    const imageStart = prompt.indexOf(ids['<IMG_CONTEXT>']!);
    embeds.set(features.subarray(0, 4 * hidden), imageStart * hidden);

    const kvType = settings.dtype === 'fp16' ? 'float16' : 'float32';
    const emptyCache = (): ort.Tensor => new ort.Tensor(kvType, kvType === 'float16' ? new Uint16Array(0) : new Float32Array(0), [1, kvHeads, 0, headDim]);
    let feeds: Record<string, ort.Tensor> = {};
    for (let i = 0; i < 2; i++) feeds[`past_key_values.${i}.key`] = emptyCache(), (feeds[`past_key_values.${i}.value`] = emptyCache());
    const logitDiffs: number[] = [];
    let stepEmbeds = embeds;
    let positions = prompt.map((_, i) => i);
    for (let step = 0; step < 4; step++) {
      const total = positions[positions.length - 1]! + 1;
      const result = await decoder.run({
        ...feeds,
        inputs_embeds: new ort.Tensor('float32', stepEmbeds, [1, positions.length, hidden]),
        attention_mask: new ort.Tensor('int64', new BigInt64Array(total).fill(1n), [1, total]),
        position_ids: new ort.Tensor('int64', BigInt64Array.from(positions, BigInt), [1, positions.length]),
      });
      const logits = toFloat32(result.logits!);
      const expected = refDecoder.forward(stepEmbeds, positions);
      logitDiffs.push(maxAbsDiff(logits, expected));
      feeds = {};
      for (let i = 0; i < 2; i++) {
        feeds[`past_key_values.${i}.key`] = result[`present.${i}.key`]!;
        feeds[`past_key_values.${i}.value`] = result[`present.${i}.value`]!;
      }
      // Greedy next token from the reference, so both sides decode the same sequence.
      const last = expected.subarray(expected.length - vocab);
      const next = last.indexOf(Math.max(...last));
      stepEmbeds = refDecoder.embed([next]);
      positions = [total];
    }
    return { vision: visionDiff, embed: embedDiff, logits: logitDiffs };
  } finally {
    await Promise.all([vision.release(), embed.release(), decoder.release()]);
  }
}

describe('InternVL3 conversion against the pure-TS reference', () => {
  it('fp32 with plain operators matches to 1e-4 (vision, prefill, cached decode steps)', async () => {
    const diffs = await compare({ dtype: 'fp32', fusedOps: false });
    expect(diffs.vision).toBeLessThanOrEqual(1e-4);
    expect(diffs.embed).toBe(0);
    for (const d of diffs.logits) expect(d).toBeLessThanOrEqual(1e-4);
  });

  it('fp16 with plain operators stays within 1e-2 (fp32 residual stream, norms, softmax, logits)', async () => {
    const diffs = await compare({ dtype: 'fp16', fusedOps: false });
    expect(diffs.vision).toBeLessThanOrEqual(1e-2);
    for (const d of diffs.logits) expect(d).toBeLessThanOrEqual(1e-2);
  });

  it('fp32 with fused operators matches to 1e-4', async () => {
    const diffs = await compare({ dtype: 'fp32', fusedOps: true });
    expect(diffs.vision).toBeLessThanOrEqual(1e-4);
    for (const d of diffs.logits) expect(d).toBeLessThanOrEqual(1e-4);
  });

  it('fp32 with tied word embeddings (no lm_head tensor) matches to 1e-4', async () => {
    const diffs = await compare({ dtype: 'fp32', fusedOps: true }, tied);
    for (const d of diffs.logits) expect(d).toBeLessThanOrEqual(1e-4);
  });

  it('fp16 with fused operators stays within 1e-2', async () => {
    const diffs = await compare({ dtype: 'fp16', fusedOps: true });
    expect(diffs.vision).toBeLessThanOrEqual(1e-2);
    for (const d of diffs.logits) expect(d).toBeLessThanOrEqual(1e-2);
  });
});
