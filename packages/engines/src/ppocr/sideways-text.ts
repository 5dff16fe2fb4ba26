import type { PageImage, Point, Quad } from '@ocr/contracts';
import { quadSize } from './geometry.ts';
import type { PixelRect } from './ink-bounds.ts';
import { readingAngle } from './page-turn.ts';
import { mergeReadings, type ReadLine } from './readings.ts';

/** Sine of the angle (15°) within which a box runs along an axis of the page. */
const NEAR_AXIS = Math.sin(Math.PI / 12);
/** A box at least this many times as long as it is high holds a line, not a glyph or two. */
const LINE_LENGTH = 2;
/** A box found sideways this much longer than high reads along it, not across (a glyph or two on its side). */
const SIDEWAYS_LENGTH = 1.2;
/** A group keeps the sideways reading only where it holds clearly more than the upright one. */
const SIDEWAYS_MARGIN = 1.25;
/** A line only the sideways pass found is kept when read at least this surely (not a hatching's strokes)... */
const SIDEWAYS_ALONE_CONFIDENCE = 0.8;
/** ...and holds this many characters: an upright glyph read on its side can pass for another. */
const SIDEWAYS_ALONE_CHARACTERS = 2;

/**
 * Whether the page holds a line that runs up or down it: a drawing's vertical dimensions, a
 * stamp along a margin. The detector, trained on upright text, finds such lines in pieces, and
 * two side by side (a size and its stacked tolerance) as a few upright glyphs.
 */
export function runsUpOrDown(lines: readonly ReadLine[]): boolean {
  return lines.some(({ box }) => {
    const { width, height } = quadSize(box);
    return Math.abs(Math.cos(readingAngle(box))) < NEAR_AXIS && width >= LINE_LENGTH * height;
  });
}

/** `area` of the page turned a quarter clockwise: text that reads up the page reads across it. */
function turnedArea(page: PageImage, area: PixelRect): PageImage {
  const width = area.bottom - area.top, height = area.right - area.left;
  const data = new Uint8Array(width * height * 3);
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      const from = ((area.bottom - 1 - u) * page.width + area.left + v) * 3;
      const to = (v * width + u) * 3;
      data[to] = page.data[from]!;
      data[to + 1] = page.data[from + 1]!;
      data[to + 2] = page.data[from + 2]!;
    }
  }
  return { width, height, channels: 3, data };
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
  const turned = turnedArea(page, area);
  const back = ([u, v]: Point): Point => [area.left + v, area.bottom - u];
  const found = await detect(turned, { left: 0, top: 0, right: turned.width, bottom: turned.height });
  return found
    .filter((box) => {
      const { width, height } = quadSize(box);
      return Math.abs(Math.sin(readingAngle(box))) < NEAR_AXIS && width >= SIDEWAYS_LENGTH * height;
    })
    .map((box) => box.map(back) as Quad);
}

/**
 * The page's reading with its lines that run up or down read again as found sideways: each place
 * keeps the reading that holds clearly more.
 */
export function mergeSidewaysReading(upright: readonly ReadLine[], sideways: readonly ReadLine[]): ReadLine[] {
  return mergeReadings(upright, sideways, {
    secondWins: (fromUpright, fromSideways) => fromSideways > SIDEWAYS_MARGIN * fromUpright,
    keepAlone: (line) => line.confidence >= SIDEWAYS_ALONE_CONFIDENCE && line.characters >= SIDEWAYS_ALONE_CHARACTERS,
  });
}
