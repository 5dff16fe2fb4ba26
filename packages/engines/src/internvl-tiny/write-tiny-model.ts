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
}

/**
 * Writes a tiny random InternVL3 stand-in in the transformers.js export layout: `onnx/` graphs,
 * `config.json`, `tokenizer.json`, `tokenizer_config.json`, `generation_config.json`.
 *
 * @example
 * await writeTinyInternVL('/tmp/internvl-tiny');
 */
export async function writeTinyInternVL(dir: string, options: TinyModelOptions = {}): Promise<void> {
  const { seed = 1, allLogits = false } = options;
  const s = TINY_SIZES;
  const rnd = new RandomWeights(seed);
  await mkdir(join(dir, 'onnx'), { recursive: true });
  const json = (name: string, value: object) => writeFile(join(dir, name), `${JSON.stringify(value, null, 2)}\n`);
  // Built one after another: each graph draws from the same random stream.
  const vision = tinyVisionGraph(s, rnd);
  const embed = tinyEmbedGraph(s, rnd);
  const decoder = tinyDecoderGraph(s, rnd, definedTokenIds(), allLogits);
  await Promise.all([
    writeModel(vision, join(dir, 'onnx', 'vision_encoder.onnx')),
    writeModel(embed, join(dir, 'onnx', 'embed_tokens.onnx')),
    writeModel(decoder, join(dir, 'onnx', 'decoder_model_merged.onnx')),
    json('config.json', tinyConfigJson(s)),
    json('generation_config.json', tinyGenerationConfigJson()),
    json('tokenizer.json', tinyTokenizerJson()),
    json('tokenizer_config.json', tinyTokenizerConfig()),
  ]);
}
