import type { PageTextChar, Point, Quad } from '@ocr/contracts';
import { quadArea, quadBounds, quadOverlap, type Bounds } from './geometry.ts';
import type { ReadLine } from './readings.ts';

/**
 * A character of the PDF's text within this share of a line box's height of the box counts as
 * the line's: the box's own glyphs, and the stop or letter the detector left just past its end,
 * which the line's check against the PDF's text deals with.
 */
const NEAR_LINE = 0.3;
/**
 * Characters of one run stand at most this many font sizes apart, middle to middle: a word's
 * letters 0.3–0.7, across a word space up to 1.1; a table's next cell, a calendar's next day,
 * further.
 */
const RUN_GAP = 1.6;
/**
 * The first two characters of a run set its direction, so, unless side by side across the page,
 * they must stand as close as a word's letters: a column of one-character cells stacked a line
 * apart is no run down the page.
 */
const FIRST_GAP = 1;
/**
 * Two digits down the page stand a digit's advance apart (0.5–0.6 of a size) in a number set
 * sideways; further apart, they are a column's numbers stacked a line apart, however tight the
 * leading: a contents page's page numbers `7` stood 0.9 of their size apart, read `77 7 7` as one run.
 */
const SIDEWAYS_DIGIT_GAP = 0.75;
const DIGIT = /^\p{Nd}$/u;
/** A run's characters stand this share of a font size or less off the line through its first two. */
const RUN_DRIFT = 0.3;
/** A run's characters differ in font size by at most this ratio. */
const SIZE_RATIO = 1.3;
/**
 * The box reaches this many font sizes past its end glyphs' middles, and this many either side
 * of them: about what the detector draws round a line (half a glyph and a little paper beyond
 * its ink), so that the recogniser sees the run as it sees a detected line.
 */
const BOX_END = 0.6;
const BOX_SIDE = 0.6;
/** A run's box that overlaps the lines read by more than this share of its area is part of one of them. */
const READ_ALREADY = 0.2;
/**
 * Runs are of letters and digits: the marks between them are spanned (`2.48`), and marks alone
 * (a contents page's dot leaders, read as dots again) add nothing.
 */
const WORDS = /[\p{L}\p{N}]/u;
/** Runs boxed at most, reading each costs the recogniser a line's time. */
const MAX_RUNS = 600;

/** A line's box lies this much inside a run's for the run to read it again (see `withUnboxedRuns`). */
const READ_OVER = 0.5;

/** Rows of line boxes, by the page's y, so that each character is tested against the few near it. */
const ROW = 64;

function coveredBy(boxes: readonly Quad[]): (char: PageTextChar) => boolean {
  const rows = new Map<number, Bounds[]>();
  for (const box of boxes) {
    const b = quadBounds(box);
    const grow = NEAR_LINE * Math.min(b.right - b.left, b.bottom - b.top);
    const grown = { left: b.left - grow, top: b.top - grow, right: b.right + grow, bottom: b.bottom + grow };
    for (let row = Math.floor(grown.top / ROW); row <= Math.floor(grown.bottom / ROW); row++) {
      const list = rows.get(row) ?? [];
      list.push(grown);
      rows.set(row, list);
    }
  }
  return ({ x, y }) => (rows.get(Math.floor(y / ROW)) ?? []).some((b) => x >= b.left && x <= b.right && y >= b.top && y <= b.bottom);
}

interface Run {
  chars: PageTextChar[];
  size: number;
}

/**
 * Whether `char` carries `run` on: near its last character, of its size, and along its direction;
 * `marks` stand between the two in the text (a first step across a decimal point is two glyphs').
 */
function carriesOn(run: Run, char: PageTextChar, marks: number): boolean {
  const size = char.size!;
  if (Math.max(size, run.size) > SIZE_RATIO * Math.min(size, run.size)) return false;
  const first = run.chars[0]!, last = run.chars.at(-1)!;
  const step = Math.hypot(char.x - last.x, char.y - last.y);
  // A first step across the page may be as long as any (ideographs stand a whole size apart).
  if (run.chars.length === 1) {
    if (Math.abs(char.y - last.y) <= RUN_DRIFT * run.size) return step <= RUN_GAP * run.size;
    return step <= (DIGIT.test(char.char) && DIGIT.test(last.char) ? SIDEWAYS_DIGIT_GAP : FIRST_GAP) * (1 + marks) * run.size;
  }
  if (step > RUN_GAP * run.size) return false;
  const second = run.chars[1]!;
  const length = Math.hypot(second.x - first.x, second.y - first.y);
  if (length === 0) return false;
  const [ux, uy] = [(second.x - first.x) / length, (second.y - first.y) / length];
  const along = (char.x - last.x) * ux + (char.y - last.y) * uy;
  const off = Math.abs((char.x - first.x) * -uy + (char.y - first.y) * ux);
  return along > 0 && off <= RUN_DRIFT * run.size;
}

/** The box round a run's glyphs, its top edge first from the run's start (as the detector gives a line's). */
function runBox({ chars, size }: Run): Quad {
  const first = chars[0]!, last = chars.at(-1)!;
  const length = Math.hypot(last.x - first.x, last.y - first.y);
  // A lone character is taken as set across the page.
  const [ux, uy] = length > 0 ? [(last.x - first.x) / length, (last.y - first.y) / length] : [1, 0];
  // Down the glyphs: the direction a quarter turn clockwise from the run's, on the page's y-down pixels.
  const [vx, vy] = [-uy, ux];
  const end = BOX_END * size, side = BOX_SIDE * size;
  const at = (t: number, s: number): Point => [first.x + ux * t + vx * s, first.y + uy * t + vy * s];
  return [at(-end, -side), at(length + end, -side), at(length + end, side), at(-end, side)];
}

/**
 * Boxes round the runs of a PDF page's own text that no line read lies on: the detector, which
 * sees the page shrunk, misses short labels in small print (a calendar's days, `01` to `31` at
 * 6 pt in coloured cells, a table's lone digits) while the text layer holds them. Each box is
 * where a run prints, as its characters' places and font sizes give it, to be read from the
 * pixels like a detected line; what the reading there bears out is the page's (see
 * `borneOutByPdfText`), so text that does not print (white, under a figure) adds nothing. Runs
 * are letters and digits one after another in the text's own order, side by side, of one size,
 * along one line; runs off the page, or mostly over lines read, are left out.
 */
export function unboxedText(chars: readonly PageTextChar[], lines: ReadonlyArray<{ box: Quad }>, page: { width: number; height: number }): Quad[] {
  const covered = coveredBy(lines.map((line) => line.box));
  const runs: Run[] = [];
  let run: Run | undefined;
  let marks = 0;
  for (const char of chars) {
    if (!WORDS.test(char.char)) {
      if (char.char.trim() !== '') marks++;
      continue;
    }
    const after = marks;
    marks = 0;
    if (!char.size || covered(char)) {
      run = undefined;
      continue;
    }
    if (run && carriesOn(run, char, after)) {
      run.chars.push(char);
      continue;
    }
    run = { chars: [char], size: char.size };
    runs.push(run);
  }
  const onPage = ([x, y]: Point) => x >= 0 && y >= 0 && x <= page.width && y <= page.height;
  const lineBounds = lines.map((line) => quadBounds(line.box));
  const readAlready = (box: Quad) => {
    const b = quadBounds(box);
    return lines.some(
      (line, i) => b.left < lineBounds[i]!.right && lineBounds[i]!.left < b.right && b.top < lineBounds[i]!.bottom && lineBounds[i]!.top < b.bottom && quadOverlap(box, line.box) > READ_ALREADY * quadArea(box),
    );
  };
  return runs
    .map(runBox)
    .filter((box) => box.every(onPage) && !readAlready(box))
    .slice(0, MAX_RUNS);
}

/**
 * The page's lines with its runs read where no line lay (see `unboxedText`), less each line a run
 * reads again whole (a contents page's `16` whose `6` alone the detector boxed: its box mostly
 * inside the run's, its text part of the run's).
 */
export function withUnboxedRuns(lines: readonly ReadLine[], runs: readonly ReadLine[]): ReadLine[] {
  const readOver = (line: ReadLine) => {
    const text = line.text.replace(/\s/g, '');
    return runs.some((run) => text !== '' && run.text.replace(/\s/g, '').includes(text) && quadOverlap(line.box, run.box) >= READ_OVER * quadArea(line.box));
  };
  return [...lines.filter((line) => !readOver(line)), ...runs];
}
