import { describe, expect, it } from 'vitest';
import { flattenOntoPaper } from './transparency.ts';

/** A width × height RGBA image filled with `background`, with `stroke` pixels set in rows 3–5, columns 4–15. */
function image(background: number[], stroke: number[], card?: number[]): Uint8Array {
  const width = 20, height = 10;
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inCard = card && y >= 1 && y <= 8 && x >= 2 && x <= 17;
      const inStroke = y >= 3 && y <= 5 && x >= 4 && x <= 15;
      rgba.set(inStroke ? stroke : inCard ? card : background, (y * width + x) * 4);
    }
  }
  return rgba;
}

const pixel = (page: { data: Uint8Array }, x: number, y: number) => Array.from(page.data.subarray((y * 20 + x) * 3, (y * 20 + x) * 3 + 3));

describe('flattenOntoPaper', () => {
  it('puts dark strokes on a transparent background onto white as they would print, half-covered pixels half-toned', () => {
    const page = flattenOntoPaper(image([0, 0, 0, 0], [20, 40, 60, 255]), 20, 10);
    expect(page).toMatchObject({ width: 20, height: 10, channels: 3 });
    expect(pixel(page, 0, 0)).toEqual([255, 255, 255]);
    expect(pixel(page, 5, 4)).toEqual([20, 40, 60]);
    const half = flattenOntoPaper(image([0, 0, 0, 0], [0, 0, 0, 128]), 20, 10);
    expect(pixel(half, 5, 4)).toEqual([127, 127, 127]);
  });

  it('turns white text on a transparent background, which would vanish on white, into dark print', () => {
    const page = flattenOntoPaper(image([255, 255, 255, 0], [255, 255, 255, 255]), 20, 10);
    expect(pixel(page, 0, 0)).toEqual([255, 255, 255]);
    expect(pixel(page, 5, 4)).toEqual([0, 0, 0]);
    // Light grey (#dddddd) is no ink on white either.
    expect(pixel(flattenOntoPaper(image([0, 0, 0, 0], [221, 221, 221, 255]), 20, 10), 5, 4)).toEqual([34, 34, 34]);
  });

  it('drops an alpha channel in which nothing is transparent', () => {
    const page = flattenOntoPaper(image([250, 240, 230, 255], [10, 20, 30, 255]), 20, 10);
    expect(pixel(page, 0, 0)).toEqual([250, 240, 230]);
    expect(pixel(page, 5, 4)).toEqual([10, 20, 30]);
  });

  it('leaves a blank white page white, opaque or a blank card on a transparent background', () => {
    const blank = flattenOntoPaper(image([255, 255, 255, 255], [255, 255, 255, 255]), 20, 10);
    expect(pixel(blank, 5, 4)).toEqual([255, 255, 255]);
    const card = flattenOntoPaper(image([0, 0, 0, 0], [255, 255, 255, 255], [255, 255, 255, 255]), 20, 10);
    expect(pixel(card, 0, 0)).toEqual([255, 255, 255]);
    expect(pixel(card, 5, 4)).toEqual([255, 255, 255]);
  });

  it('keeps an opaque white card with dark text on a transparent background as it is', () => {
    const page = flattenOntoPaper(image([0, 0, 0, 0], [0, 0, 0, 255], [255, 255, 255, 255]), 20, 10);
    expect(pixel(page, 0, 0)).toEqual([255, 255, 255]);
    expect(pixel(page, 3, 2)).toEqual([255, 255, 255]);
    expect(pixel(page, 5, 4)).toEqual([0, 0, 0]);
  });
});
