import * as ort from 'onnxruntime-node';
import { FLOAT16_TO_FLOAT32 } from '../onnx/index.ts';
import type { NextTokenSource } from './greedy-decode.ts';
import type { FloatType, SessionLayout } from './session-layout.ts';

/** Embeddings as the graphs exchange them: float32, or float16 bit patterns. */
export type EmbeddingData = Float32Array | Uint16Array;

export interface DecoderSizes {
  hiddenSize: number;
  vocabSize: number;
  numKeyValueHeads: number;
  headDim: number;
}

/**
 * Prompt tokens per decoder run during prefill. transformers.js exports return logits for every
 * position, so one run over a 13-tile prompt (~3,400 tokens × 151,674 vocabulary) would need
 * ~2 GB of logits; 512 keeps it near 300 MB and bounds attention memory.
 */
export const DEFAULT_PREFILL_CHUNK = 512;

function emptyData(type: FloatType): EmbeddingData {
  return type === 'float32' ? new Float32Array(0) : new Uint16Array(0);
}

/**
 * Runs `embed_tokens` + `decoder_model_merged` for one sequence: prefill in chunks, then one token
 * per step, feeding each run's `present.*` back as the next run's `past_key_values.*` untouched.
 * The attention mask, position and token-id buffers are reused across steps.
 */
export class KvCacheDecoder implements NextTokenSource {
  private readonly io: SessionLayout['decoder'];
  private readonly emptyCache: ort.Tensor;
  private readonly stepIds = new BigInt64Array(1);
  private readonly stepIdsTensor: ort.Tensor;
  private readonly stepPosition = new BigInt64Array(1);
  private readonly stepPositionTensor: ort.Tensor;
  /** Where ORT writes each step's logits [1,1,V], so steps allocate no vocabulary-sized buffer. */
  private readonly stepLogits: Float32Array | Uint16Array;
  private readonly stepFetches: Record<string, ort.Tensor | null>;
  /** Row of float32 logits, only used when the graph returns float16. */
  private readonly logitsRow: Float32Array;
  private mask = new BigInt64Array(0);
  private past: Record<string, ort.Tensor> = {};
  private length = 0;

  constructor(
    private readonly embedSession: ort.InferenceSession,
    private readonly decoderSession: ort.InferenceSession,
    private readonly layout: SessionLayout,
    private readonly sizes: DecoderSizes,
    private readonly prefillChunk = DEFAULT_PREFILL_CHUNK,
  ) {
    this.io = layout.decoder;
    this.emptyCache = new ort.Tensor(this.io.cacheType, emptyData(this.io.cacheType), [1, sizes.numKeyValueHeads, 0, sizes.headDim]);
    this.stepIdsTensor = new ort.Tensor('int64', this.stepIds, [1, 1]);
    this.stepPositionTensor = new ort.Tensor('int64', this.stepPosition, [1, 1]);
    const half = this.io.logitsType === 'float16';
    this.logitsRow = new Float32Array(half ? sizes.vocabSize : 0);
    this.stepLogits = half ? new Uint16Array(sizes.vocabSize) : new Float32Array(sizes.vocabSize);
    this.stepFetches = { [this.io.logits]: new ort.Tensor(this.io.logitsType, this.stepLogits, [1, 1, sizes.vocabSize]) };
    for (const { present } of this.io.cache) this.stepFetches[present] = null; // shapes grow: ORT allocates
  }

  /** Token embeddings [ids.length × hidden] from `embed_tokens`. */
  async embed(ids: ArrayLike<number>): Promise<EmbeddingData> {
    const data = new BigInt64Array(ids.length);
    for (let i = 0; i < ids.length; i++) data[i] = BigInt(ids[i]!);
    const out = await this.embedSession.run({ [this.layout.embed.input]: new ort.Tensor('int64', data, [1, ids.length]) });
    return out[this.layout.embed.output]!.data as EmbeddingData;
  }

  /**
   * Starts a new sequence from `length` prompt embeddings and returns the logits of the token
   * after it. The view is valid until the next call.
   */
  async prefill(embeds: EmbeddingData, length: number, signal?: AbortSignal): Promise<Float32Array> {
    const { hiddenSize } = this.sizes;
    this.length = 0;
    this.past = {};
    for (const { past } of this.io.cache) this.past[past] = this.emptyCache;
    let logits: Float32Array | undefined;
    for (let start = 0; start < length; start += this.prefillChunk) {
      signal?.throwIfAborted();
      const end = Math.min(length, start + this.prefillChunk);
      const chunk = new ort.Tensor(this.io.embedsType, embeds.subarray(start * hiddenSize, end * hiddenSize), [1, end - start, hiddenSize]);
      const positions = new BigInt64Array(end - start);
      for (let i = 0; i < positions.length; i++) positions[i] = BigInt(start + i);
      const out = await this.run(chunk, new ort.Tensor('int64', positions, [1, positions.length]));
      logits = this.lastRow(out[this.io.logits]!.data as Float32Array | Uint16Array);
    }
    if (!logits) throw new RangeError('prefill needs at least one token');
    return logits;
  }

  async step(token: number): Promise<Float32Array> {
    this.stepIds[0] = BigInt(token);
    const out = await this.embedSession.run({ [this.layout.embed.input]: this.stepIdsTensor });
    this.stepPosition[0] = BigInt(this.length);
    await this.run(out[this.layout.embed.output]!, this.stepPositionTensor, this.stepFetches);
    return this.lastRow(this.stepLogits);
  }

  /** Tokens in the cache so far. */
  get cachedTokens(): number {
    return this.length;
  }

  private async run(embeds: ort.Tensor, positionIds: ort.Tensor, fetches?: Record<string, ort.Tensor | null>): Promise<ort.InferenceSession.ReturnType> {
    const count = embeds.dims[1]!;
    const total = this.length + count;
    const feeds: Record<string, ort.Tensor> = { ...this.past, [this.io.inputsEmbeds]: embeds };
    if (this.io.attentionMask) feeds[this.io.attentionMask] = new ort.Tensor('int64', this.maskView(total), [1, total]);
    if (this.io.positionIds) feeds[this.io.positionIds] = positionIds;

    const out = fetches ? await this.decoderSession.run(feeds, fetches) : await this.decoderSession.run(feeds);
    for (const { past, present } of this.io.cache) this.past[past] = out[present]!;
    this.length = total;
    return out;
  }

  /** The first `total` entries of an all-ones mask, grown by doubling so steps rarely allocate. */
  private maskView(total: number): BigInt64Array {
    if (this.mask.length < total) this.mask = new BigInt64Array(Math.max(total, 2 * this.mask.length, 1024)).fill(1n);
    return this.mask.subarray(0, total);
  }

  /** The last position's logits as float32: a view for float32 graphs, decoded once for float16. */
  private lastRow(logits: Float32Array | Uint16Array): Float32Array {
    const vocab = this.sizes.vocabSize;
    const offset = logits.length - vocab;
    if (logits instanceof Float32Array) return logits.subarray(offset);
    for (let i = 0; i < vocab; i++) this.logitsRow[i] = FLOAT16_TO_FLOAT32[logits[offset + i]!]!;
    return this.logitsRow;
  }
}
