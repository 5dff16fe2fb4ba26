import { describe, expect, it } from 'vitest';
import type { PageImage } from '@ocr/contracts';
import { fillRect, rectQuad, whitePage } from '@ocr/testkit';
import { findColourInk, liftColourInk } from './colour-ink.ts';

const WHOLE = { left: 0, top: 0, right: 400, bottom: 300 };


function pixel(page: PageImage, x: number, y: number): number[] {
  return [...page.data.subarray((y * page.width + x) * 3, (y * page.width + x) * 3 + 3)];
}

describe('findColourInk', () => {
  it('finds none in black and grey print, the colour fringes a scanner leaves on black strokes, or yellowed paper', () => {
    const page = whitePage(400, 300);
    fillRect(page, 20, 20, 380, 60, [0, 0, 0]);
    fillRect(page, 20, 80, 380, 120, [150, 150, 150]);
    // Fringes: far apart in hue, dark in every channel.
    fillRect(page, 20, 140, 380, 180, [90, 40, 110]);
    // Yellowed paper.
    fillRect(page, 20, 200, 380, 280, [235, 220, 170]);
    expect(findColourInk(page, WHOLE)).toBeUndefined();
  });

  it('finds none in black text smoothed with subpixels (a Windows screenshot), and a red stamp over it all the same', () => {
    // ClearType's strokes, as in a screenshot of a spec table: a warm and a cool pixel that are
    // grey together, or coloured edges beside black.
    const stroke: Array<[number, number, number]> = [
      [255, 255, 255],
      [219, 144, 58],
      [58, 144, 219],
      [255, 255, 255],
      [182, 102, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 58, 144],
      [219, 255, 255],
      [255, 255, 182],
      [102, 0, 58],
      [144, 219, 255],
    ];
    const page = whitePage(400, 300);
    for (let y = 20; y < 280; y++) {
      if (y % 16 >= 11) continue;
      for (let x = 20; x < 380; x++) fillRect(page, x, y, x + 1, y + 1, stroke[x % stroke.length]!);
    }
    expect(findColourInk(page, WHOLE)).toBeUndefined();
    fillRect(page, 200, 130, 260, 170, [212, 42, 42]);
    expect(findColourInk(page, WHOLE)?.bands).toEqual([{ left: 0, top: 64, right: 400, bottom: 256 }]);
  });

  it('finds none in a few coloured pixels over black print', () => {
    const page = whitePage(400, 300);
    fillRect(page, 20, 20, 120, 40, [0, 0, 0]);
    fillRect(page, 20, 20, 30, 30, [220, 40, 40]);
    expect(findColourInk(page, WHOLE)).toBeUndefined();
  });

  it('finds none in coloured print on its own: a red callout, a blue heading beside black text', () => {
    const page = whitePage(400, 300);
    fillRect(page, 20, 20, 200, 50, [212, 42, 42]);
    fillRect(page, 20, 80, 380, 110, [47, 79, 181]);
    fillRect(page, 20, 150, 380, 180, [0, 0, 0]);
    expect(findColourInk(page, WHOLE)).toBeUndefined();
  });

  it('gives the rows where a red stamp lies over black print, with a margin, across the inked area, and which boxes it touches', () => {
    const page = whitePage(400, 300);
    // Black print over the cells' rows 128–191 and 192–255; the stamp over rows 140–170 only.
    fillRect(page, 20, 140, 380, 150, [0, 0, 0]);
    fillRect(page, 20, 200, 380, 210, [0, 0, 0]);
    fillRect(page, 200, 130, 260, 170, [212, 42, 42]);
    fillRect(page, 210, 140, 250, 150, [40, 8, 8]);
    const colour = findColourInk(page, { left: 10, top: 0, right: 390, bottom: 300 })!;
    expect(colour.bands).toEqual([{ left: 10, top: 64, right: 390, bottom: 256 }]);
    expect(colour.touches(rectQuad(20, 135, 380, 155))).toBe(true);
    expect(colour.touches(rectQuad(20, 195, 380, 215))).toBe(false);
    // A box whose corner only grazes the stamp.
    expect(colour.touches(rectQuad(258, 168, 300, 190))).toBe(false);
  });

  it('gives a band for each of two seals far apart, blue as well as red', () => {
    const page = whitePage(400, 1000);
    for (const [top, rgb] of [
      [100, [212, 42, 42]],
      [800, [47, 79, 181]],
    ] as const) {
      fillRect(page, 20, top + 10, 380, top + 20, [0, 0, 0]);
      fillRect(page, 100, top, 160, top + 40, rgb as unknown as [number, number, number]);
    }
    const bands = findColourInk(page, { left: 0, top: 0, right: 400, bottom: 1000 })!.bands;
    expect(bands.map(({ top, bottom }) => [top, bottom])).toEqual([
      [0, 192],
      [704, 896],
    ]);
  });
});

describe('liftColourInk', () => {
  it('turns seal red to white and seal blue nearly so, and keeps black, grey and black under the ink dark, within its part', () => {
    const page = whitePage(7, 1);
    const colours: Array<[number, number, number]> = [
      [212, 42, 42],
      [47, 79, 181],
      [0, 0, 0],
      [128, 128, 128],
      // Black print under red ink, and a scanner's dark reddish black.
      [40, 8, 8],
      [255, 255, 255],
      // Outside the part.
      [212, 42, 42],
    ];
    colours.forEach((rgb, x) => fillRect(page, x, 0, x + 1, 1, rgb));
    const lifted = liftColourInk(page, [{ left: 0, top: 0, right: 6, bottom: 1 }]);
    expect(colours.map((_, x) => pixel(lifted, x, 0)[0])).toEqual([255, 248, 0, 128, 56, 255, 212]);
    expect(pixel(lifted, 4, 0)).toEqual([56, 56, 56]);
    expect(pixel(lifted, 6, 0)).toEqual([212, 42, 42]);
    expect(page.data.subarray(0, 3)).toEqual(new Uint8Array([212, 42, 42]));
  });
});
