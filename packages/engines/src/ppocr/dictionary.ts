import { readFileSync } from 'node:fs';
import { EngineLoadError } from '../engine.ts';

/**
 * The recogniser's classes: index 0 is the CTC blank, then one class per dictionary line, then a
 * space (PaddleOCR's `use_space_char`).
 */
export interface Dictionary {
  readonly classes: readonly string[];
  readonly spaceIndex: number;
}

export function loadDictionary(path: string): Dictionary {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  if (lines.length < 2) throw new EngineLoadError(`PP-OCR dictionary ${path} has no characters`);
  const classes = ['', ...lines, ' '];
  return { classes, spaceIndex: classes.length - 1 };
}
