import { quadBounds } from './geometry.ts';
import type { ReadLine } from './readings.ts';
import { readsUpOrDown } from './sideways-text.ts';

/** A lone cell read as the letter o, which in a table of figures is a zero... */
const LONE_O = /^[oO]$/;
/** ...or read as either. */
const LONE_ZERO = /^[0oO]$/;
/** A cell holding a figure: `7`, `1,151`, `-0.43`, `12%`. */
export const FIGURE = /^[+-]?\d[\d.,]*%?$/;
/** A neighbour on the row counts this many of the cell's heights away at most. */
const ROW_REACH = 12;

/** The nearest other line on the cell's row to its left (side -1) or right (1), within ROW_REACH; undefined where there is none. */
export function neighbour(lines: readonly ReadLine[], cellLine: ReadLine, side: -1 | 1): ReadLine | undefined {
  const cell = quadBounds(cellLine.box);
  const height = cell.bottom - cell.top;
  let best: { line: ReadLine; gap: number } | undefined;
  for (const line of lines) {
    if (line === cellLine || readsUpOrDown(line.box)) continue;
    const other = quadBounds(line.box);
    const middle = (other.top + other.bottom) / 2;
    if (middle < cell.top || middle > cell.bottom) continue;
    const gap = side < 0 ? cell.left - other.right : other.left - cell.right;
    if (gap < -height / 2 || gap > ROW_REACH * height) continue;
    if (!best || gap < best.gap) best = { line, gap };
  }
  return best?.line;
}

/** A table's nil: a lone dash (see `table-dashes`). */
const NIL = /^[-–—]$/;
/** A figure, another lone cell read as o (a row of zeros), or a nil. */
const figureLike = (line: ReadLine | undefined): boolean => line !== undefined && (FIGURE.test(line.text) || LONE_O.test(line.text) || NIL.test(line.text));

/** Whether a lone cell on `lines` stands as a table's zero: the next line along its row is a figure, or, at the row's end, the line before it is. */
function zeroInRow(lines: readonly ReadLine[], line: ReadLine): boolean {
  const after = neighbour(lines, line, 1);
  return after ? figureLike(after) : figureLike(neighbour(lines, line, -1));
}

/** A neighbour in the column stands at most this many of the cell's heights above or below it. */
const COLUMN_REACH = 1.5;

/**
 * Whether a lone cell on `lines` heads or ends a column of figures: the nearest line straight above
 * or below it, centred within its height of the cell's centre and within COLUMN_REACH heights, is
 * a figure, and nothing but a figure or a nil follows it along its row (a bullet has its item).
 */
function zeroInColumn(lines: readonly ReadLine[], cellLine: ReadLine): boolean {
  const after = neighbour(lines, cellLine, 1);
  if (after && !figureLike(after)) return false;
  const cell = quadBounds(cellLine.box);
  const height = cell.bottom - cell.top;
  const centre = (cell.left + cell.right) / 2;
  const nearest = (side: -1 | 1): ReadLine | undefined => {
    let best: { line: ReadLine; gap: number } | undefined;
    for (const line of lines) {
      if (line === cellLine || readsUpOrDown(line.box)) continue;
      const other = quadBounds(line.box);
      if (Math.abs((other.left + other.right) / 2 - centre) > height) continue;
      const gap = side < 0 ? cell.top - other.bottom : other.top - cell.bottom;
      if (gap < -height / 2 || gap > COLUMN_REACH * height) continue;
      if (!best || gap < best.gap) best = { line, gap };
    }
    return best?.line;
  };
  return [nearest(-1), nearest(1)].some((line) => line !== undefined && FIGURE.test(line.text));
}

/**
 * A lone `o` in a row or a column of figures is a zero: a table's empty counts print `0`, which
 * the recogniser, given one glyph with nothing around it, reads as the letter (156 of a scanned
 * spreadsheet's zeros; the 0 heading a pin table's column of function numbers, 0 to 31). In a row
 * only where the next line along it is a figure, or, at the row's end, the line before it is: a
 * list's bullet `o` has its item after it. The line before may be the row's label.
 */
export function tableZeros(lines: readonly ReadLine[]): ReadLine[] {
  return lines.map((line) =>
    LONE_O.test(line.text) && !readsUpOrDown(line.box) && (zeroInRow(lines, line) || zeroInColumn(lines, line)) ? { ...line, text: '0' } : line,
  );
}

/**
 * Of lone zeros read too unsurely to keep (`0` or `o` at 0.2–0.5: a scanned spreadsheet lost
 * about a hundred), those that stand as a table's zeros (see `tableZeros`) beside a figure read
 * surely, as `0`. Rules and specks read as such a glyph stand beside no figure.
 */
export function doubtfulZeros(doubtful: readonly ReadLine[], lines: readonly ReadLine[]): ReadLine[] {
  const zeros = doubtful.filter((line) => LONE_ZERO.test(line.text) && !readsUpOrDown(line.box));
  const all = [...lines, ...zeros];
  const besideFigure = (line: ReadLine) => [neighbour(lines, line, -1), neighbour(lines, line, 1)].some((side) => side !== undefined && FIGURE.test(side.text));
  return zeros.filter((line) => zeroInRow(all, line) && besideFigure(line)).map((line) => ({ ...line, text: '0' }));
}
