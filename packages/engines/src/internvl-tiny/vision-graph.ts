import { GraphBuilder } from '../onnx/index.ts';
import { fromIo, gelu, type IoType, linear, toIo } from './layers.ts';
import type { RandomWeights } from './random-weights.ts';
import type { TinySizes } from './tiny-config.ts';

/**
 * `pixel_values` [N,3,S,S] → `image_features` [N, (S/patch/2)², hidden]: InternVL's pipeline with
 * the ViT reduced to its patch embedding: patch conv, pixel shuffle (v2), then the `mlp1` projector
 * (LayerNorm eps 1e-5 → Linear → GELU → Linear).
 */
export function tinyVisionGraph(s: TinySizes, rnd: RandomWeights, io: IoType): GraphBuilder {
  const g = new GraphBuilder('vision_encoder');
  const c = s.visionChannels;
  const grid = s.imageSize / s.patchSize;
  const half = grid / 2;
  const pixels = fromIo(g, g.input('pixel_values', io, ['num_tiles', 3, s.imageSize, s.imageSize]), io);

  const convW = g.initializer('patch_embedding.weight', 'float32', [c, 3, s.patchSize, s.patchSize], rnd.uniform(c * 3 * s.patchSize ** 2, 0.05));
  const convB = g.initializer('patch_embedding.bias', 'float32', [c], rnd.uniform(c, 0.1));
  const patches = g.op('Conv', [pixels, convW, convB], { kernel_shape: [s.patchSize, s.patchSize], strides: [s.patchSize, s.patchSize] });
  const tokens = g.op('Transpose', [g.op('Reshape', [patches, g.int64s([0, c, grid * grid])])], { perm: [0, 2, 1] });
  const position = g.initializer('position_embedding', 'float32', [grid * grid, c], rnd.uniform(grid * grid * c, 0.5));
  const embedded = g.op('Add', [tokens, position]);

  // Pixel shuffle: output token (y, x) concatenates input tokens (2y,2x), (2y,2x+1), (2y+1,2x), (2y+1,2x+1).
  const split = g.op('Reshape', [embedded, g.int64s([0, half, 2, half, 2, c])]);
  const shuffled = g.op('Reshape', [g.op('Transpose', [split], { perm: [0, 1, 3, 2, 4, 5] }), g.int64s([0, half * half, 4 * c])]);

  const lnW = g.initializer('mlp1.0.weight', 'float32', [4 * c], rnd.uniform(4 * c, 0.2).map((v) => 1 + v));
  const lnB = g.initializer('mlp1.0.bias', 'float32', [4 * c], rnd.uniform(4 * c, 0.1));
  const normed = g.op('LayerNormalization', [shuffled, lnW, lnB], { axis: -1, epsilon: 1e-5 });
  const w1 = g.initializer('mlp1.1.weight', 'float32', [4 * c, s.hiddenSize], rnd.matrix(4 * c, s.hiddenSize));
  const b1 = g.initializer('mlp1.1.bias', 'float32', [s.hiddenSize], rnd.uniform(s.hiddenSize, 0.1));
  const w2 = g.initializer('mlp1.3.weight', 'float32', [s.hiddenSize, s.hiddenSize], rnd.matrix(s.hiddenSize, s.hiddenSize));
  const b2 = g.initializer('mlp1.3.bias', 'float32', [s.hiddenSize], rnd.uniform(s.hiddenSize, 0.1));
  const features = linear(g, gelu(g, linear(g, normed, w1, b1)), w2, b2);
  g.output(toIo(g, features, io), io, ['num_tiles', half * half, s.hiddenSize], 'image_features');
  return g;
}
