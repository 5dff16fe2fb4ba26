import { GraphBuilder } from '../onnx/index.ts';
import { type IoType, toIo } from './layers.ts';
import type { RandomWeights } from './random-weights.ts';
import type { TinySizes } from './tiny-config.ts';

/** `input_ids` [B,S] → `inputs_embeds` [B,S,hidden]: a lookup in the token embedding table. */
export function tinyEmbedGraph(s: TinySizes, rnd: RandomWeights, io: IoType): GraphBuilder {
  const g = new GraphBuilder('embed_tokens');
  const ids = g.input('input_ids', 'int64', ['batch_size', 'sequence_length']);
  const table = g.initializer('embed_tokens.weight', 'float32', [s.vocabSize, s.hiddenSize], rnd.uniform(s.vocabSize * s.hiddenSize, 1));
  g.output(toIo(g, g.op('Gather', [table, ids], { axis: 0 }), io), io, ['batch_size', 'sequence_length', s.hiddenSize], 'inputs_embeds');
  return g;
}
