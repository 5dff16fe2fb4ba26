import type { PageImage } from '@ocr/contracts';

/** A rectangle of page pixels: left/top inclusive, right/bottom exclusive. */
export interface PixelRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Darker than this (mean of R, G, B) counts as ink; light grey print still does. */
export const INK_LEVEL = 200;
/** Whether the pixel (x, y) of `page` is darker than `level` (mean of R, G, B). */
export function isInkAt(page: PageImage, x: number, y: number, level = INK_LEVEL): boolean {
  const i = (y * page.width + x) * 3;
  return page.data[i]! + page.data[i + 1]! + page.data[i + 2]! < 3 * level;
}

/** A row or column needs this many ink pixels, so isolated scanner noise does not count. */
const MIN_INK = 3;
/** Paper kept around the ink, so the detector sees each line's surroundings. */
const MARGIN = 32;

/**
 * The part of the page that holds ink, with a margin; undefined for a blank page. Detection runs
 * on this part only: page margins are most of an A4 page's pixels and cost detector time.
 */
export function inkBounds(page: PageImage): PixelRect | undefined {
  const { width, height, data } = page;
  const rows = new Int32Array(height);
  const columns = new Int32Array(width);
  const level = INK_LEVEL * 3;
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i += 3) {
      if (data[i]! + data[i + 1]! + data[i + 2]! < level) {
        rows[y]!++;
        columns[x]!++;
      }
    }
  }
  const first = (counts: Int32Array) => counts.findIndex((n) => n >= MIN_INK);
  const last = (counts: Int32Array) => counts.findLastIndex((n) => n >= MIN_INK);
  const top = first(rows);
  if (top < 0) return undefined;
  return {
    left: Math.max(0, first(columns) - MARGIN),
    top: Math.max(0, top - MARGIN),
    right: Math.min(width, last(columns) + 1 + MARGIN),
    bottom: Math.min(height, last(rows) + 1 + MARGIN),
  };
}
