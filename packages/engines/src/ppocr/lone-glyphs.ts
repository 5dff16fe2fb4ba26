import type { PageImage, Quad } from '@ocr/contracts';
import { quadBounds, quadSize, type Bounds } from './geometry.ts';
import { INK_LEVEL, isInkAt } from './ink-bounds.ts';
import { componentsIn, type Component } from './ink-components.ts';
import type { ReadLine } from './readings.ts';

/**
 * A glyph or two standing alone in a wide blank, a table's one-digit cell above all, is what the
 * detector misses most: a scanned pin table's pin numbers (`4` under BL616 boxed, the same `4`
 * under BL618 beside it not; the function number `7` centred in a cell eight rows high), at a
 * probability of 0 where it found nothing. Such glyphs are found in the ink the lines read leave
 * unboxed, and read; what reads surely as a number is kept.
 */

/**
 * Pages of up to this many pixels are looked at: the ink takes a byte a pixel, and is followed
 * through once (an A1 sheet at 200 dpi, 31 M pixels: 0.25 s on this machine).
 */
const MAX_PIXELS = 40_000_000;
/**
 * A page with more of its pixels ink than this (a negative, a photograph) has no blank for a glyph
 * to stand alone in, and its ink in one shape would take a stack as large to follow.
 */
const MAX_INK_SHARE = 0.3;
/** A page needs this many lines read to measure its print by. */
const MIN_LINES = 8;
/** A glyph's ink is this many of the page's median line-box heights high, at least and at most. */
const GLYPH_HEIGHT = [0.25, 1] as const;
/** A glyph is at most this many of its heights wide (a circle's ring, a drawn box, is as wide as high) and at least this many (a tick, a rule's stub). */
const GLYPH_WIDTH = [0.2, 0.85] as const;
/** Share of a glyph's box that its ink covers, at least and at most: a solid blob is no glyph. */
const GLYPH_FILL = [0.12, 0.75] as const;
/** Glyphs of one number stand this many of their heights apart at most, and overlap this share of the lower's height. */
const GLYPH_GAP = 0.6;
const SAME_ROW = 0.6;
/** A number of this many glyphs at most: longer ones the detector finds. */
const MAX_GLYPHS = 4;
/** Clear of other ink and of every line read by this many of the glyphs' heights all round. */
const CLEARANCE = 0.4;
/** Ink pixels of other marks the clearance may hold (a scan's specks). */
const STRAY_PIXELS = 3;
/**
 * A glyph's darkest pixel is this much darker than the blank around it at least (of 255): print
 * on paper stands 130–175 below it, where the circles of a header's dotted tint, the darker part
 * barely under INK_LEVEL, stand 35–60 below their ground (a `4` read in one, surely).
 */
const MIN_CONTRAST = 80;
/** Glyphs this few pixels high are specks whatever the page. */
const MIN_GLYPH_PIXELS = 6;
/** What a box found so is kept as: a number read surely. */
export const LONE_NUMBER = /^\d{1,4}$/;
export const LONE_NUMBER_CONFIDENCE = 0.9;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

function intersects(a: Bounds, b: Bounds): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function grown(b: Bounds, by: number): Bounds {
  return { left: b.left - by, top: b.top - by, right: b.right + by, bottom: b.bottom + by };
}

/** The page's ink (darker than INK_LEVEL), one byte a pixel, and how many pixels it takes. */
function inkOf(page: PageImage): { ink: Uint8Array; pixels: number } {
  const { width, height, data } = page;
  const ink = new Uint8Array(width * height);
  const level = INK_LEVEL * 3;
  let pixels = 0;
  for (let p = 0, i = 0; p < width * height; p++, i += 3) {
    if (data[i]! + data[i + 1]! + data[i + 2]! < level) {
      ink[p] = 1;
      pixels++;
    }
  }
  return { ink, pixels };
}

/**
 * Whether the ring `by` pixels around `b` holds more than STRAY_PIXELS of ink: outside the glyphs'
 * bounds, any ink there is another mark's.
 */
function crowded(page: PageImage, b: Bounds, by: number): boolean {
  const { width, height } = page;
  const outer = grown(b, by);
  let stray = 0;
  for (let y = Math.max(0, Math.floor(outer.top)); y < Math.min(height, Math.ceil(outer.bottom)); y++) {
    for (let x = Math.max(0, Math.floor(outer.left)); x < Math.min(width, Math.ceil(outer.right)); x++) {
      if (x >= b.left && x < b.right && y >= b.top && y < b.bottom) continue;
      if (isInkAt(page, x, y) && ++stray > STRAY_PIXELS) return true;
    }
  }
  return false;
}

/** A frame around a number stands within this many of its heights of it on every side... */
const FRAME_REACH = 1;
/** ...found along this many rows or columns through the number's middle, of those looked along... */
const FRAME_HITS = 0.75;
/** ...each side inked along this share of it from corner to corner. */
const FRAME_SIDE = 0.8;

/**
 * The inside of the frame `b` stands alone in (a schematic's pin box, a tight table cell), where
 * the ink around it is that frame's: strokes on all four sides within FRAME_REACH of its heights,
 * met along most rows and columns through its middle, running from corner to corner, and nothing
 * else between them and it.
 * Undefined where there is none.
 */
function frameAround(page: PageImage, b: Bounds): Bounds | undefined {
  const { width, height } = page;
  const isInk = (x: number, y: number) => isInkAt(page, x, y);
  const reach = Math.round(FRAME_REACH * (b.bottom - b.top));
  // The nearest ink from the number's edge outwards along each of `lanes`; its median where most lanes meet some.
  const side = (lanes: number[], from: number, step: -1 | 1, inkAt: (lane: number, at: number) => boolean, limit: number): number | undefined => {
    const hits: number[] = [];
    for (const lane of lanes) {
      for (let k = 0, at = from; k <= reach && at >= 0 && at < limit; k++, at += step) {
        if (inkAt(lane, at)) {
          hits.push(at);
          break;
        }
      }
    }
    if (hits.length < FRAME_HITS * lanes.length) return undefined;
    return hits.sort((m, n) => m - n)[hits.length >> 1];
  };
  const span = (from: number, to: number) => {
    const inner = Array.from({ length: Math.max(0, Math.floor(to) - Math.ceil(from)) }, (_, k) => Math.ceil(from) + k);
    // The middle half: a glyph's serifs and a box's corners stay out of it.
    return inner.slice(inner.length >> 2, inner.length - (inner.length >> 2));
  };
  const rows = span(b.top, b.bottom);
  const columns = span(b.left, b.right);
  if (rows.length === 0 || columns.length === 0) return undefined;
  const left = side(rows, Math.floor(b.left) - 1, -1, (y, x) => isInk(x, y), width);
  const right = side(rows, Math.ceil(b.right), 1, (y, x) => isInk(x, y), width);
  const top = side(columns, Math.floor(b.top) - 1, -1, (x, y) => isInk(x, y), height);
  const bottom = side(columns, Math.ceil(b.bottom), 1, (x, y) => isInk(x, y), height);
  if (left === undefined || right === undefined || top === undefined || bottom === undefined) return undefined;
  // Each side a stroke from corner to corner (a tick beside the number is none), a pixel's lean allowed.
  const inked = (from: number, to: number, at: (k: number) => boolean) => {
    let count = 0;
    for (let k = from; k <= to; k++) if (at(k)) count++;
    return count >= FRAME_SIDE * (to - from + 1);
  };
  const near = (x: number, y: number, across: boolean) => (across ? [x - 1, x, x + 1].some((v) => v >= 0 && v < width && isInk(v, y)) : [y - 1, y, y + 1].some((v) => v >= 0 && v < height && isInk(x, v)));
  if (
    !inked(top, bottom, (y) => near(left, y, true)) ||
    !inked(top, bottom, (y) => near(right, y, true)) ||
    !inked(left, right, (x) => near(x, top, false)) ||
    !inked(left, right, (x) => near(x, bottom, false))
  ) {
    return undefined;
  }
  // Between the frame and the number, blank: the frame's strokes may lean a pixel.
  const inside = { left: left + 2, top: top + 2, right: right - 1, bottom: bottom - 1 };
  let stray = 0;
  for (let y = inside.top; y < inside.bottom; y++) {
    for (let x = inside.left; x < inside.right; x++) {
      if (x >= b.left && x < b.right && y >= b.top && y < b.bottom) continue;
      if (isInk(x, y) && ++stray > STRAY_PIXELS) return undefined;
    }
  }
  return { left: left + 1, top: top + 1, right, bottom };
}

/** How much darker the darkest pixel within `b` is than the mean of the ring `by` pixels around it. */
function contrast(page: PageImage, b: Bounds, by: number): number {
  const { width, height, data } = page;
  const outer = grown(b, by);
  let darkest = 255 * 3;
  let ring = 0;
  let count = 0;
  for (let y = Math.max(0, Math.floor(outer.top)); y < Math.min(height, Math.ceil(outer.bottom)); y++) {
    for (let x = Math.max(0, Math.floor(outer.left)); x < Math.min(width, Math.ceil(outer.right)); x++) {
      const i = (y * width + x) * 3;
      const sum = data[i]! + data[i + 1]! + data[i + 2]!;
      if (x >= b.left && x < b.right && y >= b.top && y < b.bottom) darkest = Math.min(darkest, sum);
      else {
        ring += sum;
        count++;
      }
    }
  }
  return count === 0 ? 0 : (ring / count - darkest) / 3;
}

/**
 * Boxes to read for the glyphs standing alone on `page` (of MAX_PIXELS at most) that none of
 * `lines` covers: ink of a glyph's size and shape (see GLYPH_HEIGHT, GLYPH_WIDTH, GLYPH_FILL), a
 * few side by side making one number, clear of all other ink and of the lines read by CLEARANCE,
 * and dark on its blank (MIN_CONTRAST).
 * Each box is padded as the detector pads a line and at least as wide as high: the recogniser
 * drops a lone digit from a box narrower than high.
 */
export function loneGlyphBoxes(page: PageImage, lines: readonly ReadLine[]): Quad[] {
  const upright = lines.filter(({ box }) => {
    const { width, height } = quadSize(box);
    return width >= height;
  });
  if (upright.length < MIN_LINES || page.width * page.height > MAX_PIXELS) return [];
  const lineHeight = median(upright.map(({ box }) => quadSize(box).height));
  const read = lines.map(({ box }) => quadBounds(box));
  const whole = { left: 0, top: 0, right: page.width, bottom: page.height };
  const { ink, pixels } = inkOf(page);
  if (pixels > MAX_INK_SHARE * page.width * page.height) return [];
  const glyphs = componentsIn(ink, whole, whole).filter((glyph) => {
    const w = glyph.right - glyph.left;
    const h = glyph.bottom - glyph.top;
    return (
      h >= Math.max(MIN_GLYPH_PIXELS, GLYPH_HEIGHT[0] * lineHeight) &&
      h <= GLYPH_HEIGHT[1] * lineHeight &&
      w >= GLYPH_WIDTH[0] * h &&
      w <= GLYPH_WIDTH[1] * h &&
      glyph.pixels >= GLYPH_FILL[0] * w * h &&
      glyph.pixels <= GLYPH_FILL[1] * w * h &&
      !read.some((r) => intersects(r, grown(glyph, CLEARANCE * h)))
    );
  });
  glyphs.sort((a, b) => a.left - b.left);
  const used = new Set<Component>();
  const boxes: Quad[] = [];
  for (const first of glyphs) {
    if (used.has(first)) continue;
    const group = [first];
    for (const next of glyphs) {
      const last = group.at(-1)!;
      if (used.has(next) || group.includes(next) || next.left < last.right) continue;
      const h = Math.max(last.bottom - last.top, next.bottom - next.top);
      const overlap = Math.min(last.bottom, next.bottom) - Math.max(last.top, next.top);
      if (next.left - last.right > GLYPH_GAP * h) break;
      if (overlap >= SAME_ROW * Math.min(last.bottom - last.top, next.bottom - next.top)) group.push(next);
    }
    for (const glyph of group) used.add(glyph);
    if (group.length > MAX_GLYPHS) continue;
    const bounds = {
      left: Math.min(...group.map((g) => g.left)),
      top: Math.min(...group.map((g) => g.top)),
      right: Math.max(...group.map((g) => g.right)),
      bottom: Math.max(...group.map((g) => g.bottom)),
    };
    const h = bounds.bottom - bounds.top;
    const isCrowded = crowded(page, bounds, CLEARANCE * h);
    const frame = isCrowded ? frameAround(page, bounds) : undefined;
    if ((isCrowded && frame === undefined) || contrast(page, bounds, CLEARANCE * h) < MIN_CONTRAST) continue;
    const pad = h / 4;
    const grow = Math.max(pad, (h + 2 * pad - (bounds.right - bounds.left)) / 2);
    // A framed number is read inside its frame: its strokes beside the digits read as ones.
    const within = frame ?? { left: 0, top: 0, right: page.width, bottom: page.height };
    const [l, t, r, b] = [
      Math.max(within.left, bounds.left - grow),
      Math.max(within.top, bounds.top - pad),
      Math.min(within.right, bounds.right + grow),
      Math.min(within.bottom, bounds.bottom + pad),
    ];
    boxes.push([[l, t], [r, t], [r, b], [l, b]]);
  }
  return boxes;
}
