import { basename } from 'node:path';
import { type Logger, type PageImage, type PageResult, silentLogger } from '@ocr/contracts';
import { type Engine, type EngineInfo, EngineLoadError, type RecognizeOptions } from '../engine.ts';
import type { InternVLConfig } from './config.ts';
import { greedyDecode } from './greedy-decode.ts';
import { mergeImageFeatures, positionsOf } from './image-features.ts';
import { KvCacheDecoder } from './kv-cache-decoder.ts';
import { readModelFolder } from './model-folder.ts';
import { type InternVLSessions, openSessions, releaseSessions } from './open-sessions.ts';
import { preprocessPage } from './preprocess.ts';
import { buildPrompt, DEFAULT_QUESTION, supportedTemplates } from './prompt.ts';
import { readSessionLayout, type SessionLayout } from './session-layout.ts';
import { tileGrid } from './tiling.ts';
import { createInternVLTokenizer, type InternVLTokenizer } from './tokenizer.ts';

export interface InternVLEngineOptions {
  /** A transformers.js-layout export: `onnx/*.onnx`, config.json, tokenizer files. */
  modelPath: string;
  /** MODEL_DTYPE: which `onnx/*_{dtype}.onnx` variant to run; `fp32` (the default) has no suffix. */
  dtype?: string;
  /** Default tile budget (max_image_patches); config.json `max_dynamic_patch` when unset. */
  maxPatches?: number;
  /** Default generation budget; generation_config.json `max_new_tokens`, else 2048. */
  maxNewTokens?: number;
  /** `auto` tries the CUDA execution provider first. */
  device?: 'auto' | 'cpu';
  /** What to report as the model's folder and name when `modelPath` is a conversion cache of another folder. */
  sourcePath?: string;
  logger?: Logger;
}

const FALLBACK_MAX_NEW_TOKENS = 2048;
/** Share of a page's progress spent before the first generated token (tiling, vision, prefill). */
const PREFILL_SHARE = 0.1;

class InternVLEngine implements Engine {
  constructor(
    readonly info: EngineInfo,
    private readonly config: InternVLConfig,
    private readonly sessions: InternVLSessions,
    private readonly layout: SessionLayout,
    private readonly tokens: InternVLTokenizer,
    private readonly defaults: { maxPatches: number; maxNewTokens: number },
    private readonly logger: Logger,
  ) {}

  async recognize(page: PageImage, options: RecognizeOptions = {}): Promise<PageResult> {
    const { config, sessions, layout, tokens } = this;
    const { signal, onProgress } = options;
    const logger = options.logger ?? this.logger;
    const maxPatches = options.maxPatches ?? this.defaults.maxPatches;
    const maxNewTokens = options.maxNewTokens ?? this.defaults.maxNewTokens;

    const grid = tileGrid(page.width, page.height, {
      imageSize: config.imageSize,
      minTiles: Math.min(config.minDynamicPatch, maxPatches),
      maxTiles: maxPatches,
      useThumbnail: config.useThumbnail,
    });
    const pixels = await preprocessPage(page, grid, config.imageSize);
    signal?.throwIfAborted();

    const prompt = buildPrompt({
      template: config.template,
      systemMessage: config.systemMessage,
      question: options.prompt ?? DEFAULT_QUESTION,
      imageTokens: config.tokensPerTile * grid.tiles,
    });
    const ids = tokens.tokenizer.encode(prompt, { add_special_tokens: false }).ids;
    const decoder = new KvCacheDecoder(sessions.embed, sessions.decoder, layout, config.llm);
    const embeds = await decoder.embed(ids);
    await mergeImageFeatures(pixels, embeds, {
      session: sessions.vision,
      layout: layout.vision,
      hiddenSize: config.llm.hiddenSize,
      contextPositions: positionsOf(ids, tokens.imgContextId),
      signal,
      onBatch: (done) => onProgress?.((PREFILL_SHARE / 2) * (done / grid.tiles)),
    });
    const promptLogits = await decoder.prefill(embeds, ids.length, signal);
    onProgress?.(PREFILL_SHARE);

    const generated = await greedyDecode(decoder, promptLogits, {
      maxNewTokens,
      stopTokenIds: tokens.stopTokenIds,
      signal,
      onToken: onProgress && ((_token, index) => onProgress(PREFILL_SHARE + (1 - PREFILL_SHARE) * ((index + 1) / maxNewTokens))),
    });
    if (generated.stopReason === 'repetition') {
      logger.warn({ tokens: generated.tokens.length }, 'InternVL: repetition loop cut off');
    }
    logger.debug(
      { tiles: grid.tiles, promptTokens: ids.length, generatedTokens: generated.tokens.length, stopReason: generated.stopReason },
      'InternVL page done',
    );
    onProgress?.(1);

    const probabilities = generated.probabilities;
    let sum = 0;
    for (const p of probabilities) sum += p;
    return {
      text: tokens.tokenizer.decode(Array.from(generated.tokens), { skip_special_tokens: true }).trim(),
      // Mean softmax probability of the generated tokens (stop token excluded).
      confidence: probabilities.length > 0 ? sum / probabilities.length : 0,
      imagePatches: grid.tiles,
      generatedTokens: generated.tokens.length,
    };
  }

  dispose(): Promise<void> {
    return releaseSessions(this.sessions);
  }
}

/**
 * Opens an InternVL3 ONNX export (transformers.js layout) and checks it against its config:
 * a missing file, an unknown template or tensor shapes that disagree with config.json throw
 * `EngineLoadError` naming the problem. Runs on CUDA when available, else CPU.
 *
 * @example
 * const engine = await loadInternVLEngine({ modelPath: '/models/InternVL3-1B-ONNX', dtype: 'fp16' });
 * const { text, confidence, imagePatches } = await engine.recognize(page, { maxPatches: 6 });
 */
export async function loadInternVLEngine(options: InternVLEngineOptions): Promise<Engine> {
  const logger = options.logger ?? silentLogger;
  const folder = await readModelFolder(options.modelPath, options.dtype);
  const { config } = folder;
  if (!supportedTemplates.includes(config.template)) {
    throw new EngineLoadError(`config.json: chat template ${config.template} is not supported (supported: ${supportedTemplates.join(', ')})`);
  }
  const maxPatches = options.maxPatches ?? config.maxDynamicPatch;
  if (!Number.isInteger(maxPatches) || maxPatches < 1) throw new EngineLoadError(`maxPatches must be a positive integer, got ${maxPatches}`);
  const tokens = createInternVLTokenizer(folder.tokenizerJson, folder.tokenizerConfig, folder.eosTokenIds);

  const sessions = await openSessions(folder.graphs, options.device ?? 'auto', logger);
  let layout: SessionLayout;
  try {
    layout = readSessionLayout(sessions, config);
  } catch (error) {
    await releaseSessions(sessions);
    throw error;
  }
  const info: EngineInfo = {
    engine: 'internvl',
    model: options.sourcePath ? basename(options.sourcePath) : folder.modelName,
    modelPath: options.sourcePath ?? options.modelPath,
    device: sessions.device,
    gpuAvailable: sessions.gpuAvailable,
  };
  logger.info({ ...info, dtype: options.dtype ?? 'fp32', layers: config.llm.numLayers, tokensPerTile: config.tokensPerTile }, 'InternVL engine loaded');
  return new InternVLEngine(info, config, sessions, layout, tokens, {
    maxPatches,
    maxNewTokens: options.maxNewTokens ?? folder.maxNewTokens ?? FALLBACK_MAX_NEW_TOKENS,
  }, logger);
}
