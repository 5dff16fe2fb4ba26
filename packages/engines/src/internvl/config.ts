import { EngineLoadError } from '../engine.ts';

/** The parts of an InternVL `config.json` ("internvl_chat") the engine runs on. */
export interface InternVLConfig {
  /** Tile side in pixels (`force_image_size`, else `vision_config.image_size`). */
  imageSize: number;
  patchSize: number;
  downsampleRatio: number;
  /** Image tokens per tile: (imageSize / patchSize)² · downsampleRatio². */
  tokensPerTile: number;
  minDynamicPatch: number;
  maxDynamicPatch: number;
  useThumbnail: boolean;
  /** Chat template name, e.g. `internvl2_5`. */
  template: string;
  /** `system_message` when the config sets one; otherwise the template's own applies. */
  systemMessage: string | undefined;
  llm: {
    hiddenSize: number;
    numLayers: number;
    numHeads: number;
    numKeyValueHeads: number;
    headDim: number;
    vocabSize: number;
    eosTokenIds: number[];
  };
}

type Json = Record<string, unknown>;

function section(json: Json, key: string): Json {
  const value = json[key];
  if (typeof value !== 'object' || value === null) throw new EngineLoadError(`config.json: "${key}" is missing`);
  return value as Json;
}

function positiveInt(json: Json, key: string, where: string, fallback?: number): number {
  const value = json[key] ?? fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new EngineLoadError(`config.json: ${where}${key} must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A token id field that may hold one id or a list (`eos_token_id`). */
export function tokenIds(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
}

/**
 * Reads an InternVL chat `config.json` (already parsed). Throws `EngineLoadError` naming the key
 * that is missing or malformed.
 */
export function parseInternVLConfig(json: Json): InternVLConfig {
  const vision = section(json, 'vision_config');
  const llmJson = section(json, 'llm_config');

  const imageSize = positiveInt(json, 'force_image_size', '', positiveInt(vision, 'image_size', 'vision_config.'));
  const patchSize = positiveInt(vision, 'patch_size', 'vision_config.');
  const downsampleRatio = json['downsample_ratio'] ?? 0.5;
  if (typeof downsampleRatio !== 'number' || downsampleRatio <= 0 || downsampleRatio > 1) {
    throw new EngineLoadError(`config.json: downsample_ratio must be in (0, 1], got ${JSON.stringify(downsampleRatio)}`);
  }
  const grid = imageSize / patchSize;
  if (!Number.isInteger(grid)) throw new EngineLoadError(`config.json: image size ${imageSize} is not a multiple of patch size ${patchSize}`);
  // InternVL: int((image_size // patch_size) ** 2 * downsample_ratio ** 2)
  const tokensPerTile = Math.floor(grid * grid * downsampleRatio * downsampleRatio);

  const hiddenSize = positiveInt(llmJson, 'hidden_size', 'llm_config.');
  const numHeads = positiveInt(llmJson, 'num_attention_heads', 'llm_config.');
  const numKeyValueHeads = positiveInt(llmJson, 'num_key_value_heads', 'llm_config.', numHeads);
  if (numHeads % numKeyValueHeads !== 0) {
    throw new EngineLoadError(`config.json: llm_config.num_attention_heads ${numHeads} is not a multiple of num_key_value_heads ${numKeyValueHeads}`);
  }
  const template = json['template'];
  if (typeof template !== 'string') throw new EngineLoadError('config.json: "template" is missing');
  const systemMessage = json['system_message'];

  return {
    imageSize,
    patchSize,
    downsampleRatio,
    tokensPerTile,
    minDynamicPatch: positiveInt(json, 'min_dynamic_patch', '', 1),
    maxDynamicPatch: positiveInt(json, 'max_dynamic_patch', '', 12),
    useThumbnail: json['use_thumbnail'] !== false,
    template,
    systemMessage: typeof systemMessage === 'string' ? systemMessage : undefined,
    llm: {
      hiddenSize,
      numLayers: positiveInt(llmJson, 'num_hidden_layers', 'llm_config.'),
      numHeads,
      numKeyValueHeads,
      headDim: positiveInt(llmJson, 'head_dim', 'llm_config.', hiddenSize / numHeads),
      vocabSize: positiveInt(llmJson, 'vocab_size', 'llm_config.'),
      eosTokenIds: tokenIds(llmJson['eos_token_id']),
    },
  };
}
