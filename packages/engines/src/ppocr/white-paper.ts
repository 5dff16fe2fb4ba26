import type { PageImage } from '@ocr/contracts';
import { BLANK_INK } from './long-lines.ts';
import { paperColour } from './show-through.ts';

/**
 * Paper at least this light in every channel is light enough: the page is read as it is. The
 * measures of ink and blank along a box take this and lighter for blank (`BLANK_INK`); on a
 * yellowed newspaper's paper (231, 210, 165) every column of its lines was ink, so no gutter or
 * space between words could be found in them. Lighter tints are left alone: the models read them
 * as well as white (a warm scan of a novel at (230, 219, 198), brought to white, read a few words
 * better and as many worse).
 */
const WHITE_ENOUGH = 255 - BLANK_INK;
/** Paper whose channels differ by more than this is a coloured ground (a green banner), not tinted paper. */
const MAX_TINT = 80;
/** A channel of the paper darker than this is no paper either. */
const MIN_CHANNEL = 96;
/**
 * At least this share of a page's pixels lie within NEAR_PAPER of the paper's colour in every
 * channel: scans of pages, 0.57–0.79; photographs of signs and screens, 0.03–0.24, whose colours
 * a change of white shifts for the worse as often as for the better.
 */
const PAPER_SHARE = 0.4;
const NEAR_PAPER = 24;

/** Whether the page is mostly paper of the given colour (see PAPER_SHARE). */
function mostlyPaper({ data }: PageImage, paper: readonly number[]): boolean {
  const [red, green, blue] = paper as [number, number, number];
  let near = 0;
  for (let i = 0; i < data.length; i += 3) {
    if (Math.abs(data[i]! - red) <= NEAR_PAPER && Math.abs(data[i + 1]! - green) <= NEAR_PAPER && Math.abs(data[i + 2]! - blue) <= NEAR_PAPER) near++;
  }
  return near >= (PAPER_SHARE * data.length) / 3;
}

/**
 * The page with its tinted paper brought to white, each channel scaled by its own factor (so ink
 * stays as dark against it, and coloured print keeps its hue against the paper); the page itself
 * where its paper is white enough already, or where it has no tinted paper (see above).
 */
export function onWhitePaper(page: PageImage): PageImage {
  const paper = paperColour(page);
  if (!paper) return page;
  const darkest = Math.min(...paper), lightest = Math.max(...paper);
  if (darkest >= WHITE_ENOUGH || darkest < MIN_CHANNEL || lightest - darkest > MAX_TINT || !mostlyPaper(page, paper)) return page;
  const levels = paper.map((level) => Uint8Array.from({ length: 256 }, (_, value) => Math.min(255, Math.round((value * 255) / level))));
  const [red, green, blue] = levels as [Uint8Array, Uint8Array, Uint8Array];
  const { data } = page;
  const white = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i += 3) {
    white[i] = red[data[i]!]!;
    white[i + 1] = green[data[i + 1]!]!;
    white[i + 2] = blue[data[i + 2]!]!;
  }
  return { ...page, data: white };
}
