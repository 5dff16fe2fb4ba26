import type { PageImage } from '@ocr/contracts';
import { describe, expect, it } from 'vitest';
import { preprocessPage } from './preprocess.ts';

const SIZE = 448;
const norm = (v: number, c: number) => (v / 255 - [0.485, 0.456, 0.406][c]!) / [0.229, 0.224, 0.225][c]!;

/** A 2·SIZE square page with four coloured quadrants: red, green / blue, white. */
function quadrants(): PageImage {
  const side = 2 * SIZE;
  const colours = [[255, 0, 0], [0, 255, 0], [0, 0, 255], [255, 255, 255]];
  const data = new Uint8Array(side * side * 3);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      data.set(colours[(y >= SIZE ? 2 : 0) + (x >= SIZE ? 1 : 0)]!, (y * side + x) * 3);
    }
  }
  return { width: side, height: side, channels: 3, data };
}

/** Channel values of tile `t` at (x, y). */
function pixel(data: Float32Array, t: number, x: number, y: number): number[] {
  const plane = SIZE * SIZE;
  return [0, 1, 2].map((c) => data[t * 3 * plane + c * plane + y * SIZE + x]!);
}

describe('preprocessPage', () => {
  it('cuts tiles row by row, appends the thumbnail, normalises into CHW float32', async () => {
    const { data, dims } = await preprocessPage(quadrants(), { cols: 2, rows: 2, thumbnail: true, tiles: 5 }, SIZE);
    expect(dims).toEqual([5, 3, SIZE, SIZE]);
    expect(data.length).toBe(5 * 3 * SIZE * SIZE);
    const expected = [[255, 0, 0], [0, 255, 0], [0, 0, 255], [255, 255, 255]];
    for (let t = 0; t < 4; t++) {
      pixel(data, t, 200, 200).forEach((v, c) => expect(v).toBeCloseTo(norm(expected[t]![c]!, c), 5));
    }
    // The thumbnail is the whole page at half size: quadrant colours in its quadrants.
    const thumb = [pixel(data, 4, 100, 100), pixel(data, 4, 300, 100), pixel(data, 4, 100, 300), pixel(data, 4, 300, 300)];
    thumb.forEach((p, q) => p.forEach((v, c) => expect(v).toBeCloseTo(norm(expected[q]![c]!, c), 5)));
  });

  it('resizes a single tile without thumbnail', async () => {
    const page: PageImage = { width: 10, height: 30, channels: 3, data: new Uint8Array(10 * 30 * 3).fill(128) };
    const { data, dims } = await preprocessPage(page, { cols: 1, rows: 1, thumbnail: false, tiles: 1 }, SIZE);
    expect(dims).toEqual([1, 3, SIZE, SIZE]);
    expect(data[0]).toBeCloseTo(norm(128, 0), 5);
    expect(data[data.length - 1]).toBeCloseTo(norm(128, 2), 5);
  });
});
