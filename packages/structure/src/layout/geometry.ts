import type { BoundingBox, Quad } from '@ocr/contracts';

/** The axis-aligned box around a (possibly slanted) line quad. */
export function quadToBox(quad: Quad): BoundingBox {
  const xs = quad.map((p) => p[0]);
  const ys = quad.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

export function unionBoxes(boxes: readonly BoundingBox[]): BoundingBox | undefined {
  if (boxes.length === 0) return undefined;
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.width));
  const y1 = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export function right(box: BoundingBox): number {
  return box.x + box.width;
}

export function bottom(box: BoundingBox): number {
  return box.y + box.height;
}

/** Length of the overlap of [a0,a1] and [b0,b1]; 0 when they are apart. */
export function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

export function horizontalOverlap(a: BoundingBox, b: BoundingBox): number {
  return overlap(a.x, right(a), b.x, right(b));
}

export function verticalOverlap(a: BoundingBox, b: BoundingBox): number {
  return overlap(a.y, bottom(a), b.y, bottom(b));
}

// CJK and full-width characters are about twice as wide as Latin ones in a rendered line.
function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x2e80 ? 2 : 1;
}

/**
 * The part of a line box that characters [start, end) of its text cover, estimated from
 * character widths: the engines give one box per line, not per character.
 */
export function subBox(box: BoundingBox, text: string, start: number, end: number): BoundingBox {
  let total = 0;
  let before = 0;
  let inside = 0;
  for (let i = 0; i < text.length; i++) {
    const w = charWidth(text[i] ?? '');
    total += w;
    if (i < start) before += w;
    else if (i < end) inside += w;
  }
  if (total === 0) return box;
  return { x: box.x + (box.width * before) / total, y: box.y, width: (box.width * inside) / total, height: box.height };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
