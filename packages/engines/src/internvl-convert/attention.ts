import type { CheckpointConfig } from './config.ts';
import type { GraphEmitter } from './emitter.ts';

/** Graph values shared by every decoder layer's attention. */
export interface AttentionInputs {
  /** Int64 [2]: batch and sequence length of this call. */
  batchSeq: string;
  positionIds: string;
  attentionMask: string;
  /** Element type of the KV cache inputs and outputs. */
  kvType: 'float32' | 'float16';
}

/** Per-graph values each attention flavour prepares once (rotary tables, masks). */
export interface AttentionPrelude {
  /** Runs one layer's self-attention on the normed [B·S, H] input; returns the [B·S, H] result. */
  layer(x: string, layer: number, past: { key: string; value: string }, present: { key: string; value: string }): Promise<string>;
}

/** Builds a flavour's per-graph values; the decoder picks plain or fused by the settings. */
export type AttentionFactory = (e: GraphEmitter, config: CheckpointConfig, inputs: AttentionInputs) => Promise<AttentionPrelude>;

export function inverseFrequencies(theta: number, d: number): Float32Array {
  return Float32Array.from({ length: d / 2 }, (_, i) => theta ** ((-2 * i) / d));
}

/**
 * Attention from plain ONNX operators: RoPE in half-split form on q and k, the cache holds k after
 * RoPE, GQA by broadcasting q grouped as [B, nKV, heads/nKV, S, d] against k [B, nKV, 1, T, d],
 * causal + padding mask, softmax in fp32.
 */
export async function plainAttention(e: GraphEmitter, config: CheckpointConfig, inputs: AttentionInputs): Promise<AttentionPrelude> {
  const { g } = e;
  const { heads, kvHeads, headDim: d, ropeTheta } = config.llm;
  const group = heads / kvHeads;
  const { batchSeq } = inputs;

  const positions = g.op('Unsqueeze', [e.cast(inputs.positionIds, 'float32'), g.int64s([2])]);
  const freqs = g.op('Mul', [positions, g.constant('float32', [d / 2], inverseFrequencies(ropeTheta, d))]);
  const angles = g.op('Concat', [freqs, freqs], { axis: -1 });
  const [cos, sin] = [g.op('Cos', [angles]), g.op('Sin', [angles])];
  const forKeys = (t: string) => g.op('Unsqueeze', [t, g.int64s([1])]);
  const forQueries = (t: string) => g.op('Unsqueeze', [t, g.int64s([1, 2])]);
  const rope = (x: string, c: string, s: string) => {
    const first = g.op('Slice', [x, g.int64s([0]), g.int64s([d / 2]), g.int64s([-1])]);
    const second = g.op('Slice', [x, g.int64s([d / 2]), g.int64s([d]), g.int64s([-1])]);
    const rotated = g.op('Concat', [g.op('Neg', [second]), first], { axis: -1 });
    return g.op('Add', [g.op('Mul', [x, c]), g.op('Mul', [rotated, s])]);
  };
  const [cosK, sinK, cosQ, sinQ] = [forKeys(cos), forKeys(sin), forQueries(cos), forQueries(sin)];

  // Mask [B, 1, 1, S, T]: key t is visible to query s when t ≤ past + s and attention_mask[b, t] = 1.
  let mask: string | undefined;
  const maskFor = (presentKey: string) => {
    if (mask) return mask;
    const total = e.shapeSlice(presentKey, 2, 3);
    const seq = e.shapeSlice(positions, 1, 2);
    const past = g.op('Sub', [total, seq]);
    const toScalar = (v: string) => g.op('Squeeze', [v, g.int64s([0])]);
    const one = e.scalar(1, 'int64');
    const queryIndex = g.op('Range', [toScalar(past), toScalar(total), one]);
    const keyIndex = g.op('Range', [e.scalar(0, 'int64'), toScalar(total), one]);
    const causal = g.op('LessOrEqual', [g.op('Unsqueeze', [keyIndex, g.int64s([0])]), g.op('Unsqueeze', [queryIndex, g.int64s([1])])]);
    const padding = g.op('Unsqueeze', [e.cast(inputs.attentionMask, 'bool'), g.int64s([1, 2, 3])]);
    mask = g.op('And', [causal, padding]);
    return mask;
  };

  return {
    async layer(x, i, past, present) {
      const p = `language_model.model.layers.${i}.self_attn`;
      const q = await e.linear(x, `${p}.q_proj`, true);
      const k = await e.linear(x, `${p}.k_proj`, true);
      const v = await e.linear(x, `${p}.v_proj`, true);
      const heads5 = (t: string) => g.op('Transpose', [e.reshape(t, [batchSeq, [kvHeads, group, d]])], { perm: [0, 2, 3, 1, 4] });
      const heads4 = (t: string) => g.op('Transpose', [e.reshape(t, [batchSeq, [kvHeads, d]])], { perm: [0, 2, 1, 3] });
      const query = rope(heads5(q), cosQ, sinQ);
      const key = rope(heads4(k), cosK, sinK);
      const toCache = (t: string) => (inputs.kvType === 'float16' ? e.cast(t, 'float16') : t);
      const fromCache = (t: string) => (inputs.kvType === 'float16' ? e.cast(t, 'float32') : t);
      g.node('Concat', [past.key, toCache(key)], [present.key], { axis: 2 });
      g.node('Concat', [past.value, toCache(heads4(v))], [present.value], { axis: 2 });
      const keys = g.op('Unsqueeze', [fromCache(present.key), g.int64s([2])]);
      const values = g.op('Unsqueeze', [fromCache(present.value), g.int64s([2])]);

      const scores = g.op('MatMul', [g.op('Mul', [query, e.scalar(d ** -0.5)]), g.op('Transpose', [keys], { perm: [0, 1, 2, 4, 3] })]);
      const masked = g.op('Where', [maskFor(present.key), scores, e.scalar(-3.4028234663852886e38)]);
      const context = g.op('MatMul', [g.op('Softmax', [masked], { axis: -1 }), values]);
      const merged = e.reshape(g.op('Transpose', [context], { perm: [0, 3, 1, 2, 4] }), [[-1, heads * d]]);
      return e.linear(merged, `${p}.o_proj`, false);
    },
  };
}
