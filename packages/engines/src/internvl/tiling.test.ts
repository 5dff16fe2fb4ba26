import { describe, expect, it } from 'vitest';
import { tileGrid } from './tiling.ts';

// Worked out by hand from InternVL's dynamic_preprocess (448-px tiles, thumbnail on):
// - A4 portrait 1240×1754 (0.707): 2/3 = 0.667 is 0.040 away, 3/4 = 0.750 is 0.043 away → 2×3.
// - A3 landscape 2480×1754 (1.414): 4/3 (0.081 away) beats 3/2 (0.086) when 12 tiles are allowed.
// - 1920×1080 (1.778): 2/1 and 4/2 tie at 0.222; the page (2.07 Mpx) is larger than half of 4×2
//   tiles (0.80 Mpx), so the later, larger 4×2 wins; with 6 tiles 4×2 is not a candidate.
// - 100×50 (2.0): 2/1 and 4/2 tie exactly, but 5,000 px is far below half of 4×2 tiles → 2×1.
// - 1000×1000: 1×1, 2×2, 3×3 all tie; 1 Mpx > ½·9 tiles (0.90 Mpx) → 3×3; with 6 tiles → 2×2.
// - 32×32: ties lose to 1×1 (tiny); extreme strips take the most elongated grid allowed.
const cases: [name: string, width: number, height: number, maxTiles: number, cols: number, rows: number, tiles: number][] = [
  ['A4 portrait 150 dpi', 1240, 1754, 12, 2, 3, 7],
  ['A4 portrait 150 dpi', 1240, 1754, 6, 2, 3, 7],
  ['A4 portrait 150 dpi', 1240, 1754, 1, 1, 1, 1],
  ['A4 portrait 300 dpi', 2480, 3508, 12, 2, 3, 7],
  ['A3 landscape 150 dpi', 2480, 1754, 12, 4, 3, 13],
  ['A3 landscape 150 dpi', 2480, 1754, 6, 3, 2, 7],
  ['A3 landscape 150 dpi', 2480, 1754, 1, 1, 1, 1],
  ['1920×1080', 1920, 1080, 12, 4, 2, 9],
  ['1920×1080', 1920, 1080, 6, 2, 1, 3],
  ['1920×1080', 1920, 1080, 1, 1, 1, 1],
  ['tiny 2:1', 100, 50, 12, 2, 1, 3],
  ['tiny 2:1', 100, 50, 6, 2, 1, 3],
  ['tiny square', 32, 32, 12, 1, 1, 1],
  ['large square', 1000, 1000, 12, 3, 3, 10],
  ['large square', 1000, 1000, 6, 2, 2, 5],
  ['large square', 1000, 1000, 1, 1, 1, 1],
  ['extreme wide strip 20:1', 4000, 200, 12, 12, 1, 13],
  ['extreme wide strip 20:1', 4000, 200, 6, 6, 1, 7],
  ['extreme wide strip 20:1', 4000, 200, 1, 1, 1, 1],
  ['extreme tall strip 1:30', 100, 3000, 12, 1, 12, 13],
  ['extreme tall strip 1:30', 100, 3000, 6, 1, 6, 7],
];

describe('tileGrid', () => {
  it.each(cases)('%s %i×%i, max %i tiles → %i×%i, %i tiles', (_name, width, height, maxTiles, cols, rows, tiles) => {
    const grid = tileGrid(width, height, { imageSize: 448, minTiles: 1, maxTiles, useThumbnail: true });
    expect(grid).toEqual({ cols, rows, thumbnail: tiles > 1, tiles });
  });

  it('adds no thumbnail when the model does not use one', () => {
    expect(tileGrid(1920, 1080, { imageSize: 448, minTiles: 1, maxTiles: 12, useThumbnail: false }).tiles).toBe(8);
  });

  it('rejects an empty tile budget', () => {
    expect(() => tileGrid(100, 100, { imageSize: 448, minTiles: 1, maxTiles: 0, useThumbnail: true })).toThrow(RangeError);
  });
});
