import { editDistance, type PageTextChar, type Point, type Quad } from '@ocr/contracts';
import type { ReadLine } from './colour-readings.ts';
import { quadBounds } from './geometry.ts';

/**
 * Share of a line's characters (spaces aside) by which the reading and the PDF's own text there
 * may differ for the PDF's to be taken: room for what the recogniser gets wrong (`Ø` read as 0, the
 * `fl` ligature as f, a letter's case), far less than text set with a broken character map, or a
 * text layer that does not lie under the print (another program's OCR of a scan), differs by.
 */
const MAX_DIFFERENCE = 0.25;

/** A gap between characters of at least this many of the line's usual steps holds a space. */
const WORD_GAP = 2;

/** For comparing only: spaces dropped, compatibility forms unfolded, the diameter mark the recogniser reads as 0 made 0. */
function comparable(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/[Ø⌀∅]/g, '0');
}

/** Where `point` lies along the box's reading edge (u) and down its side (v): both 0..1 inside. */
function boxCoordinates([tl, tr, , bl]: Quad, [x, y]: Point): { u: number; v: number } {
  const ex = tr[0] - tl[0], ey = tr[1] - tl[1];
  const dx = bl[0] - tl[0], dy = bl[1] - tl[1];
  const px = x - tl[0], py = y - tl[1];
  return { u: (px * ex + py * ey) / (ex * ex + ey * ey || 1), v: (px * dx + py * dy) / (dx * dx + dy * dy || 1) };
}

/** First index in `chars` (sorted by y) whose y is at least `y`. */
function firstAtOrBelow(chars: readonly PageTextChar[], y: number): number {
  let low = 0, high = chars.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (chars[middle]!.y < y) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The PDF's text whose characters lie in `box`, in reading order along it; `chars` sorted by y. */
function textIn(box: Quad, chars: readonly PageTextChar[]): string {
  const bounds = quadBounds(box);
  const inside: Array<{ char: string; u: number }> = [];
  // Only the band of rows the box spans is looked at: an A1 sheet holds tens of thousands of characters.
  for (let i = firstAtOrBelow(chars, bounds.top); i < chars.length && chars[i]!.y <= bounds.bottom; i++) {
    const { char, x, y } = chars[i]!;
    if (x < bounds.left || x > bounds.right) continue;
    const { u, v } = boxCoordinates(box, [x, y]);
    if (u >= 0 && u <= 1 && v >= 0 && v <= 1) inside.push({ char, u });
  }
  inside.sort((a, b) => a.u - b.u);
  // Runs set apart by position alone (a form's label and its value) have no space between them
  // in the text: a gap of two characters' steps or more is one.
  const steps = inside.slice(1).map((c, i) => c.u - inside[i]!.u).sort((a, b) => a - b);
  const step = steps[steps.length >> 1] ?? 0;
  return inside
    .map((c, i) => (i > 0 && step > 0 && c.u - inside[i - 1]!.u >= WORD_GAP * step ? ` ${c.char}` : c.char))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * For a PDF page that carries its own text: each line read from the pixels takes the PDF's text
 * in its box where the two nearly agree, which gives the characters the recogniser cannot read
 * (`Ø`, `℃`, ligatures) and mends its slips. Where they disagree the reading stays: what prints
 * is what counts, and a text layer can be garbage.
 */
export function preferPdfText(lines: readonly ReadLine[], chars: readonly PageTextChar[]): ReadLine[] {
  const byRow = [...chars].sort((a, b) => a.y - b.y);
  return lines.map((line) => {
    const text = textIn(line.box, byRow);
    if (text === '') return line;
    const read = comparable(line.text);
    const own = comparable(text);
    const allowed = MAX_DIFFERENCE * Math.max(read.length, own.length);
    return editDistance(read, own) <= allowed ? { ...line, text } : line;
  });
}
