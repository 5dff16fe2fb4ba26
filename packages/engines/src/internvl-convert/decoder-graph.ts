import { plainAttention, type AttentionFactory } from './attention.ts';
import type { CheckpointConfig } from './config.ts';
import type { GraphEmitter } from './emitter.ts';
import { fusedAttention } from './fused-attention.ts';

/**
 * The Qwen2 decoder with KV cache, in the transformers.js `decoder_model_merged` interface:
 * `inputs_embeds`, `attention_mask`, `position_ids`, `past_key_values.{i}.key|value` [B, nKV, T, d]
 * → `logits` [B, S, V] (float32), `present.{i}.key|value`. The residual stream stays float32.
 */
export async function emitDecoder(e: GraphEmitter, config: CheckpointConfig): Promise<void> {
  const { g } = e;
  const { hiddenSize: H, layers, kvHeads, headDim: d, vocabSize, rmsNormEps } = config.llm;
  const kvType = e.matmulType;
  const embeds = g.input('inputs_embeds', 'float32', ['batch_size', 'sequence_length', H]);
  const attentionMask = g.input('attention_mask', 'int64', ['batch_size', 'total_sequence_length']);
  const positionIds = g.input('position_ids', 'int64', ['batch_size', 'sequence_length']);
  const cacheDims = ['batch_size', kvHeads, 'past_sequence_length', d];
  const presentDims = ['batch_size', kvHeads, 'total_sequence_length', d];
  const past = Array.from({ length: layers }, (_, i) => ({
    key: g.input(`past_key_values.${i}.key`, kvType, cacheDims),
    value: g.input(`past_key_values.${i}.value`, kvType, cacheDims),
  }));
  const batchSeq = e.shapeSlice(embeds, 0, 2);
  const attention: AttentionFactory = e.settings.fusedOps ? fusedAttention : plainAttention;
  const attend = await attention(e, config, { batchSeq, positionIds, attentionMask, kvType });

  let x = e.reshape(embeds, [[-1, H]]);
  for (let i = 0; i < layers; i++) {
    const p = `language_model.model.layers.${i}`;
    const present = { key: `present.${i}.key`, value: `present.${i}.value` };
    const attn = await attend.layer(await e.rmsNorm(x, `${p}.input_layernorm.weight`, rmsNormEps), i, past[i]!, present);
    x = g.op('Add', [x, attn]);
    const normed = await e.rmsNorm(x, `${p}.post_attention_layernorm.weight`, rmsNormEps);
    const gate = await e.linear(normed, `${p}.mlp.gate_proj`, false);
    const up = await e.linear(normed, `${p}.mlp.up_proj`, false);
    const act = g.op('Mul', [g.op('Mul', [gate, g.op('Sigmoid', [gate])]), up]);
    x = g.op('Add', [x, await e.linear(act, `${p}.mlp.down_proj`, false)]);
  }
  const normed = await e.rmsNorm(x, 'language_model.model.norm.weight', rmsNormEps);
  // Tied embeddings (tie_word_embeddings) ship no lm_head: the embedding table is the projection.
  const head = e.hasWeight('language_model.lm_head.weight') ? 'language_model.lm_head' : 'language_model.model.embed_tokens';
  const logits = await e.linear(normed, head, false);
  g.output(e.reshape(logits, [batchSeq, [vocabSize]]), 'float32', ['batch_size', 'sequence_length', vocabSize], 'logits');
  for (let i = 0; i < layers; i++) {
    g.output(`present.${i}.key`, kvType, presentDims);
    g.output(`present.${i}.value`, kvType, presentDims);
  }
}
