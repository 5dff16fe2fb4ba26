import type { PageImage, Quad } from '@ocr/contracts';
import { boundsQuad, quadBounds } from './geometry.ts';
import { isInkAt } from './ink-bounds.ts';
import { componentsIn } from './ink-components.ts';
import type { ReadLine } from './readings.ts';
import { readsUpOrDown } from './sideways-text.ts';

/**
 * A table's dash alone in its cell can come out of the detector in a box taller than wide, which
 * is read top to bottom: the bar, turned upright, reads as a stroke, `1` (three of the `-` in
 * CASIC's AID-HUI table's scale column, scanned). Text turned so would have its `1` lying across
 * a box wider than tall; a bar lying across a box read downwards is a dash.
 */

/** A single stroke as read. */
const STROKE = /^[1lI|]$/;
/** The bar lies across: this many times as wide as thick at least. */
const LYING = 2;
/** Specks of fewer pixels are a scan's noise. */
const SPECK_PIXELS = 3;

/** Where the box's ink is one bar lying across, that bar's bounds. */
function lyingBar(page: PageImage, box: Quad): { left: number; top: number; right: number; bottom: number } | undefined {
  const b = quadBounds(box);
  const window = {
    left: Math.max(0, Math.floor(b.left)),
    top: Math.max(0, Math.floor(b.top)),
    right: Math.min(page.width, Math.ceil(b.right)),
    bottom: Math.min(page.height, Math.ceil(b.bottom)),
  };
  const w = window.right - window.left;
  const h = window.bottom - window.top;
  if (w <= 0 || h <= 0) return undefined;
  const ink = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      ink[y * w + x] = isInkAt(page, window.left + x, window.top + y) ? 1 : 0;
    }
  }
  const shapes = componentsIn(ink, window, window).filter((shape) => shape.pixels >= SPECK_PIXELS);
  if (shapes.length !== 1) return undefined;
  const [bar] = shapes as [(typeof shapes)[number]];
  return bar.right - bar.left >= LYING * (bar.bottom - bar.top) ? bar : undefined;
}

/** Lines read downwards as a stroke over a bar lying across read as a dash, boxed upright. */
export function sidewaysDashes(page: PageImage, lines: readonly ReadLine[]): ReadLine[] {
  return lines.map((line) => {
    if (!STROKE.test(line.text) || !readsUpOrDown(line.box)) return line;
    const bar = lyingBar(page, line.box);
    if (!bar) return line;
    return { ...line, text: '-', box: boundsQuad(quadBounds(line.box)) };
  });
}
