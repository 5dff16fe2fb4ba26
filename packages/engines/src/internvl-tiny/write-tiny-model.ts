import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeModel } from '../onnx/index.ts';
import { tinyDecoderGraph } from './decoder-graph.ts';
import { tinyEmbedGraph } from './embed-graph.ts';
import { RandomWeights } from './random-weights.ts';
import { TINY_SIZES, tinyConfigJson, tinyGenerationConfigJson } from './tiny-config.ts';
import { definedTokenIds, tinyTokenizerConfig, tinyTokenizerJson } from './tokenizer-files.ts';
import { tinyVisionGraph } from './vision-graph.ts';

export interface TinyModelOptions {
  /** Weight seed; the same seed gives byte-identical files (default 1). */
  seed?: number;
  /** Decoder returns logits for every position, as transformers.js exports do (default: last only). */
  allLogits?: boolean;
  /**
   * Variants to write, as MODEL_DTYPE names them (default `['fp32']`). `fp16` has the float16
   * interface of an fp16 export (`*_fp16.onnx`) around the same weights.
   */
  dtypes?: ('fp32' | 'fp16')[];
}

const VARIANTS = { fp32: { suffix: '', io: 'float32' }, fp16: { suffix: '_fp16', io: 'float16' } } as const;

/**
 * Writes a tiny random InternVL3 stand-in in the transformers.js export layout: `onnx/` graphs,
 * `config.json`, `tokenizer.json`, `tokenizer_config.json`, `generation_config.json`.
 *
 * @example
 * await writeTinyInternVL('/tmp/internvl-tiny');
 */
export async function writeTinyInternVL(dir: string, options: TinyModelOptions = {}): Promise<void> {
  const { seed = 1, allLogits = false, dtypes = ['fp32'] } = options;
  const s = TINY_SIZES;
  await mkdir(join(dir, 'onnx'), { recursive: true });
  const json = (name: string, value: object) => writeFile(join(dir, name), `${JSON.stringify(value, null, 2)}\n`);
  for (const dtype of dtypes) {
    const { suffix, io } = VARIANTS[dtype];
    // One random stream per variant, drawn in the same order: every variant has the same weights.
    const rnd = new RandomWeights(seed);
    const vision = tinyVisionGraph(s, rnd, io);
    const embed = tinyEmbedGraph(s, rnd, io);
    const decoder = tinyDecoderGraph(s, rnd, definedTokenIds(), allLogits, io);
    await Promise.all([
      writeModel(vision, join(dir, 'onnx', `vision_encoder${suffix}.onnx`)),
      writeModel(embed, join(dir, 'onnx', `embed_tokens${suffix}.onnx`)),
      writeModel(decoder, join(dir, 'onnx', `decoder_model_merged${suffix}.onnx`)),
    ]);
  }
  await Promise.all([
    json('config.json', tinyConfigJson(s)),
    json('generation_config.json', tinyGenerationConfigJson()),
    json('tokenizer.json', tinyTokenizerJson()),
    json('tokenizer_config.json', tinyTokenizerConfig()),
  ]);
}
