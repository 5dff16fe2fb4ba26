import type { CheckpointConfig } from './config.ts';
import type { GraphEmitter } from './emitter.ts';

/**
 * InternViT + pixel shuffle + `mlp1`: `pixel_values` [N,3,S,S] → `image_features` [N, tokensPerTile, H].
 * Token-wise work runs on a 2-D [N·T, C] stream so every Linear is one Gemm.
 */
export async function emitVisionEncoder(e: GraphEmitter, config: CheckpointConfig): Promise<void> {
  const { g } = e;
  const v = config.vision;
  const C = v.hiddenSize;
  const T = config.grid * config.grid + 1;
  const d = C / v.heads;
  const pixels = g.input('pixel_values', 'float32', ['num_tiles', 3, v.imageSize, v.imageSize]);
  const n = e.shapeSlice(pixels, 0, 1);

  const conv = g.op(
    'Conv',
    [e.toMatmul(pixels), await e.weight('vision_model.embeddings.patch_embedding.weight', e.matmulType), await e.weight('vision_model.embeddings.patch_embedding.bias', e.matmulType)],
    { kernel_shape: [v.patchSize, v.patchSize], strides: [v.patchSize, v.patchSize] },
  );
  const patches = g.op('Transpose', [e.reshape(e.fromMatmul(conv), [n, [C, T - 1]])], { perm: [0, 2, 1] });
  const cls = g.op('Expand', [await e.weight('vision_model.embeddings.class_embedding', 'float32'), e.shape([n, [1, C]])]);
  const tokens = g.op('Concat', [cls, patches], { axis: 1 });
  // At the configured image size InternVL's position interpolation is the identity.
  const embedded = g.op('Add', [tokens, await e.weight('vision_model.embeddings.position_embedding', 'float32')]);
  let h = e.reshape(embedded, [[-1, C]]);

  for (let i = 0; i < v.layers; i++) {
    const p = `vision_model.encoder.layers.${i}`;
    const qkv = await e.linear(await e.layerNorm(h, `${p}.norm1`, v.layerNormEps), `${p}.attn.qkv`, v.qkvBias);
    // [N·T, 3C] → [3, N, heads, T, d]: rows are Q, then K, then V, each heads × d.
    const split = g.op('Transpose', [e.reshape(qkv, [n, [T, 3, v.heads, d]])], { perm: [2, 0, 3, 1, 4] });
    const [q, k, val] = [0, 1, 2].map((j) => g.op('Gather', [split, e.scalar(j, 'int64')], { axis: 0 }));
    const scores = g.op('MatMul', [g.op('Mul', [q!, e.scalar(d ** -0.5)]), g.op('Transpose', [k!], { perm: [0, 1, 3, 2] })]);
    const context = g.op('MatMul', [g.op('Softmax', [scores], { axis: -1 }), val!]);
    const merged = e.reshape(g.op('Transpose', [context], { perm: [0, 2, 1, 3] }), [[-1, C]]);
    const attn = await e.linear(merged, `${p}.attn.proj`, true);
    h = g.op('Add', [h, g.op('Mul', [attn, await e.weight(`${p}.ls1`, 'float32')])]);

    const up = e.gelu(await e.linear(await e.layerNorm(h, `${p}.norm2`, v.layerNormEps), `${p}.mlp.fc1`, true));
    const mlp = await e.linear(up, `${p}.mlp.fc2`, true);
    h = g.op('Add', [h, g.op('Mul', [mlp, await e.weight(`${p}.ls2`, 'float32')])]);
  }

  // Drop CLS, then pixel shuffle v2: output (y, x) = tokens (2y,2x), (2y,2x+1), (2y+1,2x), (2y+1,2x+1).
  const s = Math.round(Math.sqrt(config.shuffleFactor));
  const half = config.grid / s;
  const grid = g.op('Slice', [e.reshape(h, [n, [T, C]]), g.int64s([1]), g.int64s([T]), g.int64s([1])]);
  const blocks = g.op('Transpose', [e.reshape(grid, [n, [half, s, half, s, C]])], { perm: [0, 1, 3, 2, 4, 5] });
  const shuffled = e.reshape(blocks, [[-1, C * config.shuffleFactor]]);

  const projected = await e.linear(await e.layerNorm(shuffled, 'mlp1.0', 1e-5), 'mlp1.1', true);
  const features = await e.linear(e.gelu(projected), 'mlp1.3', true);
  g.output(e.reshape(features, [n, [config.tokensPerTile, config.llm.hiddenSize]]), 'float32', ['num_tiles', config.tokensPerTile, config.llm.hiddenSize], 'image_features');
}
