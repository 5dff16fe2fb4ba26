import type { BoundingBox, OcrLine } from '@ocr/contracts';
import { quadToBox } from './geometry.ts';

/** One line of page text, from the engine's line boxes or from the text split at newlines. */
export interface PageLine {
  /** Index into the engine's lines, or into the text's lines; what `span.line` refers to. */
  index: number;
  text: string;
  box?: BoundingBox;
  confidence?: number;
}

/** A line with a box: what layout analysis (rows, tables, diagrams) works on. */
export type BoxedLine = PageLine & { box: BoundingBox };

export function pageLines(text: string, lines: readonly OcrLine[] | undefined): PageLine[] {
  if (lines && lines.length > 0) {
    return lines.map((line, index) => ({ index, text: line.text, box: quadToBox(line.box), confidence: line.confidence }));
  }
  return text.split(/\r?\n/).map((t, index) => ({ index, text: t }));
}

export function hasBox(line: PageLine): line is BoxedLine {
  return line.box !== undefined;
}
