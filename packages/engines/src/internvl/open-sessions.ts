import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Logger } from '@ocr/contracts';
import * as ort from 'onnxruntime-node';
import { EngineLoadError } from '../engine.ts';
import { GraphBuilder } from '../onnx/index.ts';
import type { ModelGraphs } from './model-folder.ts';

export interface InternVLSessions {
  vision: ort.InferenceSession;
  embed: ort.InferenceSession;
  decoder: ort.InferenceSession;
  device: 'cpu' | 'cuda';
  gpuAvailable: boolean;
}

const baseOptions: ort.InferenceSession.SessionOptions = { graphOptimizationLevel: 'all', logSeverityLevel: 3 };

/** A one-node model: opening it with the CUDA provider tells whether CUDA works in this process. */
const probeModel = (() => {
  const g = new GraphBuilder('cuda_probe');
  g.node('Identity', [g.input('x', 'float32', [1])], ['y']);
  g.output('y', 'float32', [1]);
  return g.encode().model;
})();

/**
 * The CPU build of onnxruntime-node ships without the CUDA provider library; trying to load it
 * anyway makes onnxruntime print an error line on every start, so look for the file first.
 */
function cudaProviderInstalled(): boolean {
  if (process.platform !== 'linux') return true; // other layouts: let the attempt decide
  const ortDist = dirname(createRequire(import.meta.url).resolve('onnxruntime-node'));
  return existsSync(join(ortDist, '..', 'bin', 'napi-v6', 'linux', process.arch, 'libonnxruntime_providers_cuda.so'));
}

/** Whether onnxruntime can open a session with the CUDA execution provider here (it throws, not falls back, when it cannot). */
export async function cudaAvailable(): Promise<boolean> {
  if (!cudaProviderInstalled()) return false;
  try {
    const session = await ort.InferenceSession.create(probeModel, { ...baseOptions, executionProviders: ['cuda'] });
    await session.release();
    return true;
  } catch {
    return false;
  }
}

async function openAll(graphs: ModelGraphs, executionProviders: string[]): Promise<[ort.InferenceSession, ort.InferenceSession, ort.InferenceSession]> {
  const options = { ...baseOptions, executionProviders };
  const opened: ort.InferenceSession[] = [];
  try {
    for (const path of [graphs.visionEncoder, graphs.embedTokens, graphs.decoder]) {
      try {
        opened.push(await ort.InferenceSession.create(path, options));
      } catch (error) {
        throw new EngineLoadError(`cannot open ${path} with ${executionProviders[0]}: ${(error as Error).message}`);
      }
    }
    return opened as [ort.InferenceSession, ort.InferenceSession, ort.InferenceSession];
  } catch (error) {
    await Promise.all(opened.map((s) => s.release()));
    throw error;
  }
}

/** Releases the three sessions (engine dispose, or a load that failed after opening them). */
export async function releaseSessions(sessions: Pick<InternVLSessions, 'vision' | 'embed' | 'decoder'>): Promise<void> {
  await Promise.all([sessions.vision.release(), sessions.embed.release(), sessions.decoder.release()]);
}

/**
 * Opens the three sessions on CUDA when `device` is `auto` and CUDA works, else on CPU; a CUDA
 * failure while opening the model is logged and falls back to CPU, never crashes.
 */
export async function openSessions(graphs: ModelGraphs, device: 'auto' | 'cpu', logger: Logger): Promise<InternVLSessions> {
  const gpuAvailable = await cudaAvailable();
  if (device === 'auto' && gpuAvailable) {
    try {
      const [vision, embed, decoder] = await openAll(graphs, ['cuda']);
      return { vision, embed, decoder, device: 'cuda', gpuAvailable };
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'InternVL: CUDA execution provider failed, falling back to CPU');
    }
  } else if (device === 'auto') {
    logger.info('InternVL: CUDA execution provider not available, using CPU');
  }
  const [vision, embed, decoder] = await openAll(graphs, ['cpu']);
  return { vision, embed, decoder, device: 'cpu', gpuAvailable };
}
