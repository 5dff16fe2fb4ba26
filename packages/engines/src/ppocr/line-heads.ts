import type { PageImage, Quad } from '@ocr/contracts';
import { quadArea, quadBounds, quadOverlap, type Bounds } from './geometry.ts';
import { isInkAt } from './ink-bounds.ts';
import type { ReadLine } from './readings.ts';
import { readsUpOrDown } from './sideways-text.ts';

/**
 * A heading's number is boxed apart from its text now and then: a scanned `二、填空题` gave `二`
 * and `、` boxes of their own beside the line's, each read as nothing alone (a stroke or two, a
 * mark), and the line read `填空题`. Such a box stands on the line's row, no taller than this many
 * of the line's heights, its middle within the line's, and no more than this many heights before
 * the line's start (it may overlap the line's box a little).
 */
const TALLEST = 1.3;
const REACH = 1;
/**
 * A box another line covers this much of is not beside this one only; a grown box may reach into
 * another line by this much of a square of its height (a glyph's).
 */
const ANOTHER_LINE = 0.1;
/** Paper taken beyond the unread boxes, in the line's heights. */
const MARGIN = 0.5;
/** A box that a kept line covers half of or more was read, as part of that line. */
const READ_AS_PART = 0.5;

export interface LineHead {
  line: ReadLine;
  /** The line's box grown over the unread boxes beside it. */
  box: Quad;
}

function union(bounds: readonly Bounds[]): Quad {
  const left = Math.max(0, Math.min(...bounds.map((b) => b.left))), top = Math.max(0, Math.min(...bounds.map((b) => b.top)));
  const right = Math.max(...bounds.map((b) => b.right)), bottom = Math.max(...bounds.map((b) => b.bottom));
  return [[left, top], [right, top], [right, bottom], [left, bottom]];
}

/**
 * Print the detector boxed not at all before a line of Chinese (a scanned `一、 计算题`: the stroke
 * and its mark had no box; a small scan's `一` one pixel thick) is looked for in the band of its
 * row's middle, outside every box, within INK_REACH of its start: this many columns side by side
 * with ink in the band, not a speck.
 */
const INK_COLUMNS = 2;
const INK_REACH = 1.5;
const HAN_START = /^\p{Script=Han}/u;

/** The leftmost column of ink in the middle of `own`'s row from `from` back to `to` that no box holds; undefined where there is none. */
function inkFrom(page: PageImage, own: Bounds, boxes: readonly Bounds[], from: number, to: number): number | undefined {
  const height = own.bottom - own.top;
  const top = Math.max(0, Math.round(own.top + height / 4)), bottom = Math.min(page.height, Math.round(own.bottom - height / 4));
  const left = Math.max(0, Math.round(to)), right = Math.min(page.width, Math.round(from));
  const near = boxes.filter((b) => b.right > left && b.left < right && b.bottom > top && b.top < bottom);
  const inBox = (x: number, y: number) => near.some((b) => x >= b.left && x < b.right && y >= b.top && y < b.bottom);
  const dark = (x: number, y: number) => isInkAt(page, x, y);
  // A table's rule between a label's cell and this one runs past the row both ways: no glyph does.
  const rule = (x: number) => dark(x, Math.max(0, Math.round(own.top))) && dark(x, Math.min(page.height - 1, Math.round(own.bottom)));
  const inked = (x: number) => {
    if (rule(x)) return false;
    for (let y = top; y < bottom; y++) if (dark(x, y) && !inBox(x, y)) return true;
    return false;
  };
  let run = 0;
  for (let x = left; x < right; x++) {
    run = inked(x) ? run + 1 : 0;
    if (run >= INK_COLUMNS) return x - run + 1;
  }
  return undefined;
}

/**
 * The leftmost column of the print before `own` in the middle of its row that no box holds: ink
 * within INK_REACH of the line's start, and on back while more stands within INK_REACH of it (`一` some
 * way before its `、`), up to this many heights; undefined where there is none.
 */
const FURTHEST = 3;

function unboxedInkBefore(page: PageImage, own: Bounds, boxes: readonly Bounds[]): number | undefined {
  const height = own.bottom - own.top;
  let found: number | undefined;
  for (let from = own.left; from > own.left - FURTHEST * height; ) {
    const ink = inkFrom(page, own, boxes, from, Math.max(from - INK_REACH * height, own.left - FURTHEST * height));
    if (ink === undefined || ink >= from) break;
    found = from = ink;
  }
  return found;
}

/** A line of a glyph or two (no wider than this many of its heights) can be a heading's number read apart. */
const NUMBER_WIDTH = 2;
/** What a heading's number read apart reads: `三`, `十二`, `3`, `(2)`, with or without its mark. */
const HEADING_NUMBER = /^[（(]?[一二三四五六七八九十百\d]+[）)]?[、.．]?$/u;

function readsAsNumber(line: ReadLine): boolean {
  const b = quadBounds(line.box);
  return HEADING_NUMBER.test(line.text) && b.right - b.left <= NUMBER_WIDTH * (b.bottom - b.top);
}

/** Whether `other` is a heading's number on the row of the line `own`, ending within REACH before the unboxed ink at `ink`. */
function isHeadingNumber(other: ReadLine, own: Bounds, ink: number): boolean {
  const b = quadBounds(other.box);
  const height = own.bottom - own.top, middle = (b.top + b.bottom) / 2;
  return readsAsNumber(other) && middle >= own.top && middle <= own.bottom && b.right <= own.left && ink - b.right <= REACH * height;
}

/** Whether `box` reaches into a line other than `line` that is no heading's number (see `readsAsNumber`). */
function reachesAnotherLine(box: Quad, line: ReadLine, lines: readonly ReadLine[]): boolean {
  return lines.some((other) => {
    const b = quadBounds(other.box);
    const height = b.bottom - b.top;
    return other !== line && !readsAsNumber(other) && quadOverlap(box, other.box) > ANOTHER_LINE * height * height;
  });
}

/**
 * The lines of Chinese with glyphs before them that no line reads, each with its box grown over
 * them, to be read again whole: boxes of the page's detection that read as nothing, standing just
 * before the line on its row (see `REACH`), and print in no box (see `unboxedInkBefore`). Only
 * before Chinese, where sections are numbered `一、`: before Latin lines and after lines, specks
 * and a chart's legend marks read as characters (`■ 5.1`, `E Board President`), and a gutter's
 * specks led into the next column. A grown box reaching into another line is left.
 */
export function unreadBesideLines(page: PageImage, boxes: readonly Quad[], lines: readonly ReadLine[]): LineHead[] {
  const unread = boxes.filter((box) => !lines.some((line) => quadOverlap(box, line.box) > READ_AS_PART * quadArea(box)));
  const boxed = boxes.map(quadBounds);
  const heads: LineHead[] = [];
  for (const line of lines) {
    if (readsUpOrDown(line.box) || !HAN_START.test(line.text)) continue;
    const own = quadBounds(line.box);
    const height = own.bottom - own.top;
    // Not a box that reaches into another line: the glyphs between a heading's number read alone and its text.
    const free = unread.filter((box) => !lines.some((other) => other !== line && quadOverlap(box, other.box) > ANOTHER_LINE * quadArea(box)));
    const before = free.map(quadBounds).filter((b) => {
      const middle = (b.top + b.bottom) / 2;
      if (b.bottom - b.top > TALLEST * height || middle < own.top || middle > own.bottom) return false;
      return own.left - b.right <= REACH * height && b.right <= own.left + height / 2;
    });
    const ink = unboxedInkBefore(page, own, boxed);
    if (ink !== undefined) {
      before.push({ left: ink, top: own.top, right: own.left, bottom: own.bottom });
      // The number read as a line of its own before the unboxed mark (`三` of `三、`) is read with it.
      const number = lines.find((other) => other !== line && isHeadingNumber(other, own, ink));
      if (number) before.push(quadBounds(number.box));
    }
    if (before.length === 0) continue;
    // A glyph's box can be tight or cut (a `一` boxed by half with its `、`): the grown box takes some paper beyond.
    const box = union([own, ...before.map((b) => ({ ...b, left: b.left - MARGIN * height }))]);
    if (!reachesAnotherLine(box, line, lines)) heads.push({ line, box });
  }
  return heads;
}

const compact = (text: string) => text.replace(/\s+/g, '');
/**
 * A line of a glyph or two whose box lies over this share of its own area on another line's box,
 * at that line's start or end, and reads the glyphs the line reads there, is that line's glyph
 * read again: a list's dash boxed apart, its box reaching over the line's first glyph, read that
 * glyph (`集 集成Key scan`).
 */
const ECHO_OVERLAP = 0.3;
const ECHO_CHARACTERS = 2;

/** The lines without those that read another line's first or last glyphs again (see `ECHO_OVERLAP`). */
export function withoutEchoes(lines: readonly ReadLine[]): ReadLine[] {
  const echoes = (line: ReadLine, other: ReadLine): boolean => {
    const own = compact(line.text), text = compact(other.text);
    if (text.length <= own.length || readsUpOrDown(other.box) || quadOverlap(line.box, other.box) < ECHO_OVERLAP * quadArea(line.box)) return false;
    const a = quadBounds(line.box), b = quadBounds(other.box);
    return (a.left < b.left && text.startsWith(own)) || (a.right > b.right && text.endsWith(own));
  };
  return lines.filter((line) => {
    const characters = compact(line.text).length;
    if (characters === 0 || characters > ECHO_CHARACTERS || readsUpOrDown(line.box)) return true;
    return !lines.some((other) => other !== line && echoes(line, other));
  });
}

/** Read whole, the line may read this much less surely: the added glyphs are the doubtful ones. */
const DOUBT = 0.05;

/**
 * Whether `whole`, read over a line's box grown over unread glyphs before it, reads the line's own
 * text and more: the line's characters at its end, as surely or nearly, and what it adds before
 * them holds a character or digit, as a heading's number does: not specks, nor a logo read as a
 * letter (a bank's `M` before `招商银行`).
 */
export function readsMoreWhole(line: ReadLine, whole: ReadLine): boolean {
  const own = compact(line.text), grown = compact(whole.text);
  if (grown.length <= own.length || whole.confidence < line.confidence - DOUBT || !grown.endsWith(own)) return false;
  return /[\p{Script=Han}\p{N}]/u.test(grown.slice(0, -own.length));
}
