import type { DetectionInput } from './detection-input.ts';
import { WHITE } from './detection-input.ts';
import { runSession, type OrtSession } from './session.ts';

/** Tallest tensor the detector sees; taller inputs go through in overlapping horizontal stripes. */
const STRIPE = 864;
/** Widest tensor the detector sees (a normal page's 1600 px cap); wider inputs are cut into columns too. */
const TILE_WIDTH = 1600;
/** Pixels of context on each side of a tile's kept part. */
const OVERLAP = 32;
const ALIGN = 32;

/** Fills `tile` ([3, height, width]) with the normalised input whose top-left is at (left, top); white outside it. */
export type TileSource = (tile: Float32Array, width: number, height: number, left: number, top: number) => void;

/**
 * Runs the DB detector and returns its text-probability map (input.width × input.height).
 * Stripes bound memory (a 1600 × 1120 tensor in one pass took 256 MB of activations) and give
 * every tall page the same tensor height; each stripe keeps only the rows that had 32 rows of
 * context on both sides, so a 1600-row page costs 1728 rows. The network pools globally, so
 * probabilities differ slightly from a single pass; the boxes found do not (detector.test.ts).
 */
export async function detectText(session: OrtSession, input: DetectionInput): Promise<Float32Array> {
  const { width, height, tensor } = input;
  if (height <= STRIPE && width <= TILE_WIDTH) return (await runSession(session, tensor, [1, 3, height, width])).data;
  const plane = width * height;
  return detectTiles(session, width, height, (tile, tileWidth, tileHeight, left, top) => {
    const x0 = Math.max(0, -left), x1 = Math.min(tileWidth, width - left);
    const y0 = Math.max(0, -top), y1 = Math.min(tileHeight, height - top);
    for (let c = 0; c < 3; c++) {
      const at = c * tileWidth * tileHeight;
      tile.fill(WHITE[c]!, at, at + tileWidth * tileHeight);
      for (let y = y0; y < y1; y++) {
        const from = c * plane + (top + y) * width + left;
        tile.set(tensor.subarray(from + x0, from + x1), at + y * tileWidth + x0);
      }
    }
  });
}

/**
 * The probability map of a width × height input, detected tile by tile in a grid of overlapping
 * tiles (one tile tensor in memory at a time) and stitched from each tile's inner part, so a line
 * cut by a tile edge is one region of the map and found whole, once. Inputs at most 1600 wide are
 * cut into full-width stripes only; wider ones also into equal columns at most 1600 wide.
 */
export async function detectTiles(session: OrtSession, width: number, height: number, fill: TileSource): Promise<Float32Array> {
  const map = new Float32Array(width * height);
  const rowStep = STRIPE - 2 * OVERLAP;
  const columns = width <= TILE_WIDTH ? 1 : Math.ceil(width / (TILE_WIDTH - 2 * OVERLAP));
  const margin = columns === 1 ? 0 : OVERLAP;
  const columnStep = Math.ceil(width / columns / ALIGN) * ALIGN;
  const tileWidth = columnStep + 2 * margin;
  const tile = new Float32Array(3 * tileWidth * STRIPE);
  for (let top = 0; top < height; top += rowStep) {
    const rows = Math.min(rowStep, height - top);
    for (let left = 0; left < width; left += columnStep) {
      fill(tile, tileWidth, STRIPE, left - margin, top - OVERLAP);
      const { data } = await runSession(session, tile, [1, 3, STRIPE, tileWidth]);
      const kept = Math.min(columnStep, width - left);
      for (let y = 0; y < rows; y++) {
        const from = (OVERLAP + y) * tileWidth + margin;
        map.set(data.subarray(from, from + kept), (top + y) * width + left);
      }
    }
  }
  return map;
}
