import { describe, expect, it } from 'vitest';
import { quadBounds } from './geometry.ts';
import { textBoxes } from './db-postprocess.ts';

describe('textBoxes', () => {
  it('keeps every region of a page dense with short text, down to its last row (a spreadsheet of 4,000 cells)', () => {
    // 100 columns × 40 rows of regions 8 × 6 px, 16 px apart, at probability 0.9.
    const width = 1600, height = 640;
    const probability = new Float32Array(width * height);
    for (let row = 0; row < 40; row++) {
      for (let column = 0; column < 100; column++) {
        for (let y = 0; y < 6; y++) probability.fill(0.9, (row * 16 + 4 + y) * width + column * 16 + 4, (row * 16 + 4 + y) * width + column * 16 + 12);
      }
    }
    const geometry = { width, height, contentWidth: width, contentHeight: height, scaleX: 1, scaleY: 1, offsetX: 0, offsetY: 0 };
    const boxes = textBoxes(probability, geometry);
    expect(boxes).toHaveLength(4000);
    const lastRow = boxes.filter((box) => quadBounds(box).top > 39 * 16 - 4);
    expect(lastRow).toHaveLength(100);
  });
});
