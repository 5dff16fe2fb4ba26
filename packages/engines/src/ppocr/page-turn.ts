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
 * down; a drawing's few vertical dimensions do not move it.
 */
export function pageTurn(readings: readonly BoxReading[]): QuarterTurns {
  const weight = [0, 0, 0, 0];
  for (const { box, weight: w } of readings) weight[(((Math.round(readingAngle(box) / QUARTER) % 4) + 4) % 4)]! += w;
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
