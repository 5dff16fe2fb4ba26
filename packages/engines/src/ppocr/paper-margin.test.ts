import { describe, expect, it } from 'vitest';
import { fillRect, whitePage } from '@ocr/testkit';
import { isTightCrop, offPaperMargin, withPaperMargin } from './paper-margin.ts';

describe('isTightCrop', () => {
  it('is a strip with print within a few pixels of an edge', () => {
    const label = whitePage(120, 30);
    fillRect(label, 10, 2, 20, 25, [0, 0, 0]);
    expect(isTightCrop(label)).toBe(true);
    const framed = whitePage(120, 30);
    fillRect(framed, 10, 8, 20, 22, [0, 0, 0]);
    expect(isTightCrop(framed)).toBe(false);
  });

  it('is never a page larger than a strip, whatever runs to its edges', () => {
    const photo = whitePage(400, 300);
    fillRect(photo, 0, 0, 400, 300, [40, 40, 40]);
    expect(isTightCrop(photo)).toBe(false);
  });
});

describe('withPaperMargin', () => {
  it('puts the page on white paper, and its points back where they were', () => {
    const page = whitePage(3, 2);
    fillRect(page, 1, 1, 2, 2, [10, 20, 30]);
    const framed = withPaperMargin(page, 2);
    expect([framed.width, framed.height]).toEqual([7, 6]);
    expect([...framed.data.subarray((3 * 7 + 3) * 3, (3 * 7 + 3) * 3 + 3)]).toEqual([10, 20, 30]);
    expect(framed.data.filter((v) => v !== 255)).toHaveLength(3);
    expect(offPaperMargin([3.5, 3.5], 2, framed)).toEqual([1.5, 1.5]);
    // A box reaching into the margin ends at the page's edge.
    expect(offPaperMargin([0.5, 6], 2, framed)).toEqual([0, 2]);
    // On the page turned a quarter, its sides swap.
    expect(offPaperMargin([6, 7], 2, { width: 6, height: 7 })).toEqual([2, 3]);
  });
});
