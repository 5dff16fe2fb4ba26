import type { StripInk } from './strip-ink.ts';

/**
 * In a monospaced face every glyph stands in a cell of one width, and narrow letters (i, l) stand
 * in the middle of theirs with wide blanks beside them: the recogniser reads a space there (`Tensi
 * le`, `dai ly`, `wi ll` in Noto Sans Mono CJK, the half-width Latin of Chinese documents in
 * monospaced faces). The strip shows the cells: the middles of a monospaced line's glyphs lie on
 * one grid, at whole pitches from each other, spaces included. A proportional line's drift off any
 * grid, even where its letters are of like width (Cyrillic, capitals in ISO lettering).
 */
const ON_GRID = 0.15;
const SHARE_ON_GRID = 0.75;
const LEAST_GLYPHS = 12;
/** Narrower runs are specks or a glyph's detached part, not glyphs. */
const LEAST_GLYPH = 0.04;
/**
 * A monospaced face's glyphs each fit their cell; where more of a line's ink runs than this are
 * wider than a cell (WIDEST_GLYPH), they are glyphs run together, as a bold heading's blurred on a
 * scan, whose middles can fall near a grid by chance (NXP's `Contactless Reader IC`: 5 of 15 runs,
 * read `ReaderIC` as if the r and the I stood in neighbouring cells).
 */
const RUN_TOGETHER_SHARE = 0.2;
/** Glyph middles closer than this many pitches stand in neighbouring cells (a narrow glyph's sits off its cell's middle). */
const SPACE_PITCHES = 1.5;

const pitches = new WeakMap<StripInk, number | null>();

/** The width of the cells a monospaced line's glyphs stand in; null where they stand in no grid of cells. */
function cellPitch(ink: StripInk): number | null {
  let found = pitches.get(ink);
  if (found !== undefined) return found;
  found = null;
  const glyphs = ink.runs().filter((run) => run.end - run.start >= LEAST_GLYPH * ink.height);
  const middles = glyphs.map((run) => (run.start + run.end) / 2);
  const distances = middles.slice(1).map((middle, i) => middle - middles[i]!);
  const usual = [...distances].sort((a, b) => a - b)[distances.length >> 1] ?? 0;
  // The grid: each glyph's cell counted on from the one before (a distance of one pitch or a few),
  // then the pitch and origin fitted to the glyphs' middles by least squares.
  if (middles.length >= LEAST_GLYPHS && usual > 0) {
    const cells = [0];
    distances.forEach((d) => cells.push(cells.at(-1)! + Math.max(1, Math.round(d / usual))));
    const n = cells.length;
    const meanCell = cells.reduce((sum, k) => sum + k, 0) / n;
    const meanMiddle = middles.reduce((sum, m) => sum + m, 0) / n;
    let covariance = 0, variance = 0;
    cells.forEach((k, i) => {
      covariance += (k - meanCell) * (middles[i]! - meanMiddle);
      variance += (k - meanCell) ** 2;
    });
    const pitch = covariance / variance;
    const origin = meanMiddle - pitch * meanCell;
    const off = (middle: number, k: number) => Math.abs((middle - origin) / pitch - k);
    // A monospaced line's word space is a cell left blank; a line whose gaps all stand one cell
    // apart is proportional print whose letters happen to run evenly (`Total Ending Balance` in a
    // table's cell: 14 of 18 glyphs on a grid, its spaces 1.3 and 1.4 letters wide).
    const blankCell = cells.some((k, i) => k - (cells[i - 1] ?? k) >= 2);
    const runTogether = glyphs.filter((run) => run.end - run.start > WIDEST_GLYPH * pitch).length;
    if (blankCell && runTogether <= RUN_TOGETHER_SHARE * n && cells.filter((k, i) => off(middles[i]!, k) <= ON_GRID).length >= SHARE_ON_GRID * n) found = pitch;
  }
  pitches.set(ink, found);
  return found;
}

/**
 * Whether the letters the recogniser emitted at steps `before` and `after`, with a space read
 * between them, stand in neighbouring cells of a monospaced line: then there is no space.
 */
export function neighbouringCells(ink: StripInk, before: number, after: number): boolean {
  const pitch = cellPitch(ink);
  if (pitch === null) return false;
  const runs = ink.adjacentRuns(before, after);
  if (!runs) return false;
  const [left, right] = runs;
  return (right.start + right.end) / 2 - (left.start + left.end) / 2 < SPACE_PITCHES * pitch;
}

/** A glyph of a short run of cells is no wider than this many pitches, and the pitch no more than this share of the strip's height. */
const WIDEST_GLYPH = 1.1;
const WIDEST_CELL = 0.7;
/** The blank across the gap read as a space is no more than this many times the blank beside the glyphs (and a pixel). */
const GAP_OVER_BESIDE = 1.5;

/**
 * Whether the glyphs the recogniser emitted at steps `before` and `after`, with a space read
 * between them, stand in even cells with the glyph before and the glyph after them: a word set
 * in a monospaced face inside proportional text (`main` in a paper's typewriter face, read `ma
 * in`; `whi le`), too short for the line to show a grid (see `cellPitch`). A space printed in
 * proportional text mostly widens the middle distance of the three (`a in` leaves a's and i's
 * middles 0.6 em apart and i's and n's 0.4), but not always (`percent in`: 25, 27 and 23 pixels;
 * a drawing's `not indicated`), so the blank across the gap must also be no wider than beside
 * it, as a narrow glyph stands mid-cell. Ink runs wider than a cell, or cells wider than a
 * monospaced face's, are glyphs run together (small print on a scan), which show no cells.
 */
export function inEvenCells(ink: StripInk, before: number, after: number): boolean {
  const runs = ink.adjacentRuns(before, after);
  if (!runs) return false;
  const [first, last] = [ink.previous(runs[0]), ink.next(runs[1])];
  if (!first || !last) return false;
  const glyphs = [first, ...runs, last];
  const middles = glyphs.map((run) => (run.start + run.end) / 2);
  const distances = middles.slice(1).map((middle, i) => middle - middles[i]!);
  const pitch = distances.reduce((sum, d) => sum + d, 0) / distances.length;
  const across = runs[1].start - runs[0].end;
  const besides = Math.max(runs[0].start - first.end, last.start - runs[1].end);
  return (
    across <= GAP_OVER_BESIDE * besides + 1 &&
    pitch <= WIDEST_CELL * ink.height &&
    glyphs.every((run) => run.end - run.start >= LEAST_GLYPH * ink.height && run.end - run.start <= WIDEST_GLYPH * pitch) &&
    distances.every((d) => Math.abs(d - pitch) <= ON_GRID * pitch)
  );
}
