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
/**
 * A narrower blank run, at least this many box heights wide, is a gutter too where the lines
 * around the box stop at it or run across it blank: a newspaper sets its justified columns
 * 0.75–0.9 box heights apart, and the detector drew boxes across two or three of them, a page's
 * every row where the columns' lines share baselines (the Oakland Observer's page in docling's
 * tests: `knowl- ology. A demonstration class of`). Spaces between words line up in no more than
 * a river of two or three lines, and a monospaced face's spaces are narrower (0.45).
 */
const GUTTER_RUN = 0.5;
/**
 * The lines bearing a gutter out run at least this many box heights on their side of it, as a
 * column's do (a newspaper's: ten and more): a list's numbers stand over each other before their
 * text, and a table's labels over the blank halves of the full-width marks after them, 0.7–0.8
 * box heights wide (`第一组（5人）：班长、`, the label 6.6 box heights long).
 */
const COLUMN_WIDTH = 8;
/** Each side of such a cut holds at least this many box heights of ink: a column's last line may be one short word (`uage.`). */
const GUTTER_PIECE = 0.5;
/**
 * At least this many other lines of a like height, within NEAR box heights up or down the page,
 * bear it out, and at most AGAINST_SHARE of the lines there run ink across it. In a monospaced
 * face, spaces and the blanks a narrow `i` or `l` leaves in its cell stand over each other in
 * three lines of four (`Tensi le`); a newspaper's gutter runs down ten lines and more.
 */
const ALIGNED = 5;
const NEAR = 6;
const LIKE_HEIGHT = 1.3;
const AGAINST_SHARE = 0.2;
/** A line ends or starts at it with its box edge within this many box heights outside it (boxes reach past their ink). */
const EDGE_REACH = 0.25;
/** Only boxes this close to level (rise over run) are measured for it, so their columns stand where the page's do. */
const LEVEL = 0.1;

/** A box measured along its reading edge, one column a page pixel, and where it lies level, its place on the page. */
interface Measured {
  box: Quad;
  height: number;
  columns: number;
  /** Blank runs between its first and last ink, [start, end) in profile columns. */
  runs: Array<[number, number]>;
  first: number;
  last: number;
  level?: { left: number; right: number; middle: number; step: number };
}

function measure(page: PageImage, box: Quad): Measured {
  const [tl, tr, br, bl] = box;
  const { width, height } = quadSize(box);
  const columns = Math.max(1, Math.ceil(width));
  const profile = inkProfile(page, box, columns);
  const runs: Array<[number, number]> = [];
  let first = -1, last = -1;
  for (let j = 0; j < columns; j++) {
    if (profile[j]! <= BLANK_INK) continue;
    if (first < 0) first = j;
    else if (j - last > 1) runs.push([last + 1, j]);
    last = j;
  }
  const isLevel = width > 0 && tr[0] > tl[0] && Math.abs(tr[1] - tl[1]) <= LEVEL * width;
  const level = isLevel ? { left: (tl[0] + bl[0]) / 2, right: (tr[0] + br[0]) / 2, middle: (tl[1] + tr[1] + br[1] + bl[1]) / 4, step: (tr[0] - tl[0]) / columns } : undefined;
  return { box, height, columns, runs, first, last, level };
}

/**
 * Whether the blank run between page x `from` and `to` in `box` is a gutter by the lines around
 * it (see GUTTER_RUN): ending or starting at it, or running across it blank, on both sides.
 */
function isGutter(box: Measured, others: readonly Measured[], from: number, to: number): boolean {
  const reach = EDGE_REACH * box.height;
  const middle = (from + to) / 2;
  let ending = 0, starting = 0, blank = 0, against = 0;
  for (const other of others) {
    const at = other.level;
    if (!at || other === box || Math.abs(at.middle - box.level!.middle) > NEAR * box.height) continue;
    if (other.height > LIKE_HEIGHT * box.height || box.height > LIKE_HEIGHT * other.height) continue;
    if (at.right < from - reach || at.left > to + reach) continue;
    // Only lines of a column's width bear a gutter out: a list's numbers stand over each other before its text too.
    const long = COLUMN_WIDTH * other.height;
    if (at.right <= to + reach && at.left < from) {
      if (at.right - at.left >= long) ending++;
    } else if (at.left >= from - reach && at.right > to) {
      if (at.right - at.left >= long) starting++;
    } else if (at.left < from && at.right > to) {
      const j = (middle - at.left) / at.step;
      const run = other.runs.find(([start, end]) => start <= j && j < end);
      if (!run || run[1] - run[0] < GUTTER_RUN * other.height) against++;
      else if (run[0] - other.first >= long && other.last - run[1] >= long) blank++;
    }
  }
  const bearing = ending + starting + blank;
  return bearing >= ALIGNED && ending + blank > 0 && starting + blank > 0 && against <= AGAINST_SHARE * (bearing + against);
}

/** Each box cut at its wide blank runs (see WIDE_GAP), and at gutters the lines around it bear out (GUTTER_RUN), into boxes of its inked pieces. */
export function splitAtWideGaps(page: PageImage, boxes: readonly Quad[]): Quad[] {
  const measured = boxes.map((box) => measure(page, box));
  return measured.flatMap((box) => splitBox(box, box.level && ((from, to) => isGutter(box, measured, box.level!.left + from * box.level!.step, box.level!.left + to * box.level!.step))));
}

/** `gutter` tells whether a blank run between two profile columns is a gutter between columns. */
function splitBox({ box, height, columns, runs, first, last }: Measured, gutter?: (from: number, to: number) => boolean): Quad[] {
  if (columns < (GUTTER_RUN + 2 * GUTTER_PIECE) * height) return [box];
  const spaces = runs.map(([start, end]) => end - start).filter((run) => run >= SPACE_RUN * height).sort((a, b) => a - b);
  const wide = Math.max(WIDE_GAP * height, SPACING * (spaces[spaces.length >> 1] ?? 0));
  const gaps = runs.flatMap(([start, end]) => {
    if (end - start >= wide) return [{ start, end, piece: MIN_PIECE }];
    return end - start >= GUTTER_RUN * height && gutter?.(start, end) ? [{ start, end, piece: GUTTER_PIECE }] : [];
  });
  const cuts: Array<[number, number]> = [];
  let from = first;
  gaps.forEach(({ start, end, piece }, i) => {
    const nextStart = gaps[i + 1]?.start ?? last + 1;
    if (start - from < piece * height || nextStart - end < piece * height) return;
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
