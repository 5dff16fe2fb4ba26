import { describe, expect, it } from 'vitest';
import type { PageImage } from '@ocr/contracts';
import { fillRect, whitePage } from '@ocr/testkit';
import { onLevelledGround } from './coloured-ground.ts';

const pixel = (page: PageImage, x: number, y: number) => [...page.data.subarray((y * page.width + x) * 3, (y * page.width + x) * 3 + 3)];

/** A 200 × 200 page: white, a block of `ground` with strokes of `ink` across it, and a navy band with white strokes. */
function cells(ground: readonly [number, number, number], ink: readonly [number, number, number], groundShare = 0.5): PageImage {
  const page = whitePage(200, 200);
  const bottom = Math.round(200 * groundShare);
  fillRect(page, 0, 0, 200, bottom, ground);
  for (let x = 20; x < 180; x += 8) fillRect(page, x, 20, x + 2, Math.min(bottom - 10, 60), ink);
  fillRect(page, 0, 150, 200, 200, [20, 30, 90]);
  for (let x = 20; x < 180; x += 8) fillRect(page, x, 165, x + 2, 185, [255, 255, 255]);
  return page;
}

const luminance = ([r, g, b]: number[]) => 0.299 * r! + 0.587 * g! + 0.114 * b!;

describe('onLevelledGround', () => {
  it("sets print on cyan, canary and grey cells on white, in grey, as dark against white as against its cell", () => {
    for (const ground of [[0, 240, 255], [255, 245, 154], [192, 192, 192]] as const) {
      const page = cells(ground, [40, 40, 40]);
      const levelled = onLevelledGround(page);
      expect(levelled).not.toBe(page);
      // Inside the cell, away from its edges, the ground is white and the print as dark as it was against it.
      expect(pixel(levelled, 103, 45)).toEqual([255, 255, 255]);
      const print = pixel(levelled, 21, 40);
      expect(print[0]).toBeCloseTo((40 * 255) / luminance([...ground]), -1);
      expect(new Set(print).size).toBe(1);
      // The white paper stays white, the navy band and its white print keep their grey.
      expect(pixel(levelled, 100, 120)).toEqual([255, 255, 255]);
      expect(pixel(levelled, 5, 190)[0]).toBeLessThan(60);
      expect(pixel(levelled, 21, 175)).toEqual([255, 255, 255]);
      // The page given is left as it was.
      expect(pixel(page, 103, 45)).toEqual([...ground]);
    }
  });

  it('leaves as it is a page on white paper, one with pale blue rows, and one with little coloured ground', () => {
    for (const page of [cells([255, 255, 255], [0, 0, 0]), cells([221, 235, 247], [0, 0, 0]), cells([0, 240, 255], [0, 0, 0], 0.08)]) {
      expect(onLevelledGround(page)).toBe(page);
    }
  });
});
