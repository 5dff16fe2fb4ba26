import { add, linear, map, matrix, rmsNorm, row, silu, softmaxInPlace, type Matrix } from './math.ts';
import type { ReferenceModel } from './model.ts';

/** Per layer: keys after RoPE and values, [kvHeads][position] → d numbers. */
interface LayerCache {
  keys: Float64Array[][];
  values: Float64Array[][];
}

/** Qwen2's rotate_half RoPE: x·cos + rotate_half(x)·sin with inv_freq[i] = θ^(−2i/d), frequencies repeated. */
function rope(x: Float64Array, position: number, theta: number): Float64Array {
  const d = x.length;
  const out = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const angle = position * theta ** ((-2 * (j % (d / 2))) / d);
    const rotated = j < d / 2 ? -x[j + d / 2]! : x[j - d / 2]!;
    out[j] = x[j]! * Math.cos(angle) + rotated * Math.sin(angle);
  }
  return out;
}

/**
 * Qwen2ForCausalLM written from its definition, one sequence, with its own KV cache: each call
 * appends the given positions and returns their logits [S, V].
 */
export class ReferenceDecoder {
  private readonly cache: LayerCache[];
  private readonly heads: number;
  private readonly kvHeads: number;
  private readonly d: number;

  constructor(private readonly model: ReferenceModel) {
    const llm = model.llm;
    this.heads = llm.num_attention_heads as number;
    this.kvHeads = (llm.num_key_value_heads as number | undefined) ?? this.heads;
    this.d = (llm.hidden_size as number) / this.heads;
    this.cache = Array.from({ length: llm.num_hidden_layers as number }, () => ({
      keys: Array.from({ length: this.kvHeads }, () => []),
      values: Array.from({ length: this.kvHeads }, () => []),
    }));
  }

  /** `embed_tokens` rows for the ids, as a [S, H] float32 array. */
  embed(ids: number[]): Float32Array {
    const H = this.model.llm.hidden_size as number;
    const table = this.model.w('language_model.model.embed_tokens.weight');
    const out = new Float32Array(ids.length * H);
    ids.forEach((id, s) => out.set(table.subarray(id * H, (id + 1) * H), s * H));
    return out;
  }

  /** Runs positions `positions` (after the cached ones) and returns logits [S, V]. */
  forward(embeds: Float32Array, positions: number[]): Float32Array {
    const llm = this.model.llm;
    const H = llm.hidden_size as number;
    const eps = (llm.rms_norm_eps as number | undefined) ?? 1e-6;
    let x = matrix(positions.length, H, embeds);
    for (let i = 0; i < this.cache.length; i++) {
      const p = `language_model.model.layers.${i}`;
      x = add(x, this.attention(rmsNorm(x, this.model.w(`${p}.input_layernorm.weight`), eps), positions, i));
      const normed = rmsNorm(x, this.model.w(`${p}.post_attention_layernorm.weight`), eps);
      const inner = llm.intermediate_size as number;
      const gate = linear(normed, this.model.w(`${p}.mlp.gate_proj.weight`), inner);
      const up = linear(normed, this.model.w(`${p}.mlp.up_proj.weight`), inner);
      const act = map(gate, (v, j) => silu(v) * up.data[j]!);
      x = add(x, linear(act, this.model.w(`${p}.mlp.down_proj.weight`), H));
    }
    const normed = rmsNorm(x, this.model.w('language_model.model.norm.weight'), eps);
    const head = this.model.has('language_model.lm_head.weight') ? 'language_model.lm_head.weight' : 'language_model.model.embed_tokens.weight';
    return Float32Array.from(linear(normed, this.model.w(head), llm.vocab_size as number).data);
  }

  private attention(x: Matrix, positions: number[], layer: number): Matrix {
    const { heads, kvHeads, d } = this;
    const theta = (this.model.llm.rope_theta as number | undefined) ?? 10000;
    const p = `language_model.model.layers.${layer}.self_attn`;
    const q = linear(x, this.model.w(`${p}.q_proj.weight`), heads * d, this.model.w(`${p}.q_proj.bias`));
    const k = linear(x, this.model.w(`${p}.k_proj.weight`), kvHeads * d, this.model.w(`${p}.k_proj.bias`));
    const v = linear(x, this.model.w(`${p}.v_proj.weight`), kvHeads * d, this.model.w(`${p}.v_proj.bias`));
    const cache = this.cache[layer]!;
    const past = cache.keys[0]!.length;
    for (let s = 0; s < positions.length; s++) {
      for (let h = 0; h < kvHeads; h++) {
        cache.keys[h]!.push(rope(row(k, s).slice(h * d, (h + 1) * d), positions[s]!, theta));
        cache.values[h]!.push(row(v, s).slice(h * d, (h + 1) * d));
      }
    }
    const out = matrix(positions.length, heads * d);
    for (let s = 0; s < positions.length; s++) {
      for (let h = 0; h < heads; h++) {
        // repeat_kv: query head h reads KV head h ÷ (heads / kvHeads).
        const kv = Math.floor(h / (heads / kvHeads));
        const query = rope(row(q, s).slice(h * d, (h + 1) * d), positions[s]!, theta);
        const visible = past + s + 1;
        const scores = new Float64Array(visible);
        for (let t = 0; t < visible; t++) {
          const key = cache.keys[kv]![t]!;
          let dot = 0;
          for (let j = 0; j < d; j++) dot += query[j]! * key[j]!;
          scores[t] = dot / Math.sqrt(d);
        }
        softmaxInPlace(scores);
        for (let j = 0; j < d; j++) {
          let sum = 0;
          for (let t = 0; t < visible; t++) sum += scores[t]! * cache.values[kv]![t]![j]!;
          out.data[s * heads * d + h * d + j] = sum;
        }
      }
    }
    return linear(out, this.model.w(`${p}.o_proj.weight`), x.cols);
  }
}
