import type { InferenceSession } from 'onnxruntime-node';
import { EngineLoadError } from '../engine.ts';
import type { InternVLConfig } from './config.ts';

export type FloatType = 'float32' | 'float16';

type Metadata = InferenceSession.ValueMetadata;
type TensorMetadata = Extract<Metadata, { isTensor: true }>;

/** Tensor names and types of the three graphs, as the sessions report them. */
export interface SessionLayout {
  vision: { input: string; inputType: FloatType; output: string };
  embed: { input: string; output: string };
  decoder: {
    inputsEmbeds: string;
    /** Element type of embeddings and image features (they are merged in one buffer). */
    embedsType: FloatType;
    attentionMask: string | undefined;
    positionIds: string | undefined;
    /** Per layer: past input and present output names for keys, then values. */
    cache: { past: string; present: string }[];
    cacheType: FloatType;
    logits: string;
    logitsType: FloatType;
  };
}

function fail(message: string): never {
  throw new EngineLoadError(message);
}

function tensorMeta(list: readonly Metadata[], name: string, graph: string): TensorMetadata {
  const meta = list.find((m) => m.name === name);
  if (!meta || !meta.isTensor) fail(`${graph}: no tensor named ${name}`);
  return meta;
}

function floatType(meta: TensorMetadata, graph: string): FloatType {
  if (meta.type === 'float32' || meta.type === 'float16') return meta.type;
  return fail(`${graph}: ${meta.name} is ${meta.type}, expected float32 or float16`);
}

/** Checks dimension `axis` when the graph fixes it; symbolic dimensions pass. */
function expectDim(meta: TensorMetadata, axis: number, expected: number, graph: string, what: string): void {
  if (meta.shape.length <= axis) fail(`${graph}: ${meta.name} has rank ${meta.shape.length}, expected more than ${axis}`);
  const dim = meta.shape[axis];
  if (typeof dim === 'number' && dim !== expected) {
    fail(`${graph}: ${meta.name} has ${dim} ${what} (axis ${axis}), config.json says ${expected}`);
  }
}

function visionLayout(session: InferenceSession, config: InternVLConfig): SessionLayout['vision'] {
  const graph = 'vision_encoder';
  if (session.inputNames.length !== 1) fail(`${graph}: expected one input (pixel_values), found ${session.inputNames.join(', ')}`);
  const input = tensorMeta(session.inputMetadata, session.inputNames[0]!, graph);
  expectDim(input, 1, 3, graph, 'channels');
  expectDim(input, 2, config.imageSize, graph, 'pixels of tile height');
  expectDim(input, 3, config.imageSize, graph, 'pixels of tile width');
  const outputName = session.outputNames.includes('image_features') ? 'image_features' : session.outputNames[0]!;
  const output = tensorMeta(session.outputMetadata, outputName, graph);
  expectDim(output, 1, config.tokensPerTile, graph, 'image tokens per tile');
  expectDim(output, 2, config.llm.hiddenSize, graph, 'features (hidden size)');
  return { input: input.name, inputType: floatType(input, graph), output: output.name };
}

function embedLayout(session: InferenceSession, config: InternVLConfig): SessionLayout['embed'] {
  const graph = 'embed_tokens';
  const input = tensorMeta(session.inputMetadata, session.inputNames[0]!, graph);
  if (input.type !== 'int64') fail(`${graph}: ${input.name} is ${input.type}, expected int64 token ids`);
  const output = tensorMeta(session.outputMetadata, session.outputNames[0]!, graph);
  expectDim(output, 2, config.llm.hiddenSize, graph, 'features (hidden size)');
  return { input: input.name, output: output.name };
}

const PAST = /^past_key_values\.(\d+)\.(key|value)$/;
const KNOWN_INPUTS = new Set(['inputs_embeds', 'attention_mask', 'position_ids']);

function decoderLayout(session: InferenceSession, config: InternVLConfig): SessionLayout['decoder'] {
  const graph = 'decoder_model_merged';
  const { numLayers, numKeyValueHeads, headDim, hiddenSize, vocabSize } = config.llm;
  const unknown = session.inputNames.filter((n) => !KNOWN_INPUTS.has(n) && !PAST.test(n));
  if (unknown.length > 0) fail(`${graph}: inputs the engine cannot feed: ${unknown.join(', ')}`);

  const embeds = tensorMeta(session.inputMetadata, 'inputs_embeds', graph);
  expectDim(embeds, 2, hiddenSize, graph, 'features (hidden size)');
  const layers = session.inputNames.filter((n) => PAST.test(n)).length / 2;
  if (layers !== numLayers) fail(`${graph}: has past_key_values for ${layers} layers, config.json says ${numLayers}`);

  const cache: SessionLayout['decoder']['cache'] = [];
  const cacheTypes = new Set<FloatType>();
  for (let i = 0; i < numLayers; i++) {
    for (const kind of ['key', 'value']) {
      const past = tensorMeta(session.inputMetadata, `past_key_values.${i}.${kind}`, graph);
      expectDim(past, 1, numKeyValueHeads, graph, 'KV heads');
      expectDim(past, 3, headDim, graph, 'head size');
      cacheTypes.add(floatType(past, graph));
      const present = tensorMeta(session.outputMetadata, `present.${i}.${kind}`, graph);
      cache.push({ past: past.name, present: present.name });
    }
  }
  if (cacheTypes.size !== 1) fail(`${graph}: past_key_values mix float32 and float16`);

  const logits = tensorMeta(session.outputMetadata, 'logits', graph);
  expectDim(logits, 2, vocabSize, graph, 'vocabulary entries');
  const optional = (name: string) => (session.inputNames.includes(name) ? name : undefined);
  return {
    inputsEmbeds: embeds.name,
    embedsType: floatType(embeds, graph),
    attentionMask: optional('attention_mask'),
    positionIds: optional('position_ids'),
    cache,
    cacheType: [...cacheTypes][0]!,
    logits: logits.name,
    logitsType: floatType(logits, graph),
  };
}

/**
 * Reads tensor names, element types and fixed dimensions from the opened sessions and checks them
 * against config.json (image size, tokens per tile, hidden size, layers, KV heads, head size,
 * vocabulary). Throws `EngineLoadError` naming the disagreement.
 */
export function readSessionLayout(
  sessions: { vision: InferenceSession; embed: InferenceSession; decoder: InferenceSession },
  config: InternVLConfig,
): SessionLayout {
  const layout = {
    vision: visionLayout(sessions.vision, config),
    embed: embedLayout(sessions.embed, config),
    decoder: decoderLayout(sessions.decoder, config),
  };
  const embedOut = tensorMeta(sessions.embed.outputMetadata, layout.embed.output, 'embed_tokens');
  const visionOut = tensorMeta(sessions.vision.outputMetadata, layout.vision.output, 'vision_encoder');
  for (const meta of [embedOut, visionOut]) {
    if (meta.type !== layout.decoder.embedsType) {
      fail(`${meta.name} is ${meta.type} but the decoder's inputs_embeds is ${layout.decoder.embedsType}`);
    }
  }
  return layout;
}
