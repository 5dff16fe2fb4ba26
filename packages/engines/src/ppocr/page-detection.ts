import type { PageImage, Quad } from '@ocr/contracts';
import { textBoxes } from './db-postprocess.ts';
import { detectionInput, detectionScale, normaliseInto, resizeArea } from './detection-input.ts';
import { detectText, detectTiles } from './detector.ts';
import { quadBounds, quadSize, type Bounds } from './geometry.ts';
import type { PixelRect } from './ink-bounds.ts';
import type { OrtSession } from './session.ts';
import { joinSplitLines } from './split-lines.ts';
import { splitAtWideGaps } from './wide-gaps.ts';

/**
 * Inked areas longer than this (A3 at 300 dpi, A1/A0 drawings) would be shrunk below 0.44 by the
 * 1600 px cap, and their small text (10–18 px) with it, below what the detector finds. A4 at
 * 200–300 dpi (at most 3508 px) stays below it and is detected exactly as before.
 */
const LARGE_SIDE = 3600;
/**
 * Long side at which a large area is detected; it caps the cost, which grows with the tiles. An
 * A1 sheet at 200 dpi takes 20 tiles of 1280 × 864 (detection 0.6 → 3.9 s on 2 cores), a square
 * area at most 24; its text keeps 0.73 of its height (A0: 0.51). At 4000 the A1 page took 3.2 s
 * rather than 4.9 s but, with 11–13 px callouts, missed one of 15 that 4800 read.
 */
export const LARGE_DETECTION_SIDE = 4800;

/**
 * Line height, in detector pixels, below which a page is detected again enlarged. At 75 dpi
 * (lines 14–18 px here) the boxes came out a quarter taller than the text and took in the next
 * line's strokes, and a 7 px screenshot line got a box half its height. Lines of 22 px (150 dpi)
 * keep the first pass: enlarged, their boxes fit a little tighter, and the spaces between
 * Chinese and Latin words, read with thresholds set on normal boxes, went missing.
 */
const SMALL_LINE = 20;
/** Detector pixels a small line is enlarged to: a 200 dpi page's lines are 28–35. */
const LINE_TARGET = 32;
/**
 * Line height, in detector pixels, above which an area is detected again shrunk. The detector,
 * trained on lines of a normal page's height, cuts lines three times that height into words and
 * letter pairs (`kok kend`, `DIMEI NSIONS`), finds lines inside the strokes of 160 px letters and
 * drops single digits: a typewritten page at 2400 dpi (lines of 100 px) read with 11% CER, shrunk
 * to a 200 dpi page's lines 1%.
 */
const LARGE_LINE = 2 * LINE_TARGET;
/**
 * Line height, in detector pixels, below which a page too long to be enlarged whole is detected
 * again enlarged in tiles. Such a page's few lines found are its largest (a schematic's headings,
 * a spreadsheet's title); its fine print is not found at all. A board's schematic scanned at 300
 * dpi (lines 10–14 px here) read at word recall 0.02, in tiles 0.55; a spreadsheet at 7 pt (13.5)
 * 0.94, in tiles 1.00. Drawings at 200 dpi (15–20) keep the first pass.
 */
const FINE_LINE = 14;
/** Share of a large area's sides sampled at the tiles' scale, around its middle (see `detectLarge`). */
const SAMPLE = 1 / 3;
/**
 * Share of the sample's lines the whole pass may have missed and still stand, and the lines the
 * sample must hold to judge by: a drawing's sideways pass (a few vertical sizes) is tiled as before.
 */
const SAMPLE_NEW = 0.1;
const MIN_SAMPLE_LINES = 3;
/** Boxes this many times as long as high are lines of words; specks on a dusty copy are about square. */
const WORDS_ASPECT = 2;
/**
 * Height, in detector pixels, the lines of words must be under too: specks took a dusty copy's
 * median to 11.5 px, its words being 29. The words alone are no measure either: a spreadsheet's
 * one-digit cells are about square, and without them its 7 pt rows measured 14.6.
 */
const FINE_WORDS = 16;
/** Enlargement at most, for a crop of a few tiny glyphs: 4× read a 7 px screenshot line. */
const MAX_ENLARGE = 4;
/** A second pass must enlarge by at least this much to be worth its time. */
const MIN_GAIN = 1.25;
/**
 * Enlargement for a small image in which the detector found nothing at its size: a web image of an
 * isometric drawing (695 × 451 px, its sizes 12–15 px high at ±30°) showed no box, and at 2× its
 * sizes. Large pages cannot be enlarged (MAX_SIDE), so a page without text costs no more.
 */
const NOTHING_FOUND_ENLARGE = 2;

function boundsOverlap(a: Bounds, b: Bounds): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function medianHeight(boxes: readonly Quad[]): number {
  const heights = boxes.map((box) => quadSize(box).height).sort((a, b) => a - b);
  return heights[heights.length >> 1]!;
}

/**
 * Text boxes in page pixels for the inked `area` of the page: a line split by the detector joined
 * again, a box it drew across a gutter cut there. `wholeFirst`: a large area is tried whole before
 * tiles (see `detectLarge`), for a page's own detection; the passes after it (sideways, under
 * colour) find what the page's detection left, on drawings mostly, and go straight to tiles.
 */
export async function detectBoxes(session: OrtSession, page: PageImage, area: PixelRect, { wholeFirst = false } = {}): Promise<Quad[]> {
  return splitAtWideGaps(page, joinSplitLines(page, await detectPieces(session, page, area, wholeFirst)));
}

/** Boxes in page pixels, and the scale they were detected at (detector pixels per page pixel). */
interface Detection {
  boxes: Quad[];
  scale: number;
}

/**
 * The detector's boxes for `area`. An area whose lines are small in the detector (a
 * low-resolution scan, a screenshot's crop) is detected again enlarged, up to the size a normal
 * page is detected at, so the cost stays that of a normal page; one too long for that, whose
 * lines are smaller still (fine print), in tiles. One whose lines are large (a
 * nameplate photographed close, a page scanned at 600 dpi or more) is detected again shrunk.
 */
async function detectPieces(session: OrtSession, page: PageImage, area: PixelRect, wholeFirst: boolean): Promise<Quad[]> {
  const longSide = Math.max(area.right - area.left, area.bottom - area.top);
  const large = longSide > LARGE_SIDE;
  const first = !large
    ? await detectWhole(session, page, area)
    : wholeFirst
      ? await detectLarge(session, page, area)
      : await detectTiled(session, page, area, LARGE_DETECTION_SIDE);
  if (first.boxes.length === 0) {
    const enlargeable = wholeFirst && detectionScale(area, undefined, NOTHING_FOUND_ENLARGE) >= first.scale * MIN_GAIN;
    return enlargeable ? (await detectWhole(session, page, area, NOTHING_FOUND_ENLARGE)).boxes : first.boxes;
  }
  const lineHeight = medianHeight(first.boxes) * first.scale;
  if (lineHeight > LARGE_LINE) {
    const scale = (first.scale * LINE_TARGET) / lineHeight;
    const again = scale <= detectionScale(area) ? await detectWhole(session, page, area, scale) : await detectTiled(session, page, area, Math.round(scale * longSide));
    // Small print among the large lettering (a nameplate's footer) is too small at the new scale:
    // the first pass found it at its own size, clear of the large lines.
    const shrunk = again.boxes.map(quadBounds);
    const small = first.boxes.filter((box) => quadSize(box).height * first.scale <= LARGE_LINE && !shrunk.some((b) => boundsOverlap(b, quadBounds(box))));
    return [...again.boxes, ...small];
  }
  if (large || lineHeight >= SMALL_LINE) return first.boxes;
  const enlarge = Math.min(MAX_ENLARGE, (LINE_TARGET / lineHeight) * first.scale);
  if (detectionScale(area, undefined, enlarge) >= first.scale * MIN_GAIN) return (await detectWhole(session, page, area, enlarge)).boxes;
  const side = Math.min(LARGE_DETECTION_SIDE, Math.round(longSide * enlarge));
  if (lineHeight >= FINE_LINE || !wordsUnder(first, FINE_WORDS) || side < longSide * first.scale * MIN_GAIN) return first.boxes;
  return (await detectTiled(session, page, area, side, enlarge)).boxes;
}

/**
 * A large area detected whole where that finds its text, else in tiles (see `LARGE_SIDE`). A page
 * photographed with a phone (4032 px) or scanned at 600 dpi (7016 px) is long in pixels but holds
 * a page's text, which the whole pass finds at its normal size; a drawing sheet's callouts, or a
 * large sheet's fine print, it does not find at all. So where the whole pass's lines are of normal
 * size, the middle of the area (`SAMPLE` of each side) is detected at the tiles' scale too, and
 * the whole pass stands if that finds lines, and no more than `SAMPLE_NEW` of them where it found none.
 */
async function detectLarge(session: OrtSession, page: PageImage, area: PixelRect): Promise<Detection> {
  const whole = await detectWhole(session, page, area);
  if (whole.boxes.length === 0 || medianHeight(whole.boxes) * whole.scale < SMALL_LINE) return detectTiled(session, page, area, LARGE_DETECTION_SIDE);
  const width = area.right - area.left, height = area.bottom - area.top;
  const middle = {
    left: Math.round(area.left + (width * (1 - SAMPLE)) / 2),
    top: Math.round(area.top + (height * (1 - SAMPLE)) / 2),
    right: Math.round(area.left + (width * (1 + SAMPLE)) / 2),
    bottom: Math.round(area.top + (height * (1 + SAMPLE)) / 2),
  };
  const tileScale = Math.min(1, LARGE_DETECTION_SIDE / Math.max(width, height));
  const sample = await detectTiled(session, page, middle, Math.round(tileScale * Math.max(middle.right - middle.left, middle.bottom - middle.top)));
  const found = whole.boxes.map(quadBounds);
  const missed = sample.boxes.filter((box) => !found.some((b) => boundsOverlap(b, quadBounds(box)))).length;
  return sample.boxes.length >= MIN_SAMPLE_LINES && missed <= SAMPLE_NEW * sample.boxes.length ? whole : detectTiled(session, page, area, LARGE_DETECTION_SIDE);
}

/** Whether the detection's lines of words (boxes long for their height) measure under `height` detector pixels. */
function wordsUnder({ boxes, scale }: Detection, height: number): boolean {
  const words = boxes.filter((box) => {
    const size = quadSize(box);
    return size.width >= WORDS_ASPECT * size.height;
  });
  return words.length > 0 && medianHeight(words) * scale < height;
}

/** `area` detected in one tensor, its long side at most 1600 px and scaled by at most `enlarge`. */
async function detectWhole(session: OrtSession, page: PageImage, area: PixelRect, enlarge = 1): Promise<Detection> {
  const input = await detectionInput(page, area, enlarge);
  return { boxes: textBoxes(await detectText(session, input), input), scale: 1 / input.scaleY };
}

/** `area` scaled so its long side is at most `maxSide` (enlarged by at most `enlarge`), detected tile by tile. */
async function detectTiled(session: OrtSession, page: PageImage, area: PixelRect, maxSide: number, enlarge = 1): Promise<Detection> {
  // Normalised tile by tile from the resized bytes: a float tensor of the whole area would be 4× their size.
  const resized = await resizeArea(page, area, maxSide, enlarge);
  const probability = await detectTiles(session, resized.width, resized.height, (tile, width, height, left, top) =>
    normaliseInto(tile, width, height, resized, left, top),
  );
  return { boxes: textBoxes(probability, resized), scale: 1 / resized.scaleY };
}
