import type { CheckpointConfig } from './config.ts';
import type { GraphEmitter } from './emitter.ts';

/** `input_ids` [B,S] → `inputs_embeds` [B,S,H] (float32 either way: it joins the fp32 residual stream). */
export async function emitEmbedTokens(e: GraphEmitter, config: CheckpointConfig): Promise<void> {
  const { g } = e;
  const ids = g.input('input_ids', 'int64', ['batch_size', 'sequence_length']);
  const table = await e.weight('language_model.model.embed_tokens.weight', e.matmulType);
  const embeds = e.fromMatmul(g.op('Gather', [table, ids], { axis: 0 }));
  g.output(embeds, 'float32', ['batch_size', 'sequence_length', config.llm.hiddenSize], 'inputs_embeds');
}
