import { describe, expect, it } from 'vitest';
import { ConfigError, parseCheckpointConfig } from './config.ts';

// The keys of OpenGVLab/InternVL3-8B's config.json that the converter reads (values as published).
const internVL3_8B = {
  downsample_ratio: 0.5, force_image_size: 448, ps_version: 'v2', select_layer: -1, template: 'internvl2_5',
  vision_config: { hidden_size: 1024, num_attention_heads: 16, intermediate_size: 4096, num_hidden_layers: 24, patch_size: 14, image_size: 448, layer_norm_eps: 1e-6, qkv_bias: true, qk_normalization: false, norm_type: 'layer_norm' },
  llm_config: { model_type: 'qwen2', hidden_size: 3584, intermediate_size: 18944, num_hidden_layers: 28, num_attention_heads: 28, num_key_value_heads: 4, vocab_size: 151674, rms_norm_eps: 1e-6, rope_theta: 1000000, max_position_embeddings: 32768, tie_word_embeddings: false },
};

describe('parseCheckpointConfig', () => {
  it('reads every size from config.json', () => {
    const config = parseCheckpointConfig(internVL3_8B);
    expect(config).toMatchObject({ grid: 32, shuffleFactor: 4, tokensPerTile: 256 });
    expect(config.vision).toMatchObject({ hiddenSize: 1024, heads: 16, layers: 24, imageSize: 448, patchSize: 14 });
    expect(config.llm).toMatchObject({ hiddenSize: 3584, layers: 28, heads: 28, kvHeads: 4, headDim: 128, vocabSize: 151674, maxPositions: 32768 });
  });

  it('refuses what the graphs do not implement, naming it', () => {
    expect(() => parseCheckpointConfig({ ...internVL3_8B, llm_config: { ...internVL3_8B.llm_config, model_type: 'qwen3' } })).toThrow(/qwen3 is not supported/);
    expect(() => parseCheckpointConfig({ ...internVL3_8B, ps_version: 'v1' })).toThrow(ConfigError);
    expect(() => parseCheckpointConfig({ ...internVL3_8B, vision_config: { ...internVL3_8B.vision_config, patch_size: 15 } })).toThrow(/do not tile evenly/);
  });
});
