import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeModel } from '../onnx/index.ts';
import { tinyDecoderGraph } from './decoder-graph.ts';
import { tinyEmbedGraph } from './embed-graph.ts';
import { RandomWeights } from './random-weights.ts';
import { TINY_SIZES, tinyConfigJson, tinyGenerationConfigJson } from './tiny-config.ts';
import { definedTokenIds, tinyTokenizerConfig, tinyTokenizerJson } from './tokenizer-files.ts';
import { tinyVisionGraph } from './vision-graph.ts';

/**
 * Writes a tiny random InternVL3 stand-in in the transformers.js export layout: `onnx/` graphs,
 * `config.json`, `tokenizer.json`, `tokenizer_config.json`, `generation_config.json`. The same
 * seed gives byte-identical files.
 *
 * @example
 * await writeTinyInternVL('/tmp/internvl-tiny');
 */
export async function writeTinyInternVL(dir: string, seed = 1): Promise<void> {
  const s = TINY_SIZES;
  const rnd = new RandomWeights(seed);
  await mkdir(join(dir, 'onnx'), { recursive: true });
  const json = (name: string, value: object) => writeFile(join(dir, name), `${JSON.stringify(value, null, 2)}\n`);
  // Built one after another: each graph draws from the same random stream.
  const vision = tinyVisionGraph(s, rnd);
  const embed = tinyEmbedGraph(s, rnd);
  const decoder = tinyDecoderGraph(s, rnd, definedTokenIds());
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
