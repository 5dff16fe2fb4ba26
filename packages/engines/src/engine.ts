import type { Logger, PageImage, PageResult, PageTextChar } from '@ocr/contracts';

/** What a running engine says about itself; the worker publishes it in its heartbeat. */
export interface EngineInfo {
  /** Engine kind, e.g. `ppocr` or `internvl`. */
  engine: string;
  /** Human-readable model name, e.g. `PP-OCRv4 mobile` or `InternVL3-8B`. */
  model: string;
  modelPath: string;
  /** The execution provider really in use. */
  device: 'cpu' | 'cuda';
  /** Whether a CUDA device could be used by this process. */
  gpuAvailable: boolean;
}

export interface RecognizeOptions {
  /** The question for a VLM; engines without prompts ignore it. */
  prompt?: string;
  /** InternVL3 tile budget (the old service's max_image_patches). */
  maxPatches?: number;
  maxNewTokens?: number;
  signal?: AbortSignal;
  /** Called with 0..1 as the page progresses. */
  onProgress?: (fraction: number) => void;
  /** The job's logger, so the engine's lines about this page carry the job id. */
  logger?: Logger;
  /** A PDF page's own text, placed on the page's pixels; engines that read lines may check their reading against it. */
  pdfText?: readonly PageTextChar[];
}

/** One loaded model. Calls to `recognize` are made strictly one at a time. */
export interface Engine {
  readonly info: EngineInfo;
  recognize(page: PageImage, options?: RecognizeOptions): Promise<PageResult>;
  dispose(): Promise<void>;
}

/** Thrown at load time when a model folder or file is missing, corrupt or inconsistent. */
export class EngineLoadError extends Error {
  override readonly name = 'EngineLoadError';
}
