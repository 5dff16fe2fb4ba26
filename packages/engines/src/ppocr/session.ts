import { readFile } from 'node:fs/promises';
import ort from 'onnxruntime-node';
import type { InferenceSession } from 'onnxruntime-node';
import { EngineLoadError } from '../engine.ts';

export type OrtSession = InferenceSession;

/**
 * Opens one CPU session. Memory patterns are off: they are planned per input shape, which made
 * the first run of every new page size slow and raised the peak RSS by ~250 MB on an A4 page.
 * Idle threads do not spin: on a 2-core machine shared with other processes, spinning threads
 * made two-thread runs twice as slow as one thread; without spinning they are never slower.
 */
export async function openSession(
  path: string,
  role: string,
  threads: number,
  /** Rewrites the model's bytes before it is opened (e.g. `optimizeRecognizer`). */
  rewrite?: (model: Uint8Array) => Uint8Array,
): Promise<OrtSession> {
  try {
    const model = await readFile(path);
    return await ort.InferenceSession.create(rewrite ? rewrite(model) : model, {
      executionProviders: ['cpu'],
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      enableMemPattern: false,
      graphOptimizationLevel: 'all',
      extra: { session: { intra_op: { allow_spinning: '0' } } },
    });
  } catch (error) {
    if (error instanceof EngineLoadError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new EngineLoadError(`PP-OCR ${role} model at ${path} could not be loaded (corrupt or not ONNX): ${reason}`);
  }
}

/** Runs a session on one float tensor and returns its single output as a flat array plus dims. */
export async function runSession(
  session: OrtSession,
  input: Float32Array,
  dims: readonly number[],
): Promise<{ data: Float32Array; dims: readonly number[] }> {
  const feeds = { [session.inputNames[0]!]: new ort.Tensor('float32', input, dims) };
  const results = await session.run(feeds);
  const output = results[session.outputNames[0]!]!;
  return { data: output.data as Float32Array, dims: output.dims };
}
