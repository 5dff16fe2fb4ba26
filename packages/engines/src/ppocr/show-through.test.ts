import { describe, expect, it } from 'vitest';
import { fillRect, rectQuad, whitePage } from '@ocr/testkit';
import type { DecodedLine } from './ctc-decode.ts';
import { boxesToTry, faintBoxes, keepsPrint, mirroredQuad, paperColour, readsMirrored, readsNearlyMirrored, readsSurelyMirrored, withoutShowThrough } from './show-through.ts';

const line = (text: string, confidence: number): DecodedLine => ({ text, confidence, characters: text.replace(/\s/g, '').length });

describe('paperColour', () => {
  it('is the colour of the light paper most of the page shows, channel by channel', () => {
    const page = whitePage(100, 100);
    fillRect(page, 0, 0, 100, 100, [230, 220, 180]);
    fillRect(page, 10, 10, 90, 30, [20, 20, 20]);
    expect(paperColour(page)).toEqual([230, 220, 180]);
  });

  it('is undefined for a page without light paper: a photograph, a dark screenshot', () => {
    const page = whitePage(100, 100);
    fillRect(page, 0, 0, 100, 100, [40, 40, 50]);
    fillRect(page, 10, 10, 30, 30, [250, 250, 250]);
    expect(paperColour(page)).toBeUndefined();
  });
});

describe('faintBoxes', () => {
  const page = whitePage(400, 100);
  fillRect(page, 10, 10, 100, 30, [0, 0, 0]);
  fillRect(page, 10, 50, 100, 70, [220, 220, 220]);
  // A printed line that runs on into faint ink for 6 box heights.
  fillRect(page, 110, 10, 150, 30, [0, 0, 0]);
  fillRect(page, 160, 10, 280, 30, [225, 225, 225]);
  // Yellow print is faint in grey but strong in its blue channel: print.
  fillRect(page, 300, 50, 390, 70, [255, 230, 0]);

  it('finds the boxes without print, and the faint run a printed line runs on into, each with its peak strength', () => {
    const faint = faintBoxes(page, [255, 255, 255], [rectQuad(10, 10, 100, 30), rectQuad(10, 50, 100, 70), rectQuad(110, 10, 280, 30), rectQuad(300, 50, 390, 70)]);
    expect(faint).toHaveLength(2);
    expect(faint[0]).toEqual({ box: rectQuad(10, 50, 100, 70), peak: expect.closeTo(1 - 220 / 255, 2), tail: false });
    expect(faint[1]).toMatchObject({ box: rectQuad(150, 10, 280, 30), tail: true });
    expect(faint[1]!.peak).toBeCloseTo(1 - 225 / 255, 2);
  });

  it('leaves a printed line whose spaces are shorter than three box heights', () => {
    const words = whitePage(300, 40);
    for (let x = 10; x < 290; x += 60) fillRect(words, x, 10, x + 30, 30, [0, 0, 0]);
    fillRect(words, 40, 10, 70, 30, [225, 225, 225]);
    expect(faintBoxes(words, [255, 255, 255], [rectQuad(10, 10, 290, 30)])).toEqual([]);
  });
});

describe('mirroredQuad', () => {
  it('reads the box from right to left', () => {
    expect(mirroredQuad(rectQuad(0, 0, 10, 5))).toEqual([
      [10, 0],
      [0, 0],
      [0, 5],
      [10, 5],
    ]);
  });
});

describe('readsSurelyMirrored', () => {
  it('takes a mirrored reading of three characters or more at 0.8 or surer for one worth reading as it is too', () => {
    expect(readsSurelyMirrored(line('tion and', 0.98))).toBe(true);
    expect(readsSurelyMirrored(line('O O', 0.96))).toBe(false);
    expect(readsSurelyMirrored(line('CAMAC AI', 0.77))).toBe(false);
  });

  it('gives a reading of 0.6 to 0.8 a second chance stretched, and none below', () => {
    expect(readsNearlyMirrored(line('Bereista a h u', 0.69))).toBe(true);
    expect(readsNearlyMirrored(line('W0 T 102', 0.59))).toBe(false);
    expect(readsNearlyMirrored(line('tion and', 0.98))).toBe(false);
  });
});

describe('readsMirrored', () => {
  it('takes a box for show-through where it reads surely mirrored and much surer than as it is', () => {
    expect(readsMirrored(line('bn6 noit', 0.67), line('tion and', 0.98))).toBe(true);
    expect(readsMirrored(line('DRAFT B', 0.94), line('O O', 0.26))).toBe(false);
    // Symmetric print reads alike either way.
    expect(readsMirrored(line('TOOT', 0.9), line('TOOT', 0.9))).toBe(false);
    expect(readsMirrored(line('', 0), line('5', 1))).toBe(false);
    expect(readsMirrored(line('gx', 0.3), line('kg 3.6', 0.7))).toBe(false);
  });
});

describe('boxesToTry', () => {
  it('tries whole faint boxes before faint ends, the longest first, at most 8', () => {
    const faint = Array.from({ length: 30 }, (_, i) => ({ box: rectQuad(0, i * 10, 10 + ((i * 7) % 30), i * 10 + 8), peak: 0.1, tail: i % 10 !== 0 }));
    const tried = boxesToTry(faint);
    expect(tried).toHaveLength(8);
    expect(tried.map(({ box, tail }) => [box[1][0] - box[0][0], tail])).toEqual([
      [30, false],
      [20, false],
      [10, false],
      [39, true],
      [38, true],
      [37, true],
      [36, true],
      [35, true],
    ]);
  });
});

describe('withoutShowThrough', () => {
  it('turns ink as faint as the show-through to paper, keeps print and its colour, and whitens tinted paper', () => {
    const page = whitePage(5, 1);
    page.data.set([230, 220, 180, 200, 190, 158, 20, 20, 20, 120, 115, 95, 200, 30, 30]);
    const cleared = withoutShowThrough(page, [230, 220, 180], 0.12);
    const pixel = (i: number) => [...cleared.data.subarray(i * 3, i * 3 + 3)];
    expect(pixel(0)).toEqual([255, 255, 255]);
    expect(pixel(1)).toEqual([255, 255, 255]);
    expect(Math.max(...pixel(2))).toBeLessThanOrEqual(40);
    expect(pixel(3).every((v) => v > 100 && v < 200)).toBe(true);
    const [r, g, b] = pixel(4);
    expect(r).toBeGreaterThan(200);
    expect(Math.max(g!, b!)).toBeLessThan(60);
    expect(page.data[0]).toBe(230);
  });
});

describe('keepsPrint', () => {
  const print = Array.from({ length: 10 }, (_, i) => rectQuad(100, 100 + 40 * i, 700, 124 + 40 * i));
  const faint = [{ box: rectQuad(100, 600, 500, 624), peak: 0.3, tail: false }];

  it('holds where the cleared page still shows the print’s boxes, split or joined, without the faint ones', () => {
    const after = [rectQuad(100, 100, 400, 124), rectQuad(420, 100, 700, 124), rectQuad(100, 140, 700, 204), ...print.slice(3)];
    expect(keepsPrint([...print, faint[0]!.box], faint, after)).toBe(true);
  });

  it('fails where clearing took print too (a 150 dpi scan’s grey small print as faint as a diagram’s shading)', () => {
    expect(keepsPrint([...print, faint[0]!.box], faint, print.slice(0, 6))).toBe(false);
  });
});
