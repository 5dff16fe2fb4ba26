import type { PageImage, Point, Quad } from '@ocr/contracts';
import { quadSize } from './geometry.ts';

/** Quarter turns clockwise a page was scanned at: 1 = its text runs top to bottom. */
export type QuarterTurns = 0 | 1 | 2 | 3;

/** A box as read: its corners from the top-left of its text, and how much text it holds. */
export interface BoxReading {
  box: Quad;
  weight: number;
}

const QUARTER = Math.PI / 2;

/** A box's reading direction, radians clockwise from the page's x axis (y points down). */
export function readingAngle([tl, tr]: Quad): number {
  return Math.atan2(tr[1] - tl[1], tr[0] - tl[0]);
}

/** A reading angle less the quarter turn nearest it: how far a line runs off level, within ±45°. */
export function skewOf(angle: number): number {
  return angle - QUARTER * Math.round(angle / QUARTER);
}

/** A box this many times as long as high shows its direction; a word or two is about square. */
const DIRECTED = 2;
/**
 * Such boxes turn a page alone only where they weigh at least this share of all boxes: one piece
 * of a line cut off at a web image's edge, read upside down, had an isometric drawing's eleven
 * sizes turned over and lost. Keeping a page as it came needs no such weight: a short contents
 * page's one heading outvotes its column of page numbers.
 */
const DIRECTED_SHARE = 0.25;
/**
 * A half turn takes at least this much text read upside down, in line heights, among those boxes:
 * the classifier cannot tell a short size's way up (`10`, `30`, `18`), and three web drawings of
 * such sizes, one box of which it took for upside down, were turned over and read `96`, `81 t9`, `0S`.
 */
const UPSIDE_DOWN_TEXT = 4;
/**
 * Where the boxes across the page and those along it (see `showsAxis`) each weigh at least this
 * share of the other, weight cannot tell which run level: an upright drawing's vertical sizes
 * (`D2=93`, `D3=24`, `D4=63` beside `D1=99` and short level ones) outweighed its level ones and
 * turned it sideways, and the same drawing scanned a quarter turn round was read as it came...
 */
const CROSSED_SHARE = 0.2;
/** Each axis's way must weigh this many times the other way's: two sizes read as surely down as up tell nothing. */
const CROSSED_CLEAR = 2;
/** A level box at least this many times as long as high shows its axis (two glyphs: a size's `28`), if not its direction... */
const LEVEL_AXIS = 1.25;
/** ...and boxes more than this (radians: 20°) off an axis are on neither: a diameter's size along its leader at 52°. */
const CROSSED_SKEW = Math.PI / 9;
/** Lines within this (radians: 5°) of the page's skew run with it... */
const WITH_SKEW = (5 * Math.PI) / 180;
/**
 * ...and at least this share of them, by length, must: a chart's names set at 45° beside its
 * level legend (0.71 of them) are no page askew; a page photographed at 30°, whose lines the
 * detector cut into pieces at scattered angles, is (0.87).
 */
const SKEW_AGREEMENT = 0.8;

/**
 * The skew the page's lines share (see `skewOf`): the median of those long enough to show it,
 * where most of them by length (SKEW_AGREEMENT) run within WITH_SKEW of it; else 0, as for fewer
 * than three such lines.
 */
export function pageSkew(boxes: readonly Quad[]): number {
  const lines = boxes
    .filter(isDirected)
    .map((box) => ({ skew: skewOf(readingAngle(box)), weight: turnWeight(box) }))
    .sort((a, b) => a.skew - b.skew);
  if (lines.length < 3) return 0;
  const { skew } = lines[lines.length >> 1]!;
  const total = lines.reduce((sum, line) => sum + line.weight, 0);
  const agreeing = lines.filter((line) => Math.abs(line.skew - skew) <= WITH_SKEW).reduce((sum, line) => sum + line.weight, 0);
  return agreeing >= SKEW_AGREEMENT * total ? skew : 0;
}

/**
 * How much a box counts in the page's turn: its length in line heights, so a long line outweighs
 * a dimension. Not its characters: a label of narrow Latin letters would outvote the Chinese
 * lines of the same length around it.
 */
export function turnWeight(box: Quad): number {
  const { width, height } = quadSize(box);
  return Math.max(1, width / Math.max(1, height));
}

/**
 * The quarter turn most of a page's text reads in: non-zero for a page scanned sideways or upside
 * down; a drawing's few vertical dimensions do not move it (where text runs both along and across
 * the page, the way it reads may tell more: see `crossedTurn`). Where any box is long enough to show
 * its direction (DIRECTED), only those count: a lone glyph's box stands taller than wide and
 * reads down the page, and a contents page's column of page numbers (19 such boxes beside
 * `1 Foo`, `2 Bar`) had the page turned sideways and read as garbage. Where they would turn the
 * page but weigh too little to (DIRECTED_SHARE), every box counts; a half turn needs some text read
 * upside down (UPSIDE_DOWN_TEXT).
 */
export function pageTurn(readings: readonly BoxReading[]): QuarterTurns {
  const directed = directedOf(readings);
  const weighs = (some: readonly BoxReading[]) => some.reduce((sum, { weight }) => sum + weight, 0);
  const directedTurn = directed.length === 0 ? 0 : mostWeighed(directed);
  const turn = directed.length > 0 && (directedTurn === 0 || weighs(directed) >= DIRECTED_SHARE * weighs(readings)) ? directedTurn : mostWeighed(readings);
  return turn === 2 && weighs(directed.filter(({ box }) => quarterOf(box) === 2)) < UPSIDE_DOWN_TEXT ? 0 : turn;
}

/** Whether a box is long enough to show its direction (DIRECTED). */
function isDirected(box: Quad): boolean {
  const { width, height } = quadSize(box);
  return width >= DIRECTED * height;
}

function directedOf(readings: readonly BoxReading[]): BoxReading[] {
  return readings.filter(({ box }) => isDirected(box));
}

/**
 * Whether a box shows which axis of the page it runs along: a directed one, or a level one of two
 * glyphs or more (LEVEL_AXIS; a lone glyph stands taller than wide), within CROSSED_SKEW of it.
 */
export function showsAxis(box: Quad): boolean {
  const { width, height } = quadSize(box);
  const level = quarterOf(box) % 2 === 0;
  return width >= (level ? LEVEL_AXIS : DIRECTED) * height && Math.abs(skewOf(readingAngle(box))) <= CROSSED_SKEW;
}

/**
 * Whether text runs both along the page and across it (see `showsAxis`), neither way weighing
 * less than CROSSED_SHARE of the other: then the way each reads tells the page's turn (see
 * `crossedTurn`), not their weight, and so the ways must be sure.
 */
export function crossedAxes(readings: readonly BoxReading[]): boolean {
  let along = 0;
  let across = 0;
  for (const { box, weight } of readings) {
    if (!showsAxis(box)) continue;
    if (quarterOf(box) % 2 === 0) along += weight;
    else across += weight;
  }
  return along > 0 && across > 0 && Math.min(along, across) >= CROSSED_SHARE * Math.max(along, across);
}

/**
 * The page's turn from the way text reads along each axis, where text runs both along and across
 * it (see `crossedAxes`): text set across a page mostly reads up it (a drawing's vertical sizes, a
 * table's turned heads), so level text read upright beside text read upwards is an upright page;
 * level text read upside down is a page scanned upside down beside text read downwards, and a
 * quarter turn anticlockwise beside text read upwards (its level text now reads up the page, its
 * vertical sizes upside down). Undefined where the axes do not cross, either reads both ways about
 * alike (CROSSED_CLEAR), or level text reads upright beside text read downwards: an upright page
 * may set text down it (Espressif's crystal schematics' `40MHz(±10ppm)` and `GND`s), as well as
 * be a drawing scanned a quarter turn clockwise, and weight tells those apart better.
 */
export function crossedTurn(readings: readonly BoxReading[]): QuarterTurns | undefined {
  if (!crossedAxes(readings)) return undefined;
  const weight = [0, 0, 0, 0];
  for (const { box, weight: w } of readings) if (showsAxis(box)) weight[quarterOf(box)]! += w;
  const [right, down, over, up] = weight as [number, number, number, number];
  const clear = (a: number, b: number) => Math.max(a, b) >= CROSSED_CLEAR * Math.min(a, b);
  if (!clear(right, over) || !clear(up, down)) return undefined;
  if (right > over) return up > down ? 0 : undefined;
  return up > down ? 3 : 2;
}

/** The quarter turn a box reads in. */
function quarterOf(box: Quad): QuarterTurns {
  return (((Math.round(readingAngle(box) / QUARTER) % 4) + 4) % 4) as QuarterTurns;
}

/** The quarter turn the readings weigh most in. */
function mostWeighed(readings: readonly BoxReading[]): QuarterTurns {
  const weight = [0, 0, 0, 0];
  for (const { box, weight: w } of readings) weight[quarterOf(box)]! += w;
  return weight.indexOf(Math.max(...weight)) as QuarterTurns;
}

/**
 * Where a point of the page as scanned (continuous pixel coordinates) lies on the page turned
 * upright by `turnPageUpright`; `width` and `height` are the scanned page's.
 */
export function turnPointUpright([x, y]: Point, width: number, height: number, turns: QuarterTurns): Point {
  if (turns === 1) return [y, width - x];
  if (turns === 2) return [width - x, height - y];
  if (turns === 3) return [height - y, x];
  return [x, y];
}

/** The page turned upright: a page scanned `turns` quarter turns clockwise, turned back. */
export function turnPageUpright(page: PageImage, turns: QuarterTurns): PageImage {
  if (turns === 0) return page;
  const { width: w, height: h, data } = page;
  const [width, height] = turns === 2 ? [w, h] : [h, w];
  const out = new Uint8Array(data.length);
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      // The scanned pixel that lands at (u, v) of the upright page.
      const [x, y] = turns === 1 ? [w - 1 - v, u] : turns === 2 ? [w - 1 - u, h - 1 - v] : [v, h - 1 - u];
      const from = (y * w + x) * 3;
      const to = (v * width + u) * 3;
      out[to] = data[from]!;
      out[to + 1] = data[from + 1]!;
      out[to + 2] = data[from + 2]!;
    }
  }
  return { width, height, channels: 3, data: out };
}
