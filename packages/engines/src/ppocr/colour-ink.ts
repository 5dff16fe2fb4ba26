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
/** Black print: dark in every channel. Under a seal's ink it turns dark red or blue, still dark. */
const BLACK_BRIGHTEST = 110;
/**
 * Coloured ink is looked for over black print in cells of this many pixels square. A cell holding
 * at least `MIN_CELL_COLOUR` coloured and `MIN_CELL_BLACK` black pixels is where a seal or a
 * highlighter may hide text; coloured print on its own (a red callout, a blue heading) reads as it
 * is, and a page of it is not read twice.
 */
const CELL = 64;
const MIN_CELL_COLOUR = 128;
const MIN_CELL_BLACK = 64;
/** A text box with this many coloured pixels has coloured ink on or beside its text. */
const MIN_BOX_COLOUR = 20;
/** Rows kept above and below the cells, so lines that cross a seal's edge are detected whole. */
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

/**
 * Whether the pixel at byte `i`, column `x`, is coloured ink. Black text drawn with subpixel
 * smoothing (ClearType, in a Windows screenshot) has coloured pixels along its strokes, beside a
 * black one or in warm and cool pairs that are grey together (`219,144,58` then `58,144,219`): a
 * spec table's screenshot held 9,800 of them, and lifted as ink its strokes went white
 * (`Adobe.pdf` read `A dlo b e.p dlf`). A seal's pixels, and a pen's thin line over a drawing, lie
 * beside their own colour or the paper.
 */
function isColourInk(data: Uint8Array, width: number, x: number, i: number): boolean {
  if (!isColour(data[i]!, data[i + 1]!, data[i + 2]!)) return false;
  return !(x > 0 && subpixelPair(data, i, i - 3)) && !(x < width - 1 && subpixelPair(data, i, i + 3));
}

/** Whether coloured pixel `i` is a subpixel-smoothed stroke's edge beside pixel `j` (see `isColourInk`). */
function subpixelPair(data: Uint8Array, i: number, j: number): boolean {
  const r = data[j]!;
  const g = data[j + 1]!;
  const b = data[j + 2]!;
  if (Math.max(r, g, b) < BLACK_BRIGHTEST) return true;
  const sums = [data[i]! + r, data[i + 1]! + g, data[i + 2]! + b];
  return Math.max(...sums) - Math.min(...sums) < COLOUR_CHROMA && (data[i]! - data[i + 2]!) * (r - b) < 0;
}

/** Where coloured ink lies over black print on a page, found by `findColourInk`. */
export interface ColourInk {
  /** Runs of rows that hold it (with a margin), across the inked area, top to bottom. */
  bands: PixelRect[];
  /** Whether a text box holds coloured ink. */
  touches(box: Quad): boolean;
}

/** Coloured ink over black print within the inked `area`, or undefined where there is none. */
export function findColourInk(page: PageImage, area: PixelRect): ColourInk | undefined {
  const { width, data } = page;
  const across = Math.ceil((area.right - area.left) / CELL);
  const down = Math.ceil((area.bottom - area.top) / CELL);
  const colour = new Int32Array(across * down);
  const black = new Int32Array(across * down);
  for (let y = area.top; y < area.bottom; y++) {
    const row = Math.floor((y - area.top) / CELL) * across;
    for (let x = area.left, i = (y * width + x) * 3; x < area.right; x++, i += 3) {
      const cell = row + Math.floor((x - area.left) / CELL);
      if (isColourInk(data, width, x, i)) colour[cell]!++;
      else if (Math.max(data[i]!, data[i + 1]!, data[i + 2]!) < BLACK_BRIGHTEST) black[cell]!++;
    }
  }
  const bands: PixelRect[] = [];
  for (let cellRow = 0; cellRow < down; cellRow++) {
    let mixed = false;
    for (let cell = cellRow * across; cell < (cellRow + 1) * across && !mixed; cell++) {
      mixed = colour[cell]! >= MIN_CELL_COLOUR && black[cell]! >= MIN_CELL_BLACK;
    }
    if (!mixed) continue;
    const top = Math.max(area.top, area.top + cellRow * CELL - BAND_MARGIN);
    const bottom = Math.min(area.bottom, area.top + (cellRow + 1) * CELL + BAND_MARGIN);
    const last = bands.at(-1);
    if (last && top <= last.bottom) last.bottom = bottom;
    else bands.push({ left: area.left, right: area.right, top, bottom });
  }
  if (bands.length === 0) return undefined;
  return { bands, touches: (box) => colourPixelsIn(page, box, MIN_BOX_COLOUR) >= MIN_BOX_COLOUR };
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
      if (isColourInk(data, width, x, i) && ++count >= enough) return count;
    }
  }
  return count;
}

/**
 * The page with its coloured ink lifted towards white, as grey, within `parts` (the rest as it
 * is): each pixel's brightest channel, raised by how colourful it is. Black and grey print keep
 * their darkness, so text under a seal or a highlighter reads as if the colour were not there.
 */
export function liftColourInk(page: PageImage, parts: readonly PixelRect[]): PageImage {
  const { width, data } = page;
  const lifted = Buffer.from(data);
  for (const part of parts) {
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
  }
  return { width: page.width, height: page.height, channels: 3, data: lifted };
}
