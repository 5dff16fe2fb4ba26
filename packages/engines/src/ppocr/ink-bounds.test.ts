import { describe, expect, it } from 'vitest';
import type { PageImage } from '@ocr/contracts';
import { whitePage } from '@ocr/testkit';
import { inkBounds } from './ink-bounds.ts';

function paint(page: PageImage, x: number, y: number, value: number): void {
  page.data.fill(value, (y * page.width + x) * 3, (y * page.width + x) * 3 + 3);
}

describe('inkBounds', () => {
  it('finds nothing on a blank page', () => {
    expect(inkBounds(whitePage(300, 200))).toBeUndefined();
  });

  it('frames the ink with a margin, ignoring isolated specks, clamped to the page', () => {
    const page = whitePage(400, 300);
    for (let y = 100; y < 120; y++) for (let x = 150; x < 250; x++) paint(page, x, y, 20);
    // Specks: single dark pixels far from the text.
    paint(page, 5, 5, 0);
    paint(page, 390, 290, 0);
    // Light grey print still counts.
    for (let x = 10; x < 30; x++) for (let y = 280; y < 284; y++) paint(page, x, y, 180);
    expect(inkBounds(page)).toEqual({ left: 0, top: 68, right: 282, bottom: 300 });
  });
});
