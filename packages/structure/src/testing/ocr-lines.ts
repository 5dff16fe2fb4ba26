import type { OcrLine } from '@ocr/contracts';

/** A synthetic engine line: an upright box at (x, y); width from the text unless given. */
export function ocrLine(text: string, x: number, y: number, options: { width?: number; height?: number; confidence?: number } = {}): OcrLine {
  const height = options.height ?? 20;
  const width = options.width ?? [...text].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 20 : 10), 0);
  return {
    text,
    confidence: options.confidence ?? 0.9,
    box: [
      [x, y],
      [x + width, y],
      [x + width, y + height],
      [x, y + height],
    ],
  };
}
