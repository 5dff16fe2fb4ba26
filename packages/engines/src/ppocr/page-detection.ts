import type { PageImage, Quad } from '@ocr/contracts';
import { textBoxes } from './db-postprocess.ts';
import { detectionInput, normaliseInto, resizeArea } from './detection-input.ts';
import { detectText, detectTiles } from './detector.ts';
import type { PixelRect } from './ink-bounds.ts';
import type { OrtSession } from './session.ts';

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
const LARGE_DETECTION_SIDE = 4800;

/** Text boxes in page pixels for the inked `area` of the page. */
export async function detectBoxes(session: OrtSession, page: PageImage, area: PixelRect): Promise<Quad[]> {
  if (Math.max(area.right - area.left, area.bottom - area.top) <= LARGE_SIDE) {
    const input = await detectionInput(page, area);
    return textBoxes(await detectText(session, input), input);
  }
  // Normalised tile by tile from the resized bytes: a float tensor of the whole area would be 4× their size.
  const resized = await resizeArea(page, area, LARGE_DETECTION_SIDE);
  const probability = await detectTiles(session, resized.width, resized.height, (tile, width, height, left, top) =>
    normaliseInto(tile, width, height, resized, left, top),
  );
  return textBoxes(probability, resized);
}
