import type { PageImage, Point } from '@ocr/contracts';
import { isInkAt } from './ink-bounds.ts';

/**
 * Paper added around a page whose print runs to its edge (a label cropped tight to its ink): the
 * detector, trained on lines with paper around them, finds nothing in a one-line crop without it.
 * `727` or `M8x1.25` cut to their ink read as nothing at 16–40 px; given 2 px of paper, read right.
 */
export const PAPER_MARGIN = 16;
/**
 * Only strips this high or narrow (a line or three of print) are given paper: photographs, and
 * screenshots on dark backgrounds, run to their edges too, and read worse on a white frame.
 */
const MAX_STRIP = 160;
/** Print this close to an edge runs to it: a crop cut tight keeps a pixel or three of paper. */
const EDGE = 4;

/** Whether the page is a strip (see MAX_STRIP) with ink within EDGE pixels of any of its edges. */
export function isTightCrop(page: PageImage): boolean {
  const { width, height } = page;
  if (Math.min(width, height) > MAX_STRIP) return false;
  const inked = (x: number, y: number) => isInkAt(page, x, y);
  const band = Math.min(EDGE, width, height);
  for (let d = 0; d < band; d++) {
    for (let x = 0; x < width; x++) if (inked(x, d) || inked(x, height - 1 - d)) return true;
    for (let y = 0; y < height; y++) if (inked(d, y) || inked(width - 1 - d, y)) return true;
  }
  return false;
}

/** The page on white paper `margin` pixels wide all round. */
export function withPaperMargin(page: PageImage, margin: number): PageImage {
  const width = page.width + 2 * margin, height = page.height + 2 * margin;
  const data = new Uint8Array(width * height * 3).fill(255);
  for (let y = 0; y < page.height; y++) data.set(page.data.subarray(y * page.width * 3, (y + 1) * page.width * 3), ((y + margin) * width + margin) * 3);
  return { width, height, channels: 3, data };
}

/** A point on a page given a margin (and turned, or not, as a whole) put back on the page without it. */
export function offPaperMargin([x, y]: Point, margin: number, withMargin: { width: number; height: number }): Point {
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));
  return [clamp(x - margin, withMargin.width - 2 * margin), clamp(y - margin, withMargin.height - 2 * margin)];
}
