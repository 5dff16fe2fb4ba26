import type { PageImage, Quad } from '@ocr/contracts';
import { frameOf, inkLevel, pixelOffset } from './box-frame.ts';
import { quadArea, quadBounds, quadOverlap } from './geometry.ts';
import type { DecodedLine } from './ctc-decode.ts';
import type { ReadLine } from './readings.ts';

/** A column inked over this share of the box's height is a frame's side or a rule down it, not print. */
const FRAME_SIDE = 0.6;
/** A row of pixels inked over this share of the box's width is a frame's edge between cells: it parts rows as a blank does. */
const FRAME_EDGE = 0.7;
/** A run of ink under this share of the runs' usual height is a mark's or a speck's (an `i`'s dot is joined to its row). */
const MARK = 0.35;
/** Each row is at least this much wider than high: text running across, not a glyph turned on its side. */
const ACROSS = 1.2;
/** A row read across holds at least this many characters: a glyph of text up the page, turned on its side, reads as one. */
const ROW_CHARACTERS = 2;
/** Row boxes reach this share of the row's height past its ink, as the detector's boxes do. */
const REACH = 0.3;

/**
 * Where the detector took a column of short lines stacked one under another (a contents page's
 * page numbers, each in its own grey frame, stacked frame on frame) for one line down the page,
 * the upright boxes of those lines, top to bottom; undefined where the box's ink does not stand
 * in rows of at least two, each wider than high (any width, `narrow`), apart. Frames' sides and edges are no ink.
 */
export function stackedRows(page: PageImage, box: Quad, { narrow = false } = {}): Quad[] | undefined {
  const b = quadBounds(box);
  const left = Math.max(0, Math.floor(b.left)), right = Math.min(page.width, Math.ceil(b.right));
  const top = Math.max(0, Math.floor(b.top)), bottom = Math.min(page.height, Math.ceil(b.bottom));
  const width = right - left, height = bottom - top;
  if (width < 2 || height < 2) return undefined;
  const upright = frameOf(0);
  const ink = inkLevel(page, upright, { u0: left, u1: right, v0: top, v1: bottom });
  const inked = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = pixelOffset(page, upright, left + x, top + y)!;
      if (page.data[i]! + page.data[i + 1]! + page.data[i + 2]! < ink) inked[y * width + x] = 1;
    }
  }
  const columns: number[] = [];
  for (let x = 0; x < width; x++) {
    let n = 0;
    for (let y = 0; y < height; y++) n += inked[y * width + x]!;
    if (n < FRAME_SIDE * height) columns.push(x);
  }
  if (columns.length === 0) return undefined;
  // Runs of rows holding print, each with the print's reach across the box.
  const runs: Array<{ top: number; bottom: number; left: number; right: number }> = [];
  let run: (typeof runs)[number] | undefined;
  for (let y = 0; y < height; y++) {
    let n = 0, first = -1, last = -1;
    for (const x of columns) {
      if (!inked[y * width + x]) continue;
      n++;
      if (first < 0) first = x;
      last = x;
    }
    if (n === 0 || n >= FRAME_EDGE * columns.length) {
      run = undefined;
      continue;
    }
    if (!run) runs.push((run = { top: y, bottom: y + 1, left: first, right: last + 1 }));
    run.bottom = y + 1;
    run.left = Math.min(run.left, first);
    run.right = Math.max(run.right, last + 1);
  }
  if (runs.length < 2) return undefined;
  const usual = [...runs.map((r) => r.bottom - r.top)].sort((p, q) => p - q)[runs.length >> 1]!;
  const rows = runs.filter((r) => r.bottom - r.top >= MARK * usual).map((r) => ({ ...r }));
  // A mark's run (an `i`'s dot, a comma's tail) joins the row it sits nearest; one standing alone is left out.
  for (const mark of runs.filter((r) => r.bottom - r.top < MARK * usual)) {
    const gap = (r: (typeof runs)[number]) => Math.max(r.top - mark.bottom, mark.top - r.bottom);
    const nearest = rows.reduce<(typeof rows)[number] | undefined>((a, r) => (!a || gap(r) < gap(a) ? r : a), undefined);
    if (nearest && gap(nearest) < MARK * usual) {
      Object.assign(nearest, { top: Math.min(nearest.top, mark.top), bottom: Math.max(nearest.bottom, mark.bottom), left: Math.min(nearest.left, mark.left), right: Math.max(nearest.right, mark.right) });
    }
  }
  if (rows.length < 2 || (!narrow && rows.some((r) => r.right - r.left < ACROSS * (r.bottom - r.top)))) return undefined;
  return rows.map((r, i) => {
    const reach = REACH * (r.bottom - r.top);
    // Not past halfway to the next row's ink.
    const y0 = Math.max(r.top - reach, i === 0 ? 0 : (rows[i - 1]!.bottom + r.top) / 2) + top;
    const y1 = Math.min(r.bottom + reach, i === rows.length - 1 ? height : (r.bottom + rows[i + 1]!.top) / 2) + top;
    const x0 = Math.max(0, r.left - reach) + left, x1 = Math.min(width, r.right + reach) + left;
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
  });
}

/** Whether a stack's rows read across (`stackedRows`) read better than its box read along: each as a line, and together more surely. */
export function readsBetterAcross(rows: readonly DecodedLine[], along: DecodedLine): boolean {
  if (rows.length === 0 || rows.some((read) => read.characters < ROW_CHARACTERS)) return false;
  const characters = rows.reduce((n, read) => n + read.characters, 0);
  return rows.reduce((sum, read) => sum + read.confidence * read.characters, 0) / characters > along.confidence;
}

/** A row shares at least this share of its height with a line beside it. */
const BESIDE = 0.5;
/** A row number or a page number: a few digits. */
const NUMBER = /^\d{1,4}$/;
/** Each row of a column of numbers reads at least this surely. */
const SURE_NUMBER = 0.5;

/**
 * The rows of a column of one-glyph numbers stacked one under another (a contents page's page
 * numbers 1–9, a table's row numbers), where each row stands level with an upright line beside
 * it: the detector took them for one line down the page, read `22333578`. Vertical Chinese, one
 * upright glyph to a row, keeps no such rows with the lines beside it. Undefined otherwise.
 */
export function numberRows(page: PageImage, box: Quad, lines: readonly Quad[]): Quad[] | undefined {
  const rows = stackedRows(page, box, { narrow: true });
  const stack = quadBounds(box);
  const beside = lines.map(quadBounds).filter((b) => b.right <= stack.left || b.left >= stack.right);
  const level = (row: Quad) => {
    const r = quadBounds(row);
    return beside.some((b) => Math.min(b.bottom, r.bottom) - Math.max(b.top, r.top) >= BESIDE * (r.bottom - r.top) && b.bottom - b.top < 2 * (r.bottom - r.top));
  };
  return rows?.every(level) ? rows : undefined;
}

/** Whether a column's rows (see `numberRows`) each read as a number, surely. */
export function readsAsNumbers(rows: readonly DecodedLine[]): boolean {
  return rows.length > 0 && rows.every((read) => NUMBER.test(read.text) && read.confidence >= SURE_NUMBER);
}

/** A column that stands beside no lines is taken for numbers only where this many rows or more count up or down by one. */
const COUNTED_ROWS = 2;

/**
 * Whether a column's rows (see `stackedRows`, `narrow`) read as numbers counting one by one, up
 * or down (a connector's pins `1` to `11`): the sign of a column of numbers where no line stands
 * level with its rows, which vertical Chinese, read a glyph a row, does not give. No one-digit
 * row's box is wider than high, as an upright digit's is not: the digits of a size up the page
 * (`123`), read across a row each, lie on their sides, and can read as digits still.
 */
export function readsAsCount(rows: readonly Quad[], reads: readonly DecodedLine[]): boolean {
  if (rows.length < COUNTED_ROWS || !readsAsNumbers(reads)) return false;
  const upright = rows.every((row, i) => {
    const b = quadBounds(row);
    return reads[i]!.text.length > 1 || b.right - b.left <= b.bottom - b.top + 1;
  });
  const values = reads.map((read) => Number(read.text));
  const step = values[1]! - values[0]!;
  return upright && Math.abs(step) === 1 && values.every((value, i) => i === 0 || value - values[i - 1]! === step);
}

/** An upright box widened about its middle to at least its height: the recogniser drops a lone digit from a box narrower than high (a pin's `2`, 14 × 20 px, read as nothing). */
function atLeastSquare(box: Quad, pageWidth: number): Quad {
  const { left, top, right, bottom } = quadBounds(box);
  const grow = Math.max(0, bottom - top - (right - left)) / 2;
  const [l, r] = [Math.max(0, left - grow), Math.min(pageWidth, right + grow)];
  return [[l, top], [r, top], [r, bottom], [l, bottom]];
}

/**
 * The rows to read a line down or up the page of `glyphs` digits by, to see whether they count
 * (see `readsAsCount`): first over its box lengthened a row at either end, as the detector's box
 * can stop short of the column's end rows or cut one (`32` boxed over the pins `3 2 1`), then over
 * the box as it is; each row at least as wide as high. Ways whose ink stands in no rows are left out.
 */
export function countedRowTries(page: PageImage, box: Quad, glyphs: number): Quad[][] {
  const { left, top, right, bottom } = quadBounds(box);
  const row = (bottom - top) / glyphs;
  const [above, below] = [Math.max(0, top - row), Math.min(page.height, bottom + row)];
  const longer: Quad = [[left, above], [right, above], [right, below], [left, below]];
  return [longer, box].flatMap((way) => {
    const rows = stackedRows(page, way, { narrow: true });
    return rows ? [rows.map((r) => atLeastSquare(r, page.width))] : [];
  });
}

/**
 * A line whose box and a counted row's overlap over this share of the smaller stands on that row:
 * a row reaching past its column's box, or a column read again with coloured ink lifted, stands
 * where another line reads the same number (M5Stack's connector's `10`, read alone too).
 */
const SAME_ROW = 0.5;

/** The lines with each column read as counted (`counted`, see `readsAsCount`) put as its rows, and the lines those rows stand on (see SAME_ROW) left out. */
export function withCountedRows(lines: readonly ReadLine[], counted: ReadonlyMap<ReadLine, readonly ReadLine[]>): ReadLine[] {
  const rows = [...counted.values()].flat();
  const standsOnRow = (line: ReadLine) => rows.some((row) => quadOverlap(row.box, line.box) >= SAME_ROW * Math.min(quadArea(row.box), quadArea(line.box)));
  return lines.flatMap((line) => counted.get(line) ?? (standsOnRow(line) ? [] : [line]));
}
