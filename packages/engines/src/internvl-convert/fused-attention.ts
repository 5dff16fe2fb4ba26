import { inverseFrequencies, type AttentionInputs, type AttentionPrelude } from './attention.ts';
import type { CheckpointConfig } from './config.ts';
import type { GraphEmitter } from './emitter.ts';

/** cos and sin of position·inv_freq for every position up to max_position_embeddings: [maxPos, d/2] each. */
function rotaryTables(config: CheckpointConfig): { cos: Float32Array; sin: Float32Array } {
  const { headDim: d, ropeTheta, maxPositions } = config.llm;
  const inverse = inverseFrequencies(ropeTheta, d);
  const cos = new Float32Array(maxPositions * (d / 2));
  const sin = new Float32Array(maxPositions * (d / 2));
  for (let p = 0; p < maxPositions; p++) {
    for (let i = 0; i < d / 2; i++) {
      cos[p * (d / 2) + i] = Math.cos(p * inverse[i]!);
      sin[p * (d / 2) + i] = Math.sin(p * inverse[i]!);
    }
  }
  return { cos, sin };
}

/**
 * Attention from onnxruntime's fused operators: RotaryEmbedding (com.microsoft, half-split form)
 * on q and k with the `position_ids`, then GroupQueryAttention (com.microsoft) over the cache.
 * q/k/v, the cache and the attention run in the matmul precision: fp16 is what the CUDA kernels
 * take, and they accumulate the softmax in fp32.
 */
export async function fusedAttention(e: GraphEmitter, config: CheckpointConfig, inputs: AttentionInputs): Promise<AttentionPrelude> {
  const { g } = e;
  const { heads, kvHeads, headDim: d, maxPositions } = config.llm;
  const tables = rotaryTables(config);
  const cos = await e.table('rotary_cos_cache', [maxPositions, d / 2], tables.cos, e.matmulType);
  const sin = await e.table('rotary_sin_cache', [maxPositions, d / 2], tables.sin, e.matmulType);
  // GQA reads lengths from the mask: seqlens_k = valid tokens − 1 per row, total = mask width.
  const validTokens = g.op('ReduceSum', [inputs.attentionMask, g.int64s([1])], { keepdims: 0 });
  const seqlensK = e.cast(g.op('Sub', [validTokens, e.scalar(1, 'int64')]), 'int32');
  const total = e.cast(g.op('Squeeze', [e.shapeSlice(inputs.attentionMask, 1, 2), g.int64s([0])]), 'int32');
  const rotate = (x: string, numHeads: number) =>
    g.op('RotaryEmbedding', [e.reshape(x, [inputs.batchSeq, [numHeads * d]]), inputs.positionIds, cos, sin], { interleaved: 0, num_heads: numHeads }, { domain: 'com.microsoft' });

  return {
    async layer(x, i, past, present) {
      const p = `language_model.model.layers.${i}.self_attn`;
      const input = e.toMatmul(x);
      const q = rotate(await e.gemm(input, `${p}.q_proj`, true), heads);
      const k = rotate(await e.gemm(input, `${p}.k_proj`, true), kvHeads);
      const v = e.reshape(await e.gemm(input, `${p}.v_proj`, true), [inputs.batchSeq, [kvHeads * d]]);
      const [context] = g.node('GroupQueryAttention', [q, k, v, past.key, past.value, seqlensK, total], [g.fresh('gqa'), present.key, present.value], { num_heads: heads, kv_num_heads: kvHeads }, { domain: 'com.microsoft' });
      return e.fromMatmul(await e.gemm(e.reshape(context!, [[-1, heads * d]]), `${p}.o_proj`, false));
    },
  };
}
