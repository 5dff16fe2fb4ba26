import type { PageImage, Quad } from '@ocr/contracts';
import { quadSize } from './geometry.ts';
import { BLANK_INK, inkProfile, SPACE_RUN, subQuad } from './long-lines.ts';

/**
 * A blank run at least this many box heights wide inside a detected box, and SPACING times the
 * box's usual space between words, is no such space but a gutter between columns, or a gap
 * between a table's cells, that the detector bridged. On OCRmyPDF's two-column Linn page it drew
 * one box from a line's end in one column to the next column's line, across a gutter of
 * 1.35–1.53 box heights (its spaces: 0.3), in 6 of 16 renderings (at 200 and 300 dpi, upright
 * and askew), and the paragraphs beside it were read across the gutter as rows.
 */
const WIDE_GAP = 1.25;
/**
 * Justified typewriter text spaces every word as wide (1.3–1.4 box heights: `the   standard
 * population`), and so does a typewriter's plain text (1.1): a line's spaces all alike are its
 * words' spaces, however wide.
 */
const SPACING = 3;
/**
 * Each side of a cut holds at least this many box heights of ink: a bullet or an item's number
 * set well before its text stays with it, as a lone glyph reads less surely.
 */
const MIN_PIECE = 2;

/** Each box cut at its wide blank runs (see WIDE_GAP) into boxes of its inked pieces. */
export function splitAtWideGaps(page: PageImage, boxes: readonly Quad[]): Quad[] {
  return boxes.flatMap((box) => splitBox(page, box));
}

function splitBox(page: PageImage, box: Quad): Quad[] {
  const { width, height } = quadSize(box);
  if (width < (WIDE_GAP + 2 * MIN_PIECE) * height) return [box];
  const columns = Math.ceil(width);
  const profile = inkProfile(page, box, columns);
  // The blank runs between the first and last ink, [start, end) in profile columns.
  const runs: Array<[number, number]> = [];
  let first = -1, last = -1;
  for (let j = 0; j < columns; j++) {
    if (profile[j]! <= BLANK_INK) continue;
    if (first < 0) first = j;
    else if (j - last > 1) runs.push([last + 1, j]);
    last = j;
  }
  const spaces = runs.map(([start, end]) => end - start).filter((run) => run >= SPACE_RUN * height).sort((a, b) => a - b);
  const wide = Math.max(WIDE_GAP * height, SPACING * (spaces[spaces.length >> 1] ?? 0));
  const gaps = runs.filter(([start, end]) => end - start >= wide);
  const cuts: Array<[number, number]> = [];
  let from = first;
  gaps.forEach(([start, end], i) => {
    const nextStart = gaps[i + 1]?.[0] ?? last + 1;
    if (start - from < MIN_PIECE * height || nextStart - end < MIN_PIECE * height) return;
    cuts.push([start, end]);
    from = end;
  });
  if (cuts.length === 0) return [box];
  // Each piece keeps as much paper around its ink as the detector left at the box's ends.
  const paper = Math.max(first, columns - 1 - last);
  const pieces: Quad[] = [];
  let start = 0;
  for (const [blank, ink] of cuts) {
    const margin = Math.min(paper, (ink - blank) / 3);
    pieces.push(subQuad(box, start / columns, (blank + margin) / columns));
    start = ink - margin;
  }
  pieces.push(subQuad(box, start / columns, 1));
  return pieces;
}
