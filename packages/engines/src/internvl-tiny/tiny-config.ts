/** Sizes of the tiny InternVL3 stand-in: real image geometry and vocabulary, a very small network. */
export interface TinySizes {
  imageSize: number;
  patchSize: number;
  /** Channels of the patch embedding (the real InternViT has 1024 and 24 layers; here one conv). */
  visionChannels: number;
  hiddenSize: number;
  intermediateSize: number;
  numLayers: number;
  numHeads: number;
  numKeyValueHeads: number;
  vocabSize: number;
  maxPositions: number;
  ropeTheta: number;
  rmsNormEps: number;
}

export const TINY_SIZES: TinySizes = {
  imageSize: 448,
  patchSize: 14,
  visionChannels: 8,
  hiddenSize: 32,
  intermediateSize: 64,
  numLayers: 2,
  numHeads: 4,
  numKeyValueHeads: 2,
  vocabSize: 151674,
  maxPositions: 32768,
  ropeTheta: 1e6,
  rmsNormEps: 1e-6,
};

/** config.json in the original "internvl_chat" shape, with the tiny sizes. */
export function tinyConfigJson(s: TinySizes): object {
  return {
    _name_or_path: 'InternVL3-tiny-random',
    architectures: ['InternVLChatModel'],
    model_type: 'internvl_chat',
    template: 'internvl2_5',
    downsample_ratio: 0.5,
    force_image_size: s.imageSize,
    dynamic_image_size: true,
    use_thumbnail: true,
    min_dynamic_patch: 1,
    max_dynamic_patch: 12,
    ps_version: 'v2',
    select_layer: -1,
    vision_config: {
      model_type: 'intern_vit_6b',
      image_size: s.imageSize,
      patch_size: s.patchSize,
      hidden_size: s.visionChannels,
      num_hidden_layers: 0,
      num_attention_heads: 1,
      norm_type: 'layer_norm',
    },
    llm_config: {
      model_type: 'qwen2',
      architectures: ['Qwen2ForCausalLM'],
      hidden_size: s.hiddenSize,
      intermediate_size: s.intermediateSize,
      num_hidden_layers: s.numLayers,
      num_attention_heads: s.numHeads,
      num_key_value_heads: s.numKeyValueHeads,
      vocab_size: s.vocabSize,
      max_position_embeddings: s.maxPositions,
      rope_theta: s.ropeTheta,
      rms_norm_eps: s.rmsNormEps,
      hidden_act: 'silu',
      bos_token_id: 151643,
      eos_token_id: 151645,
      tie_word_embeddings: false,
    },
  };
}

export function tinyGenerationConfigJson(): object {
  return { eos_token_id: [151645, 151643], pad_token_id: 151643, do_sample: false };
}
