import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderPage } from './render.ts';
import { scanPage, showThrough } from './scan.ts';

const png = renderPage({ width: 600, height: 200, blocks: [{ x: 20, y: 20, text: 'Scan me 扫描', fontSize: 40 }] });

describe('scanPage', () => {
  it('gives the same JPEG for the same seed and another for another seed', async () => {
    const first = await scanPage(png);
    expect(first.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(await scanPage(png)).toEqual(first);
    expect(await scanPage(png, { seed: 2 })).not.toEqual(first);
  });

  it('skews the page onto a larger white canvas and adds noise', async () => {
    const { data, info } = await sharp(await scanPage(png, { blurSigma: 0, jpegQuality: 100 })).greyscale().raw().toBuffer({ resolveWithObject: true });
    // A 1.5° turn of 600×200 needs about 605×216.
    expect(info.width).toBeGreaterThan(602);
    expect(info.height).toBeGreaterThan(210);
    // The top-left corner was white page; noise spreads it over many grey levels.
    const corner = new Set<number>();
    for (let y = 0; y < 10; y++) for (let x = 0; x < 10; x++) corner.add(data[y * info.width + x]!);
    expect(corner.size).toBeGreaterThan(10);
  });
});

describe('showThrough', () => {
  it('shows the back mirrored and faint on grey paper, the front as printed, at the front\'s size', async () => {
    const front = renderPage({ width: 600, height: 200, blocks: [{ x: 20, y: 20, text: 'FRONT', fontSize: 60 }] });
    const back = renderPage({ width: 300, height: 100, blocks: [{ x: 10, y: 50, text: 'BACK', fontSize: 30 }] });
    const { data, info } = await sharp(await showThrough(front, back, { blurSigma: 0.5 })).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([600, 200]);
    const column = (left: number, right: number, top: number, bottom: number) => {
      let darkest = 255;
      for (let y = top; y < bottom; y++) for (let x = left; x < right; x++) darkest = Math.min(darkest, data[y * info.width + x]!);
      return darkest;
    };
    // The front's print, at its left; the back's, fitted to the page and mirrored, at its right, faint.
    expect(column(20, 200, 20, 90)).toBeLessThan(60);
    const faint = column(360, 590, 100, 190);
    expect(faint).toBeGreaterThan(180);
    expect(faint).toBeLessThan(228);
    // Paper where neither side has print.
    expect(column(0, 10, 0, 10)).toBeGreaterThan(228);
  });
});
