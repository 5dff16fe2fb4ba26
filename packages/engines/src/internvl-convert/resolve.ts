import { readdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { silentLogger, type Logger } from '@ocr/contracts';
import { EngineLoadError } from '../engine.ts';
import type { ConvertSettings } from './emitter.ts';
import { exists } from './files.ts';
import { ensureConverted } from './model-cache.ts';

export interface ResolveInternVLOptions {
  /** Where converted models are kept (default `~/.cache/ocr-service/internvl`). */
  cacheDir?: string;
  /** `MODEL_DTYPE`: an original checkpoint converts to `fp32` (default) or `fp16`. */
  dtype?: string;
  /**
   * Use onnxruntime's fused operators (default true: on CPU fp32 they halved prefill time and cut
   * decode time; fp16 GroupQueryAttention is what the CUDA kernels take). False gives plain operators.
   */
  fusedOps?: boolean;
  logger?: Logger;
}

/** The kind of folder `MODEL_PATH` points at, told by its contents. */
export async function detectModelFolder(modelPath: string): Promise<'onnx' | 'original' | 'unknown'> {
  const onnxDir = join(modelPath, 'onnx');
  if (await exists(onnxDir)) {
    if ((await readdir(onnxDir)).some((f) => f.startsWith('decoder_model_merged') && f.endsWith('.onnx'))) return 'onnx';
  }
  const hasWeights = (await exists(join(modelPath, 'model.safetensors'))) || (await exists(join(modelPath, 'model.safetensors.index.json')));
  return hasWeights && (await exists(join(modelPath, 'config.json'))) ? 'original' : 'unknown';
}

function convertSettings(dtype: string | undefined, fusedOps: boolean | undefined): ConvertSettings {
  const precision = dtype ?? 'fp32';
  if (precision !== 'fp32' && precision !== 'fp16') {
    throw new EngineLoadError(`MODEL_DTYPE ${precision} cannot be built from an original InternVL3 checkpoint: use fp32 or fp16`);
  }
  return { dtype: precision, fusedOps: fusedOps ?? true };
}

/**
 * Gives the folder in transformers.js ONNX layout for `MODEL_PATH`: the folder itself when it is
 * already an ONNX export, else the cached conversion of the original checkpoint (converting on the
 * first call). Conversion problems surface as `EngineLoadError` naming the cause.
 *
 * @example
 * const folder = await resolveInternVLModel(process.env.MODEL_PATH!, { dtype: 'fp16', logger });
 */
export async function resolveInternVLModel(modelPath: string, options: ResolveInternVLOptions = {}): Promise<string> {
  const kind = await detectModelFolder(modelPath);
  if (kind === 'onnx') return modelPath;
  if (kind === 'unknown') {
    throw new EngineLoadError(`${modelPath} is neither an ONNX export (onnx/decoder_model_merged*.onnx) nor an original InternVL3 checkpoint (config.json + model.safetensors[.index.json])`);
  }
  const settings = convertSettings(options.dtype, options.fusedOps);
  const cacheDir = options.cacheDir ?? join(homedir(), '.cache', 'ocr-service', 'internvl');
  try {
    return await ensureConverted(modelPath, cacheDir, settings, options.logger ?? silentLogger);
  } catch (error) {
    if (error instanceof EngineLoadError) throw error;
    throw new EngineLoadError(`converting ${modelPath} to ONNX failed: ${(error as Error).message}`);
  }
}
