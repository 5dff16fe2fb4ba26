import { add, gelu, layerNorm, linear, map, matrix, permute, softmaxInPlace, type Matrix } from './math.ts';
import type { ReferenceModel } from './model.ts';

/** InternVisionEmbeddings: conv patches (flatten(2).transpose(1, 2)), CLS first, plus position embedding. */
function embed(model: ReferenceModel, pixels: Float32Array, tileOffset: number, imageSize: number): Matrix {
  const C = model.vision.hidden_size as number;
  const p = model.vision.patch_size as number;
  const grid = imageSize / p;
  const weight = model.w('vision_model.embeddings.patch_embedding.weight');
  const bias = model.w('vision_model.embeddings.patch_embedding.bias');
  const x = matrix(grid * grid + 1, C);
  x.data.set(model.w('vision_model.embeddings.class_embedding'), 0);
  for (let y = 0; y < grid; y++) {
    for (let xx = 0; xx < grid; xx++) {
      for (let c = 0; c < C; c++) {
        let sum = bias[c]!;
        for (let ch = 0; ch < 3; ch++) {
          for (let ky = 0; ky < p; ky++) {
            for (let kx = 0; kx < p; kx++) {
              const pixel = pixels[tileOffset + (ch * imageSize + y * p + ky) * imageSize + xx * p + kx]!;
              sum += weight[((c * 3 + ch) * p + ky) * p + kx]! * pixel;
            }
          }
        }
        x.data[(1 + y * grid + xx) * C + c] = sum;
      }
    }
  }
  const position = model.w('vision_model.embeddings.position_embedding');
  return map(x, (v, i) => v + position[i]!);
}

/** InternAttention._naive_attn: qkv reshaped (N, 3, heads, d), q·scale·kᵀ, softmax, ·v, proj. */
function attention(model: ReferenceModel, x: Matrix, prefix: string): Matrix {
  const C = x.cols;
  const heads = model.vision.num_attention_heads as number;
  const d = C / heads;
  const qkv = linear(x, model.w(`${prefix}.qkv.weight`), 3 * C, model.w(`${prefix}.qkv.bias`));
  const out = matrix(x.rows, C);
  const at = (t: number, which: number, h: number, i: number) => qkv.data[t * 3 * C + which * C + h * d + i]!;
  for (let h = 0; h < heads; h++) {
    for (let t = 0; t < x.rows; t++) {
      const scores = new Float64Array(x.rows);
      for (let s = 0; s < x.rows; s++) {
        let dot = 0;
        for (let i = 0; i < d; i++) dot += at(t, 0, h, i) * d ** -0.5 * at(s, 1, h, i);
        scores[s] = dot;
      }
      softmaxInPlace(scores);
      for (let i = 0; i < d; i++) {
        let sum = 0;
        for (let s = 0; s < x.rows; s++) sum += scores[s]! * at(s, 2, h, i);
        out.data[t * C + h * d + i] = sum;
      }
    }
  }
  return linear(out, model.w(`${prefix}.proj.weight`), C, model.w(`${prefix}.proj.bias`));
}

/** InternVisionEncoderLayer: h + ls1·attn(norm1(h)), then h + ls2·mlp(norm2(h)). */
function encoderLayer(model: ReferenceModel, h: Matrix, i: number): Matrix {
  const p = `vision_model.encoder.layers.${i}`;
  const eps = (model.vision.layer_norm_eps as number | undefined) ?? 1e-6;
  const C = h.cols;
  const ls1 = model.w(`${p}.ls1`);
  const ls2 = model.w(`${p}.ls2`);
  const attn = attention(model, layerNorm(h, model.w(`${p}.norm1.weight`), model.w(`${p}.norm1.bias`), eps), `${p}.attn`);
  h = add(h, map(attn, (v, j) => v * ls1[j % C]!));
  const inner = model.vision.intermediate_size as number;
  const fc1 = linear(layerNorm(h, model.w(`${p}.norm2.weight`), model.w(`${p}.norm2.bias`), eps), model.w(`${p}.mlp.fc1.weight`), inner, model.w(`${p}.mlp.fc1.bias`));
  const mlp = linear(map(fc1, gelu), model.w(`${p}.mlp.fc2.weight`), C, model.w(`${p}.mlp.fc2.bias`));
  return add(h, map(mlp, (v, j) => v * ls2[j % C]!));
}

/** InternVLChatModel.pixel_shuffle with ps_version v2, on one tile's (w, h, c) grid. */
function pixelShuffle(data: Float64Array, w: number, h: number, c: number, scale: number): { data: Float64Array; shape: number[] } {
  // x.view(n, w, h*scale, c/scale).permute(0, 2, 1, 3)
  const first = permute(data, [w, h * scale, c / scale], [1, 0, 2]);
  // .view(n, h*scale, w*scale, c/(scale²)).permute(0, 2, 1, 3)
  return permute(first.data, [h * scale, w * scale, c / (scale * scale)], [1, 0, 2]);
}

/**
 * InternVLChatModel.extract_feature for `tiles` tiles of [3, S, S] pixels: the ViT's last layer,
 * CLS dropped, pixel shuffle, then mlp1 (LayerNorm eps 1e-5, Linear, GELU, Linear).
 * Returns [tiles, tokensPerTile, llm hidden] flattened.
 */
export function referenceImageFeatures(model: ReferenceModel, pixels: Float32Array, tiles: number): Float32Array {
  const imageSize = (model.config.force_image_size as number | undefined) ?? (model.vision.image_size as number);
  const scale = model.config.downsample_ratio as number;
  const H = model.llm.hidden_size as number;
  const results: Float64Array[] = [];
  for (let t = 0; t < tiles; t++) {
    let h = embed(model, pixels, t * 3 * imageSize * imageSize, imageSize);
    for (let i = 0; i < (model.vision.num_hidden_layers as number); i++) h = encoderLayer(model, h, i);
    const C = h.cols;
    const side = Math.round(Math.sqrt(h.rows - 1));
    const shuffled = pixelShuffle(h.data.subarray(C), side, side, C, scale);
    const width = shuffled.shape[2]!;
    const tokens = matrix(shuffled.data.length / width, width, shuffled.data);
    const normed = layerNorm(tokens, model.w('mlp1.0.weight'), model.w('mlp1.0.bias'), 1e-5);
    const hidden = map(linear(normed, model.w('mlp1.1.weight'), H, model.w('mlp1.1.bias')), gelu);
    results.push(linear(hidden, model.w('mlp1.3.weight'), H, model.w('mlp1.3.bias')).data);
  }
  const out = new Float32Array(results.reduce((a, r) => a + r.length, 0));
  results.forEach((r, i) => out.set(r, i * r.length));
  return out;
}
