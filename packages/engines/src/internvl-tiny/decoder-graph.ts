import { GraphBuilder } from '../onnx/index.ts';
import { fromIo, type IoType, linear, rmsNorm, scalar, toIo } from './layers.ts';
import type { RandomWeights } from './random-weights.ts';
import type { TinySizes } from './tiny-config.ts';

/** Named the way transformers.js decoder exports name their dynamic axes. */
const B = 'batch_size';
const S = 'sequence_length';
const P = 'past_sequence_length';
const T = 'total_sequence_length';

interface Rope {
  cos: string;
  sin: string;
}

/** cos/sin [B,1,S,d] for the given positions, half-split form (the table repeated for both halves). */
function ropeTables(g: GraphBuilder, s: TinySizes, headDim: number, positionIds: string): Rope {
  const half = headDim / 2;
  const cos = new Float32Array(s.maxPositions * half);
  const sin = new Float32Array(s.maxPositions * half);
  for (let p = 0; p < s.maxPositions; p++) {
    for (let i = 0; i < half; i++) {
      const angle = p * s.ropeTheta ** ((-2 * i) / headDim);
      cos[p * half + i] = Math.cos(angle);
      sin[p * half + i] = Math.sin(angle);
    }
  }
  const gathered = (table: Float32Array, name: string) => {
    const t = g.op('Gather', [g.initializer(name, 'float32', [s.maxPositions, half], table), positionIds], { axis: 0 });
    return g.op('Unsqueeze', [g.op('Concat', [t, t], { axis: -1 }), g.int64s([1])]);
  };
  return { cos: gathered(cos, 'rope.cos'), sin: gathered(sin, 'rope.sin') };
}

/** x·cos + rotate_half(x)·sin, rotate_half(x) = [-x2, x1]; x is [B,heads,S,d]. */
function applyRope(g: GraphBuilder, x: string, rope: Rope, headDim: number): string {
  const [x1, x2] = g.node('Split', [x, g.int64s([headDim / 2, headDim / 2])], 2, { axis: -1 }) as [string, string];
  const rotated = g.op('Concat', [g.op('Neg', [x2]), x1], { axis: -1 });
  return g.op('Add', [g.op('Mul', [x, rope.cos]), g.op('Mul', [rotated, rope.sin])]);
}

/** [B,S,heads·d] → [B,heads,S,d]. */
function splitHeads(g: GraphBuilder, x: string, heads: number, headDim: number): string {
  return g.op('Transpose', [g.op('Reshape', [x, g.int64s([0, 0, heads, headDim])])], { perm: [0, 2, 1, 3] });
}

/**
 * Key-visibility mask [B,1,1,S,T]: query i (absolute position P+i) sees key j when j ≤ P+i and
 * attention_mask[b, j] is 1.
 */
function attentionMask(g: GraphBuilder, embeds: string, mask: string, pastKey: string): string {
  const dim = (tensor: string, axis: number) => g.op('Gather', [g.op('Shape', [tensor]), g.constant('int64', [], new BigInt64Array([BigInt(axis)]))], { axis: 0 });
  const past = dim(pastKey, 2);
  const total = g.op('Add', [past, dim(embeds, 1)]);
  const one = g.constant('int64', [], new BigInt64Array([1n]));
  const keyPos = g.op('Unsqueeze', [g.op('Range', [g.constant('int64', [], new BigInt64Array([0n])), total, one]), g.int64s([0])]);
  const queryPos = g.op('Unsqueeze', [g.op('Range', [past, total, one]), g.int64s([1])]);
  const causal = g.op('LessOrEqual', [keyPos, queryPos]);
  const padding = g.op('Unsqueeze', [g.op('Cast', [mask], { to: 9 /* BOOL */ }), g.int64s([1, 2, 3])]);
  return g.op('And', [causal, padding]);
}

/**
 * A Qwen2 decoder with KV cache in the transformers.js "decoder_model_merged" interface:
 * `inputs_embeds`, `attention_mask`, `position_ids`, `past_key_values.{i}.key/value` [B,nKV,P,d]
 * → `logits` [B,S,V], `present.{i}.key/value` [B,nKV,T,d]. RMSNorm, RoPE on q and k (the cache
 * holds rotated keys), grouped-query attention, SwiGLU MLP, final norm, separate lm_head.
 * `definedIds` are the token ids the tokenizer knows; the lm_head bias keeps the random model
 * from emitting the unused ids in between. With `allLogits` the graph returns logits for every
 * position as transformers.js exports do; otherwise only for the last one ([B,1,V]), which keeps
 * a prefill over the real 151,674-entry vocabulary cheap. `io` float16 gives the interface of an
 * fp16 export (inputs, KV cache and outputs in float16) around float32 arithmetic.
 */
export function tinyDecoderGraph(s: TinySizes, rnd: RandomWeights, definedIds: readonly number[], allLogits: boolean, io: IoType): GraphBuilder {
  const g = new GraphBuilder('decoder_model_merged');
  const h = s.hiddenSize;
  const d = h / s.numHeads;
  const nKV = s.numKeyValueHeads;
  const group = s.numHeads / nKV;

  const embedsIn = g.input('inputs_embeds', io, [B, S, h]);
  const embeds = fromIo(g, embedsIn, io);
  const mask = g.input('attention_mask', 'int64', [B, T]);
  const positions = g.input('position_ids', 'int64', [B, S]);
  const past = Array.from({ length: s.numLayers }, (_, i) => ({
    key: g.input(`past_key_values.${i}.key`, io, [B, nKV, P, d]),
    value: g.input(`past_key_values.${i}.value`, io, [B, nKV, P, d]),
  }));

  const rope = ropeTables(g, s, d, positions);
  const visible = attentionMask(g, embedsIn, mask, past[0]!.key);
  const hidden = Float32Array.from({ length: h }, () => 1);
  const scale = scalar(g, 1 / Math.sqrt(d));
  const masked = scalar(g, -1e9);

  let x = embeds;
  for (let i = 0; i < s.numLayers; i++) {
    const p = `layers.${i}`;
    const w = (name: string, fanIn: number, fanOut: number) => g.initializer(`${p}.${name}`, 'float32', [fanIn, fanOut], rnd.matrix(fanIn, fanOut));
    const b = (name: string, size: number) => g.initializer(`${p}.${name}`, 'float32', [size], rnd.uniform(size, 0.1));

    const normed = rmsNorm(g, x, g.initializer(`${p}.input_layernorm.weight`, 'float32', [h], hidden), s.rmsNormEps);
    const q = applyRope(g, splitHeads(g, linear(g, normed, w('q_proj.weight', h, h), b('q_proj.bias', h)), s.numHeads, d), rope, d);
    const k = applyRope(g, splitHeads(g, linear(g, normed, w('k_proj.weight', h, nKV * d), b('k_proj.bias', nKV * d)), nKV, d), rope, d);
    const v = splitHeads(g, linear(g, normed, w('v_proj.weight', h, nKV * d), b('v_proj.bias', nKV * d)), nKV, d);
    const keys = g.op('Concat', [fromIo(g, past[i]!.key, io), k], { axis: 2 });
    const values = g.op('Concat', [fromIo(g, past[i]!.value, io), v], { axis: 2 });
    g.output(toIo(g, keys, io), io, [B, nKV, T, d], `present.${i}.key`);
    g.output(toIo(g, values, io), io, [B, nKV, T, d], `present.${i}.value`);

    // Query heads grouped under their KV head: [B,nKV,group,S,d] against [B,nKV,1,T,d].
    const qGrouped = g.op('Reshape', [q, g.int64s([0, nKV, group, -1, d])]);
    const kT = g.op('Unsqueeze', [g.op('Transpose', [keys], { perm: [0, 1, 3, 2] }), g.int64s([2])]);
    const scores = g.op('Where', [visible, g.op('Mul', [g.op('MatMul', [qGrouped, kT]), scale]), masked]);
    const context = g.op('MatMul', [g.op('Softmax', [scores], { axis: -1 }), g.op('Unsqueeze', [values, g.int64s([2])])]);
    const merged = g.op('Reshape', [
      g.op('Transpose', [g.op('Reshape', [context, g.int64s([0, s.numHeads, -1, d])])], { perm: [0, 2, 1, 3] }),
      g.int64s([0, 0, h]),
    ]);
    x = g.op('Add', [x, linear(g, merged, w('o_proj.weight', h, h))]);

    const normed2 = rmsNorm(g, x, g.initializer(`${p}.post_attention_layernorm.weight`, 'float32', [h], hidden), s.rmsNormEps);
    const gate = linear(g, normed2, w('mlp.gate_proj.weight', h, s.intermediateSize));
    const up = linear(g, normed2, w('mlp.up_proj.weight', h, s.intermediateSize));
    const silu = g.op('Mul', [gate, g.op('Sigmoid', [gate])]);
    x = g.op('Add', [x, linear(g, g.op('Mul', [silu, up]), w('mlp.down_proj.weight', s.intermediateSize, h))]);
  }

  const last = allLogits ? x : g.op('Slice', [x, g.int64s([-1]), g.int64s([Number.MAX_SAFE_INTEGER]), g.int64s([1])]);
  const final = rmsNorm(g, last, g.initializer('norm.weight', 'float32', [h], hidden), s.rmsNormEps);
  const unused = new Float32Array(s.vocabSize).fill(-1e4);
  for (const id of definedIds) unused[id] = 0;
  // Logit scale ×4 makes the random model's choices confident enough to differ from uniform.
  const lmHead = g.initializer('lm_head.weight', 'float32', [h, s.vocabSize], rnd.uniform(h * s.vocabSize, 4 * Math.sqrt(3 / h)));
  const logits = linear(g, final, lmHead, g.initializer('lm_head.unused_ids', 'float32', [s.vocabSize], unused));
  g.output(toIo(g, logits, io), io, [B, allLogits ? S : 1, s.vocabSize], 'logits');
  return g;
}
