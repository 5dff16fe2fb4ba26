import { describe, expect, it } from 'vitest';
import type { PageImage } from '@ocr/contracts';
import { fillRect, whitePage } from '@ocr/testkit';
import { onWhitePaper } from './white-paper.ts';

/** A page of `paper` with a band of `ink` and a band of red across it. */
function printed(paper: readonly [number, number, number], ink: readonly [number, number, number]): PageImage {
  const page = whitePage(100, 100);
  fillRect(page, 0, 0, 100, 100, paper);
  fillRect(page, 10, 20, 90, 30, ink);
  fillRect(page, 10, 50, 90, 55, [180, 40, 30]);
  return page;
}

const pixel = (page: PageImage, x: number, y: number) => [...page.data.subarray((y * page.width + x) * 3, (y * page.width + x) * 3 + 3)];

describe('onWhitePaper', () => {
  it('brings yellowed paper to white, each channel by its own factor, the ink as dark against it as it was', () => {
    const page = printed([231, 210, 165], [70, 60, 50]);
    const white = onWhitePaper(page);
    expect(pixel(white, 50, 80)).toEqual([255, 255, 255]);
    const ink = pixel(white, 50, 25);
    expect(ink).toEqual([Math.round((70 * 255) / 231), Math.round((60 * 255) / 210), Math.round((50 * 255) / 165)]);
    // The red stays red: darker in green and blue than the paper, by the same share as before.
    const red = pixel(white, 50, 52);
    expect(red[0]).toBe(Math.round((180 * 255) / 231));
    expect(red[1]! / 255).toBeCloseTo(40 / 210, 2);
    // The page given is left as it was.
    expect(pixel(page, 50, 80)).toEqual([231, 210, 165]);
  });

  it('leaves as it is a page on white or lightly tinted paper, on a dark or coloured ground, and a photograph', () => {
    for (const paper of [[250, 249, 252], [230, 219, 198], [30, 30, 40], [250, 200, 60], [169, 234, 122]] as const) {
      const page = printed(paper, [0, 0, 0]);
      expect(onWhitePaper(page)).toBe(page);
    }
    // Yellowed paper over a third of the page, the rest a photograph's shades.
    const photo = printed([231, 210, 165], [70, 60, 50]);
    for (let y = 35; y < 100; y++) for (let x = 0; x < 100; x++) photo.data.set([(x * 2) % 256, (y * 3) % 256, (x + y) % 256], (y * 100 + x) * 3);
    expect(onWhitePaper(photo)).toBe(photo);
  });
});
