/** How InternVL cuts a page: a `cols × rows` grid of tiles, plus a thumbnail of the whole page. */
export interface TileGrid {
  cols: number;
  rows: number;
  /** Whether a whole-page thumbnail follows the grid tiles (only when there is more than one tile). */
  thumbnail: boolean;
  /** Tiles fed to the vision encoder: cols · rows, plus one for the thumbnail. */
  tiles: number;
}

export interface TilingOptions {
  imageSize: number;
  minTiles: number;
  maxTiles: number;
  useThumbnail: boolean;
}

/** Grids (cols, rows) with minTiles ≤ cols·rows ≤ maxTiles, by ascending tile count as InternVL sorts them. */
function candidateGrids(minTiles: number, maxTiles: number): [number, number][] {
  const grids: [number, number][] = [];
  for (let cols = 1; cols <= maxTiles; cols++) {
    for (let rows = 1; cols * rows <= maxTiles; rows++) {
      if (cols * rows >= minTiles) grids.push([cols, rows]);
    }
  }
  // Array.prototype.sort is stable; grids of equal area keep the order above, which can only
  // matter for exactly equal aspect differences between different shapes of the same area.
  return grids.sort((a, b) => a[0] * a[1] - b[0] * b[1]);
}

/**
 * InternVL's `find_closest_aspect_ratio` + `dynamic_preprocess` grid choice: the grid whose
 * aspect ratio is closest to the image's; on a tie, the later (larger) grid wins when the image
 * area exceeds half of that grid's pixel area.
 *
 * @example
 * tileGrid(1920, 1080, { imageSize: 448, minTiles: 1, maxTiles: 12, useThumbnail: true });
 * // → { cols: 4, rows: 2, thumbnail: true, tiles: 9 }
 */
export function tileGrid(width: number, height: number, options: TilingOptions): TileGrid {
  const { imageSize, minTiles, maxTiles, useThumbnail } = options;
  if (!(minTiles >= 1 && maxTiles >= minTiles)) throw new RangeError(`tile budget must satisfy 1 ≤ min ≤ max, got ${minTiles}..${maxTiles}`);
  const aspect = width / height;
  const area = width * height;
  let best: [number, number] = [1, 1];
  let bestDiff = Infinity;
  for (const grid of candidateGrids(minTiles, maxTiles)) {
    const diff = Math.abs(aspect - grid[0] / grid[1]);
    if (diff < bestDiff) {
      bestDiff = diff;
      best = grid;
    } else if (diff === bestDiff && area > 0.5 * imageSize * imageSize * grid[0] * grid[1]) {
      best = grid;
    }
  }
  const [cols, rows] = best;
  const thumbnail = useThumbnail && cols * rows !== 1;
  return { cols, rows, thumbnail, tiles: cols * rows + (thumbnail ? 1 : 0) };
}
