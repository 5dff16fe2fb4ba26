import { access, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { EngineLoadError } from '../engine.ts';
import { type InternVLConfig, parseInternVLConfig, tokenIds } from './config.ts';

// transformers.js names its precision variants by suffix; plain fp32 has none.
const DTYPE_SUFFIX: Record<string, string> = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  int8: '_int8',
  uint8: '_uint8',
  q4: '_q4',
  q4f16: '_q4f16',
  bnb4: '_bnb4',
};

export const supportedDtypes = Object.keys(DTYPE_SUFFIX);

/** The ONNX files of one precision variant. */
export interface ModelGraphs {
  visionEncoder: string;
  embedTokens: string;
  decoder: string;
}

/** What a model folder holds besides its graphs, read and checked. */
export interface ModelFolder {
  /** config.json `_name_or_path` (e.g. `InternVL3-8B`), else the folder's name. */
  modelName: string;
  graphs: ModelGraphs;
  config: InternVLConfig;
  tokenizerJson: object;
  tokenizerConfig: object;
  /** Stop ids from config.json and generation_config.json. */
  eosTokenIds: number[];
  /** generation_config.json `max_new_tokens`, when set. */
  maxNewTokens: number | undefined;
}

async function readJson(dir: string, name: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(join(dir, name), 'utf8');
  } catch {
    throw new EngineLoadError(`model folder ${dir} has no ${name}`);
  }
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new EngineLoadError(`${join(dir, name)} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Checks a transformers.js-layout InternVL folder (`onnx/vision_encoder{suffix}.onnx`,
 * `embed_tokens…`, `decoder_model_merged…`, config, tokenizer and generation config) and reads
 * its JSON files. Throws `EngineLoadError` naming the first missing or broken file.
 */
export async function readModelFolder(dir: string, dtype = 'fp32'): Promise<ModelFolder> {
  const suffix = DTYPE_SUFFIX[dtype];
  if (suffix === undefined) throw new EngineLoadError(`MODEL_DTYPE ${dtype} is not one of ${supportedDtypes.join(', ')}`);
  const graphs: ModelGraphs = {
    visionEncoder: join(dir, 'onnx', `vision_encoder${suffix}.onnx`),
    embedTokens: join(dir, 'onnx', `embed_tokens${suffix}.onnx`),
    decoder: join(dir, 'onnx', `decoder_model_merged${suffix}.onnx`),
  };
  for (const path of Object.values(graphs)) {
    await access(path).catch(() => {
      throw new EngineLoadError(`model folder ${dir} has no ${path.slice(dir.length + 1)} (MODEL_DTYPE ${dtype})`);
    });
  }
  const [configJson, tokenizerJson, tokenizerConfig, generationConfig] = await Promise.all([
    readJson(dir, 'config.json'),
    readJson(dir, 'tokenizer.json'),
    readJson(dir, 'tokenizer_config.json'),
    readJson(dir, 'generation_config.json'),
  ]);
  const config = parseInternVLConfig(configJson);
  const maxNewTokens = generationConfig['max_new_tokens'];
  const nameOrPath = configJson['_name_or_path'];
  return {
    modelName: basename(typeof nameOrPath === 'string' && nameOrPath !== '' ? nameOrPath : dir),
    graphs,
    config,
    tokenizerJson,
    tokenizerConfig,
    eosTokenIds: [...new Set([...config.llm.eosTokenIds, ...tokenIds(generationConfig['eos_token_id'])])],
    maxNewTokens: typeof maxNewTokens === 'number' ? maxNewTokens : undefined,
  };
}
