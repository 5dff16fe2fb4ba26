import type { PageImage } from '@ocr/contracts';

/**
 * Pixels this far each way (a 13 px square) give a pixel's ground: the lightest of them, averaged
 * over as many again (the lightest alone follows a scan's noise, and leaves a blotchy ground the
 * detector found less print on). Wider than a stroke of print up to 10 pt at 300 dpi, so a
 * glyph's ground is the cell around it.
 */
const GROUND_RADIUS = 6;
/**
 * A ground whose lightest channel is at most this is coloured or grey (a register map's cyan,
 * green and orange cells, a yellow fill, a grey band): lighter grounds (a pale blue table row,
 * white paper) the detector sees print on as on white.
 */
const COLOURED = 215;
/** A ground darker than this (luminance) is a dark band, whose light print is left as it is. */
const LIGHT_GROUND = 100;
/** Pages with less of their pixels on coloured ground are read as they are. */
const MIN_SHARE = 0.1;

function luminance(r: number, g: number, b: number): number {
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

/**
 * Each value's largest neighbour within `radius` along its line, for `lines` lines of `length`
 * values, value `i` of line `l` at `l * lineStep + i * step` (van Herk / Gil-Werman: maxima run
 * forward and backward within blocks of the window's length, so the cost does not grow with it).
 */
function maxAlong(source: Uint8Array, lines: number, length: number, lineStep: number, step: number, radius: number): Uint8Array {
  const out = new Uint8Array(source.length);
  const window = 2 * radius + 1;
  const forward = new Uint8Array(length), backward = new Uint8Array(length);
  for (let line = 0; line < lines; line++) {
    const base = line * lineStep;
    for (let i = 0; i < length; i++) {
      const value = source[base + i * step]!;
      forward[i] = i % window === 0 ? value : Math.max(forward[i - 1]!, value);
    }
    for (let i = length - 1; i >= 0; i--) {
      const value = source[base + i * step]!;
      backward[i] = i % window === window - 1 || i === length - 1 ? value : Math.max(backward[i + 1]!, value);
    }
    for (let i = 0; i < length; i++) out[base + i * step] = Math.max(backward[Math.max(0, i - radius)]!, forward[Math.min(length - 1, i + radius)]!);
  }
  return out;
}

/** Pixels apart on the grid that judges a page's ground (see `onColouredGround`): a sixteenth of them. */
const GRID = 4;

/** Each pixel's value at `(x, y)` on the grid, as a plane, for the grid's columns × rows. */
function gridPlane(page: PageImage, columns: number, rows: number, value: (r: number, g: number, b: number) => number): Uint8Array {
  const plane = new Uint8Array(columns * rows);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const i = (row * GRID * page.width + column * GRID) * 3;
      plane[row * columns + column] = value(page.data[i]!, page.data[i + 1]!, page.data[i + 2]!);
    }
  }
  return plane;
}

/** Each value's mean within `radius` along its line (see `maxAlong` for the layout). */
function meanAlong(source: Uint8Array, lines: number, length: number, lineStep: number, step: number, radius: number): Uint8Array {
  const out = new Uint8Array(source.length);
  for (let line = 0; line < lines; line++) {
    const base = line * lineStep;
    let sum = 0, count = 0;
    for (let i = -radius; i < length; i++) {
      // The window [i - radius, i + radius], clipped to the line.
      if (i + radius < length) {
        sum += source[base + (i + radius) * step]!;
        count++;
      }
      if (i - radius - 1 >= 0) {
        sum -= source[base + (i - radius - 1) * step]!;
        count--;
      }
      if (i >= 0) out[base + i * step] = Math.round(sum / count);
    }
  }
  return out;
}

/** `plane`'s largest value within `radius` of each value, over `width` × `height`. */
function maxAround(plane: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  return maxAlong(maxAlong(plane, height, width, width, 1, radius), width, height, 1, width, radius);
}

/**
 * Whether at least `MIN_SHARE` of the page lies on coloured or grey ground (see `COLOURED`),
 * judged on a grid (see `GRID`): the ground of a point is the lightest near it, each channel's
 * lightest for its colour.
 */
function onColouredGround(page: PageImage): boolean {
  const columns = Math.ceil(page.width / GRID), rows = Math.ceil(page.height / GRID);
  const radius = Math.round(GROUND_RADIUS / GRID);
  const palest = maxAround(gridPlane(page, columns, rows, (r, g, b) => Math.min(r, g, b)), columns, rows, radius);
  const lightest = maxAround(gridPlane(page, columns, rows, luminance), columns, rows, radius);
  let coloured = 0;
  for (let p = 0; p < palest.length; p++) if (palest[p]! <= COLOURED && lightest[p]! >= LIGHT_GROUND) coloured++;
  return coloured >= MIN_SHARE * palest.length;
}

/**
 * The page in grey with its ground levelled to white, where much of it lies on coloured or grey
 * ground (see `onColouredGround`): each pixel as light against white as it is against its
 * ground, the lightest pixel near it (see `GROUND_RADIUS`). Small print on a register map's cyan
 * cells (5 px high at 200 dpi, blurred) went unfound by the detector, whose red channel saw no
 * print at all, and so did a canary or green form's; levelled, they are found as on white paper.
 * Dark bands (see `LIGHT_GROUND`) keep their grey. The page itself where little of it is coloured.
 */
export function onLevelledGround(page: PageImage): PageImage {
  if (!onColouredGround(page)) return page;
  const { width, height, data } = page;
  const grey = new Uint8Array(width * height);
  for (let p = 0, i = 0; p < grey.length; p++, i += 3) grey[p] = Math.round(luminance(data[i]!, data[i + 1]!, data[i + 2]!));
  const lightest = maxAround(grey, width, height, GROUND_RADIUS);
  const ground = meanAlong(meanAlong(lightest, height, width, width, 1, GROUND_RADIUS), width, height, 1, width, GROUND_RADIUS);
  const levelled = new Uint8Array(data.length);
  for (let p = 0, i = 0; p < grey.length; p++, i += 3) {
    const value = ground[p]! < LIGHT_GROUND ? grey[p]! : Math.min(255, Math.round((grey[p]! * 255) / ground[p]!));
    levelled[i] = value;
    levelled[i + 1] = value;
    levelled[i + 2] = value;
  }
  return { ...page, data: levelled };
}
