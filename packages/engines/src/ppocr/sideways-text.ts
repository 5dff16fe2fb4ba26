import type { PageImage, Point, Quad } from '@ocr/contracts';
import sharp from 'sharp';
import { quadBounds, quadSize } from './geometry.ts';
import type { PixelRect } from './ink-bounds.ts';
import { LARGE_DETECTION_SIDE } from './page-detection.ts';
import { readingAngle, skewOf } from './page-turn.ts';
import { mergeReadings, surelyRead, type ReadLine } from './readings.ts';

/** The angle (15°) within which a box runs along an axis of the page, and its sine. */
const NEAR_AXIS_ANGLE = Math.PI / 12;
const NEAR_AXIS = Math.sin(NEAR_AXIS_ANGLE);
/** A box at least this many times as long as it is high holds a line, not a glyph or two. */
const LINE_LENGTH = 2;
/**
 * A box found sideways at least this long for its height reads along it. Two digits in a drawing's
 * narrow lettering (`50`, `72`) make a box about as long as high; a glyph on its side, read
 * across as well (see `readBoxes`), is read as it stands where that is surer.
 */
const SIDEWAYS_LENGTH = 0.8;
/** A group keeps the sideways reading only where it holds clearly more than the upright one... */
const SIDEWAYS_MARGIN = 1.25;
/**
 * ...or, where each sideways line holds this many characters, more by this margin: a long line
 * read surely on its side is text, and the upright pass may have read only part of it (an arXiv
 * stamp's `arXiv:2103.15348v2 [cs.CV] 21 Jun 2021` as `Ø3.15348v2 [cs.CV] 21 Jun 2021` and a `2`).
 */
const LONG_LINE_CHARACTERS = 10;
const LONG_LINE_MARGIN = 1.1;
/**
 * A line read sideways counts only when read at least this surely: a chart's axis and its ticks
 * read on their side as `zt`, which outweighed the upright `2` under them.
 */
const SIDEWAYS_CONFIDENCE = 0.8;
/**
 * ...and a single character this surely: glyphs turned a quarter pass for others (an upright `Z`
 * read on its side is `N`, 0.82 against 0.63), where a vertical size's lone digit reads surely.
 */
const SIDEWAYS_GLYPH_CONFIDENCE = 0.95;
/**
 * A single character read upright this surely, alone at its place, is not displaced by a
 * sideways reading of a glyph box that holds no character of its kind: a page number `5` read on
 * its side came out `ci`, two characters, nearly as surely. A short vertical size read upright
 * as one glyph (`9` for the `6` of `60`) is displaced by the sideways digits; pieces of one read
 * upright (`5` and `9` of `9.5`) are more than one line.
 */
const SURE_UPRIGHT = 0.95;
/** Kinds of character: digits, Latin letters, Han. */
const KINDS = [/\p{Nd}/u, /\p{Script=Latin}/u, /\p{Script=Han}/u];

/** A drawing's sizes are lines of at most this many characters holding a digit... */
const SIZE_CHARACTERS = 8;
/** ...at least this share of its lines... */
const SIZE_SHARE = 0.5;
/** ...on a sheet whose text covers under this share of its inked area. */
const SPARSE_TEXT = 0.05;
/** See `downwardDoubt`. */
const DOWNWARD_DOUBT = 0.02;
/**
 * A line only the sideways pass found is kept when it holds this many letters or digits: an
 * upright glyph read on its side can pass for another, and a drawing's symbol for `-5`.
 */
const SIDEWAYS_ALONE_CHARACTERS = 2;
/**
 * Upright lines in this many rows along a line of digits read sideways, on both sides of it and
 * no further from it than this many of its widths (a table's next columns), make it a column of
 * a table's cells (see `cellRows`).
 */
const CELL_ROWS = 2;
const CELL_REACH = 8;
/** Lines longer than this many of their heights are prose, not a table's cells, for `cellRows`... */
const CELL_LENGTH = 8;
/** ...and a column of cells is at least this many times as tall as it is wide. */
const CELL_COLUMN = 1.5;
/** A box at most this many times as long as it is high holds a glyph or two. */
const GLYPH_LENGTH = 1.6;
/**
 * Glyph boxes one above the other, this close (a share of their height) and as wide, are pieces
 * of one line; they may overlap as much, the detector's boxes reaching past the ink.
 */
const STACK_GAP = 0.35;
const STACK_WIDTH = 0.7;

/**
 * Whether the page holds a line that runs up or down it: a drawing's vertical dimensions, a
 * stamp along a margin. The detector, trained on upright text, finds such lines in pieces, and
 * two side by side (a size and its stacked tolerance) as a few upright glyphs.
 */
export function runsUpOrDown(lines: readonly ReadLine[]): boolean {
  return lines.some(({ box }) => {
    const { width, height } = quadSize(box);
    return readsUpOrDown(box) && width >= LINE_LENGTH * height;
  });
}

/**
 * Whether the detector found glyphs stacked one on another: a short vertical size it cut into
 * pieces of a glyph or two (`9.30` as `3.` over `9`), which leaves no line up or down the page
 * to tell that the page holds such text.
 */
export function hasGlyphStack(boxes: readonly Quad[]): boolean {
  const glyphs = boxes.map(quadBounds).filter((b) => {
    const width = b.right - b.left, height = b.bottom - b.top;
    return Math.max(width, height) <= GLYPH_LENGTH * Math.min(width, height);
  });
  return glyphs.some((a, i) =>
    glyphs.slice(i + 1).some((b) => {
      const wa = a.right - a.left, wb = b.right - b.left;
      if (Math.min(wa, wb) < STACK_WIDTH * Math.max(wa, wb)) return false;
      if (Math.abs(a.left + a.right - b.left - b.right) / 2 > (1 - STACK_WIDTH) * Math.max(wa, wb)) return false;
      const gap = Math.max(a.top, b.top) - Math.min(a.bottom, b.bottom);
      return Math.abs(gap) <= STACK_GAP * Math.min(a.bottom - a.top, b.bottom - b.top);
    }),
  );
}

/**
 * Whether the page reads as a drawing: its lines are mostly sizes (a few characters with a
 * digit), and they cover little of it. In a drawing's narrow lettering the detector can miss
 * every vertical size, leaving neither a vertical line nor a glyph stack to show for them.
 */
export function readsAsDrawing(lines: readonly ReadLine[], area: PixelRect): boolean {
  const sizes = lines.filter((line) => line.characters <= SIZE_CHARACTERS && /\p{Nd}/u.test(line.text)).length;
  const covered = lines.reduce((sum, { box }) => {
    const { width, height } = quadSize(box);
    return sum + width * height;
  }, 0);
  const inked = (area.right - area.left) * (area.bottom - area.top);
  return sizes > 0 && sizes >= SIZE_SHARE * lines.length && covered < SPARSE_TEXT * inked;
}

/** Whether `box` holds a glyph or two rather than a line: it is not much longer than high. */
export function holdsGlyphs(box: Quad): boolean {
  const { width, height } = quadSize(box);
  return width < LINE_LENGTH * height;
}

/**
 * Whether `box` holds a glyph or two at a slant, about as long as high: the rectangle the detector
 * fits round a lone glyph's ink can lie at any angle (a contents page's `4` boxed at 45° read `x`,
 * its `1` read as nothing), where the glyph stands upright.
 */
export function slantedGlyphs(box: Quad): boolean {
  const { width, height } = quadSize(box);
  return width < LINE_LENGTH * height && height < LINE_LENGTH * width && Math.abs(skewOf(readingAngle(box))) > NEAR_AXIS_ANGLE;
}

/** The box of a box read up or down the page, read across it, left to right. */
export function acrossQuad([a, b, c, d]: Quad): Quad {
  const fromLeft: Quad = [d, a, b, c];
  return fromLeft[1][0] > fromLeft[0][0] ? fromLeft : [b, c, d, a];
}

/** Whether `box` is read up or down the page. */
export function readsUpOrDown(box: Quad): boolean {
  return Math.abs(Math.cos(readingAngle(box))) < NEAR_AXIS;
}

/**
 * What a reading down the page along `box` is discounted, in confidence, against one up it.
 * Drawings letter vertical sizes to read upwards (ISO 129, GB/T 4458.4), and digits read either
 * way can be as sure both ways: `90` turned round reads `06`, 0.996 against 0.994.
 */
export function downwardDoubt(box: Quad): number {
  return readsUpOrDown(box) && Math.sin(readingAngle(box)) > 0 ? DOWNWARD_DOUBT : 0;
}

/** `area` of a page turned a quarter clockwise, so that text reading up the page reads across it. */
export interface SidewaysView {
  turned: PageImage;
  /** A point of `turned` as a point of the page. */
  toPage(point: Point): Point;
}

/**
 * The view of `area` turned sideways, shrunk to the side a large area is detected at anyway: an
 * A0 sheet's turned copy at full size would be another 190 MB.
 */
export async function sidewaysView(page: PageImage, area: PixelRect): Promise<SidewaysView> {
  const width = area.right - area.left, height = area.bottom - area.top;
  const scale = Math.min(1, LARGE_DETECTION_SIDE / Math.max(width, height));
  let image = sharp(page.data, { raw: { width: page.width, height: page.height, channels: 3 } }).extract({ left: area.left, top: area.top, width, height });
  if (scale < 1) image = image.resize(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)), { fit: 'fill' });
  const { data, info } = await image.rotate(90).raw().toBuffer({ resolveWithObject: true });
  const sx = height / info.width, sy = width / info.height;
  return {
    turned: { width: info.width, height: info.height, channels: 3, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) },
    toPage: ([u, v]) => [area.left + v * sy, area.bottom - u * sx],
  };
}

/** Finds text boxes in the inked `area` of `page`. */
export type Detect = (page: PageImage, area: PixelRect) => Promise<Quad[]>;

/**
 * Boxes of the lines that run up or down the inked `area` of the page, found on it turned
 * sideways. Their corners run as read for text that reads upwards: one that reads downwards is
 * read upside down, for the direction classifier. The whole area is looked at, not only around
 * what the upright pass found there: it misses short vertical numbers altogether.
 */
export async function findSidewaysLines(detect: Detect, page: PageImage, area: PixelRect): Promise<Quad[]> {
  const { turned, toPage } = await sidewaysView(page, area);
  const found = await detect(turned, { left: 0, top: 0, right: turned.width, bottom: turned.height });
  return found
    .filter((box) => {
      const { width, height } = quadSize(box);
      return Math.abs(Math.sin(readingAngle(box))) < NEAR_AXIS && width >= SIDEWAYS_LENGTH * height;
    })
    .map((box) => box.map(toPage) as Quad);
}

/** Whether `upright` is one character read surely, of a kind the glyph-box reading `sideways` has none of. */
function sureLoneGlyph(upright: readonly ReadLine[], sideways: readonly ReadLine[]): boolean {
  const [only] = upright;
  if (upright.length !== 1 || only!.characters !== 1 || only!.confidence < SURE_UPRIGHT) return false;
  const kind = KINDS.find((pattern) => pattern.test(only!.text));
  return kind !== undefined && sideways.every((line) => holdsGlyphs(line.box) && !kind.test(line.text));
}

/**
 * A row of short numbers each set up the page, side by side (a schematic's pin numbers along a
 * chip's edge, `56` to `49`, boxed upright as one line and read across `66 5 54 3 52 555` at 0.75),
 * reads each of them sideways at least this surely, with two characters or more, where the
 * upright lines all read under UNSURE_UPRIGHT.
 */
const SURE_TURNED = 0.99;
const UNSURE_UPRIGHT = 0.8;

/**
 * Whether the sideways reading is glyph boxes side by side across the page: text up or down the
 * page cut into glyphs stacks them, so these are upright glyphs read on their side (an upright
 * `28` read sideways as `2` and `00`); not a row of numbers set up the page (see SURE_TURNED).
 */
function glyphsSideBySide(upright: readonly ReadLine[], sideways: readonly ReadLine[]): boolean {
  if (sideways.length < 2 || !sideways.every((line) => holdsGlyphs(line.box))) return false;
  const turnedRow = upright.every((line) => line.confidence < UNSURE_UPRIGHT) && sideways.every((line) => line.characters >= 2 && line.confidence >= SURE_TURNED);
  if (turnedRow) return false;
  const bounds = sideways.map(({ box }) => quadBounds(box));
  const xs = bounds.map((b) => (b.left + b.right) / 2), ys = bounds.map((b) => (b.top + b.bottom) / 2);
  return Math.max(...xs) - Math.min(...xs) > Math.max(...ys) - Math.min(...ys);
}

/**
 * Where a line of digits read up or down the page is a table's column of one-glyph cells read
 * down it, the middles of the rows it crosses; undefined where it is not. Such a column has
 * upright lines in rows along it on both sides, as a table's rows do (`0005` down a column of
 * counts), or on one side a row for each of its cells (`4 2 6 3` beside an empty column); a
 * drawing's vertical size stands among strokes, not between rows of text.
 */
function cellRows(line: ReadLine, upright: readonly ReadLine[]): number[] | undefined {
  if (!/^\d+( \d+)*$/u.test(line.text)) return undefined;
  const stack = quadBounds(line.box);
  // A glyph box read on its side (a page number `38`) is no column.
  if (stack.bottom - stack.top < CELL_COLUMN * (stack.right - stack.left)) return undefined;
  const reach = CELL_REACH * (stack.right - stack.left);
  const rowsBeside = (side: -1 | 1): number[] => {
    const beside = upright
      .flatMap(({ box }) => {
        if (readsUpOrDown(box)) return [];
        const { left, right, top, bottom } = quadBounds(box);
        // A table's cells, not prose: an arXiv stamp's `12` up the margin stands beside lines of text.
        if (right - left > CELL_LENGTH * (bottom - top)) return [];
        const y = (top + bottom) / 2;
        const near = side < 0 ? right <= stack.right && right > stack.left - reach : left >= stack.left && left < stack.right + reach;
        return near && y > stack.top && y < stack.bottom ? [{ y, height: bottom - top }] : [];
      })
      .sort((a, b) => a.y - b.y);
    const rows: number[] = [];
    for (const { y, height } of beside) {
      if (rows.length === 0 || y - rows.at(-1)! > height / 2) rows.push(y);
    }
    return rows;
  };
  const left = rowsBeside(-1), right = rowsBeside(1);
  const rows = left.length >= right.length ? left : right;
  // A row for each cell it reads: its numbers where it reads spaces (`41 0 20 0 3`), else each
  // digit (`0005`, and `9 0 0 00 100000000`, spaced between some cells only). A drawing's vertical
  // sizes side by side, cut into glyph pieces upright, stand beside fewer rows than they hold
  // glyphs (`9.30` beside `3.` over `9`).
  const fits = (count: number) => rows.length >= Math.max(CELL_ROWS, count - 1) && rows.length <= count + 1;
  const cells = [...(line.text.includes(' ') ? [line.text.split(' ').length] : []), line.characters].find(fits);
  if (cells === undefined) return undefined;
  // Beside an empty column, or the table's edge, rows on one side do where each holds one of its cells.
  return (left.length >= CELL_ROWS && right.length >= CELL_ROWS) || rows.length === cells ? rows : undefined;
}

/**
 * Upright boxes, one to a row, for each line the detector found up or down a table's column of
 * one-glyph cells (see `cellRows`): it joins a column's `4`, `0` and `0` in consecutive rows into
 * one tall box, read `4 0 0` down the page, which also cut the table's rows apart in the reading
 * order. Each box runs across the line's width, from midway to the row above to midway to the
 * row below. The lines split are given as `split`.
 */
export function splitCellColumns(lines: readonly ReadLine[]): { split: Set<ReadLine>; boxes: Quad[] } {
  const split = new Set<ReadLine>();
  const boxes: Quad[] = [];
  for (const line of lines) {
    if (!readsUpOrDown(line.box)) continue;
    const rows = cellRows(line, lines);
    if (!rows) continue;
    split.add(line);
    const { left, right, top, bottom } = quadBounds(line.box);
    rows.forEach((y, i) => {
      const from = i === 0 ? top : (rows[i - 1]! + y) / 2;
      const to = i === rows.length - 1 ? bottom : (y + rows[i + 1]!) / 2;
      boxes.push([[left, from], [right, from], [right, to], [left, to]]);
    });
  }
  return { split, boxes };
}

/**
 * The page's reading with its lines that run up or down read again as found sideways: each place
 * keeps the reading that holds clearly more.
 */
export function mergeSidewaysReading(upright: readonly ReadLine[], sideways: readonly ReadLine[]): ReadLine[] {
  const sure = sideways.filter(
    (line) => line.confidence >= (line.characters === 1 ? SIDEWAYS_GLYPH_CONFIDENCE : SIDEWAYS_CONFIDENCE) && !cellRows(line, upright),
  );
  return mergeReadings(upright, sure, {
    secondWins: (uprightLines, sidewaysLines) =>
      surelyRead(sidewaysLines) >
        (sidewaysLines.every((line) => line.characters >= LONG_LINE_CHARACTERS) ? LONG_LINE_MARGIN : SIDEWAYS_MARGIN) * surelyRead(uprightLines) &&
      !sureLoneGlyph(uprightLines, sidewaysLines) &&
      !glyphsSideBySide(uprightLines, sidewaysLines),
    keepAlone: (line) => (line.text.match(/[\p{L}\p{Nd}]/gu)?.length ?? 0) >= SIDEWAYS_ALONE_CHARACTERS,
  });
}
