import type { PageImage, Quad } from '@ocr/contracts';
import { quadBounds } from './geometry.ts';
import type { PixelRect } from './ink-bounds.ts';

/**
 * A pixel is coloured ink when its channels differ by `COLOUR_CHROMA`, its brightest channel is
 * at least `COLOUR_BRIGHTEST` and its darkest at most `COLOUR_DARKEST`: a red or blue seal, a
 * highlighter, coloured print. Black and grey print, the colour fringes a scanner leaves on black
 * strokes (dark in every channel) and yellowed or tinted paper (light in every channel) are not.
 */
const COLOUR_CHROMA = 64;
const COLOUR_BRIGHTEST = 128;
const COLOUR_DARKEST = 150;
/** Fewer coloured pixels on a page than this (a speck, a thin coloured rule) are not worth a second reading. */
const MIN_PAGE_COLOUR = 200;
/** A text box with this many coloured pixels has coloured ink on or beside its text. */
const MIN_BOX_COLOUR = 20;
/** Rows kept above and below the coloured ink, so lines that cross its edge are detected whole. */
const BAND_MARGIN = 64;
/**
 * How far each pixel is lightened by its colourfulness: at 0.5 seal red goes to white and seal
 * blue to within a few levels of it, while black print under the ink stays dark. On seals over
 * rendered and scanned pages 0.5 read better than 0 (the brightest channel alone) and 1.
 */
const LIFT = 0.5;

function isColour(r: number, g: number, b: number): boolean {
  const brightest = Math.max(r, g, b);
  const darkest = Math.min(r, g, b);
  return brightest >= COLOUR_BRIGHTEST && darkest <= COLOUR_DARKEST && brightest - darkest >= COLOUR_CHROMA;
}

/** Where coloured ink lies on a page, found by `findColourInk`. */
export interface ColourInk {
  /** The rows that hold it (with a margin), across the inked area. */
  band: PixelRect;
  /** Whether a text box holds coloured ink. */
  touches(box: Quad): boolean;
}

/** Coloured ink within the inked `area`, or undefined where there is too little to matter. */
export function findColourInk(page: PageImage, area: PixelRect): ColourInk | undefined {
  const { width, data } = page;
  let total = 0;
  let top = -1;
  let bottom = -1;
  for (let y = area.top; y < area.bottom; y++) {
    let row = 0;
    for (let x = area.left, i = (y * width + x) * 3; x < area.right; x++, i += 3) {
      if (isColour(data[i]!, data[i + 1]!, data[i + 2]!)) row++;
    }
    if (row === 0) continue;
    total += row;
    if (top < 0) top = y;
    bottom = y + 1;
  }
  if (total < MIN_PAGE_COLOUR) return undefined;
  return {
    band: {
      left: area.left,
      right: area.right,
      top: Math.max(area.top, top - BAND_MARGIN),
      bottom: Math.min(area.bottom, bottom + BAND_MARGIN),
    },
    touches: (box) => colourPixelsIn(page, box, MIN_BOX_COLOUR) >= MIN_BOX_COLOUR,
  };
}

/** Coloured pixels inside the box's bounding rectangle, counted up to `enough`. */
function colourPixelsIn(page: PageImage, box: Quad, enough: number): number {
  const { width, height, data } = page;
  const bounds = quadBounds(box);
  const left = Math.max(0, Math.floor(bounds.left));
  const right = Math.min(width, Math.ceil(bounds.right));
  const top = Math.max(0, Math.floor(bounds.top));
  const bottom = Math.min(height, Math.ceil(bounds.bottom));
  let count = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = left, i = (y * width + x) * 3; x < right; x++, i += 3) {
      if (isColour(data[i]!, data[i + 1]!, data[i + 2]!) && ++count >= enough) return count;
    }
  }
  return count;
}

/**
 * The page with its coloured ink lifted towards white, as grey, within `part` (the rest as it
 * is): each pixel's brightest channel, raised by how colourful it is. Black and grey print keep
 * their darkness, so text under a seal or a highlighter reads as if the colour were not there.
 */
export function liftColourInk(page: PageImage, part: PixelRect): PageImage {
  const { width, data } = page;
  const lifted = Buffer.from(data);
  for (let y = part.top; y < part.bottom; y++) {
    for (let x = part.left, i = (y * width + x) * 3; x < part.right; x++, i += 3) {
      const r = data[i]!;
      const g = data[i + 1]!;
      const b = data[i + 2]!;
      const brightest = Math.max(r, g, b);
      const value = Math.min(255, Math.round(brightest + LIFT * (brightest - Math.min(r, g, b))));
      lifted[i] = value;
      lifted[i + 1] = value;
      lifted[i + 2] = value;
    }
  }
  return { width: page.width, height: page.height, channels: 3, data: lifted };
}
