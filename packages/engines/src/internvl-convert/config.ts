import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The sizes of an InternVL3 checkpoint, read from its `config.json` (nothing hard-coded per size). */
export interface CheckpointConfig {
  vision: {
    hiddenSize: number;
    heads: number;
    intermediateSize: number;
    layers: number;
    patchSize: number;
    imageSize: number;
    layerNormEps: number;
    qkvBias: boolean;
  };
  llm: {
    hiddenSize: number;
    intermediateSize: number;
    layers: number;
    heads: number;
    kvHeads: number;
    headDim: number;
    vocabSize: number;
    rmsNormEps: number;
    ropeTheta: number;
    maxPositions: number;
  };
  /** 1/downsample_ratio², e.g. 4 for 0.5: tokens merged by the pixel shuffle. */
  shuffleFactor: number;
  /** Patch grid side before the pixel shuffle. */
  grid: number;
  tokensPerTile: number;
}

/** Thrown when `config.json` lacks a key or describes a model this converter does not build. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Json = Record<string, unknown>;

function num(section: Json, key: string, where: string, fallback?: number): number {
  const value = section[key] ?? fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ConfigError(`config.json: ${where}.${key} missing or not a number`);
  return value;
}

/** Parses the `internvl_chat` config; `force_image_size` wins over `vision_config.image_size` as in InternVL's code. */
export function parseCheckpointConfig(raw: Json): CheckpointConfig {
  const vision = raw.vision_config as Json | undefined;
  const llm = raw.llm_config as Json | undefined;
  if (!vision || !llm) throw new ConfigError('config.json: vision_config and llm_config are required (an internvl_chat checkpoint)');
  if (llm.model_type !== undefined && llm.model_type !== 'qwen2') throw new ConfigError(`config.json: llm_config.model_type ${String(llm.model_type)} is not supported (qwen2 only)`);
  if ((vision.norm_type ?? 'layer_norm') !== 'layer_norm') throw new ConfigError(`config.json: vision_config.norm_type ${String(vision.norm_type)} is not supported`);
  if (vision.qk_normalization === true) throw new ConfigError('config.json: vision_config.qk_normalization is not supported');
  if ((raw.ps_version ?? 'v2') !== 'v2') throw new ConfigError(`config.json: ps_version ${String(raw.ps_version)} is not supported (v2 only)`);
  if ((raw.select_layer ?? -1) !== -1) throw new ConfigError('config.json: only select_layer -1 is supported');

  const patchSize = num(vision, 'patch_size', 'vision_config');
  const imageSize = typeof raw.force_image_size === 'number' ? raw.force_image_size : num(vision, 'image_size', 'vision_config');
  const downsample = num(raw, 'downsample_ratio', 'config', 0.5);
  const grid = imageSize / patchSize;
  const scale = Math.round(1 / downsample);
  if (!Number.isInteger(grid) || grid % scale !== 0 || Math.abs(scale * downsample - 1) > 1e-9) {
    throw new ConfigError(`config.json: image ${imageSize} / patch ${patchSize} / downsample ${downsample} do not tile evenly`);
  }
  const hiddenSize = num(llm, 'hidden_size', 'llm_config');
  const heads = num(llm, 'num_attention_heads', 'llm_config');
  const maxPositions = num(llm, 'max_position_embeddings', 'llm_config');
  return {
    vision: {
      hiddenSize: num(vision, 'hidden_size', 'vision_config'),
      heads: num(vision, 'num_attention_heads', 'vision_config'),
      intermediateSize: num(vision, 'intermediate_size', 'vision_config'),
      layers: num(vision, 'num_hidden_layers', 'vision_config'),
      patchSize,
      imageSize,
      layerNormEps: num(vision, 'layer_norm_eps', 'vision_config', 1e-6),
      qkvBias: vision.qkv_bias !== false,
    },
    llm: {
      hiddenSize,
      intermediateSize: num(llm, 'intermediate_size', 'llm_config'),
      layers: num(llm, 'num_hidden_layers', 'llm_config'),
      heads,
      kvHeads: num(llm, 'num_key_value_heads', 'llm_config', heads),
      headDim: num(llm, 'head_dim', 'llm_config', hiddenSize / heads),
      vocabSize: num(llm, 'vocab_size', 'llm_config'),
      rmsNormEps: num(llm, 'rms_norm_eps', 'llm_config', 1e-6),
      ropeTheta: num(llm, 'rope_theta', 'llm_config', 10000),
      // Dynamic rope scaling equals plain RoPE up to max_position_embeddings: the graphs cap there.
      maxPositions,
    },
    shuffleFactor: scale * scale,
    grid,
    tokensPerTile: (grid / scale) ** 2,
  };
}

export async function readCheckpointConfig(folder: string): Promise<{ raw: Json; config: CheckpointConfig }> {
  const raw = JSON.parse(await readFile(join(folder, 'config.json'), 'utf8')) as Json;
  return { raw, config: parseCheckpointConfig(raw) };
}
