import { describe, expect, it } from 'vitest';
import type { PageImage } from '@ocr/contracts';
import { sampleStrip, stripWidth } from './strip-sampler.ts';

/** A page whose left half is pure red and right half white. */
function redAndWhitePage(width: number, height: number): PageImage {
  const data = new Uint8Array(width * height * 3).fill(255);
  for (let y = 0; y < height; y++) for (let x = 0; x < width / 2; x++) data.set([255, 0, 0], (y * width + x) * 3);
  return { width, height, channels: 3, data };
}

describe('sampleStrip', () => {
  it('sizes the strip from the box aspect ratio', () => {
    expect(stripWidth([[0, 0], [400, 0], [400, 40], [0, 40]], 48, 4096)).toBe(480);
    expect(stripWidth([[0, 0], [4000, 0], [4000, 10], [0, 10]], 48, 4096)).toBe(4096);
  });

  it('writes BGR planes scaled to [-1, 1] and leaves the padding at 0', () => {
    const page = redAndWhitePage(200, 50);
    const tensor = new Float32Array(3 * 48 * 112);
    sampleStrip(page, [[0, 0], [200, 0], [200, 50], [0, 50]], tensor, { index: 0, height: 48, stride: 112, width: 96 });
    const plane = 48 * 112;
    const at = (channel: number, x: number) => tensor[channel * plane + 24 * 112 + x]!;
    // Red on the left: blue and green planes dark, red plane bright.
    expect([at(0, 10), at(1, 10), at(2, 10)].map((v) => Math.round(v * 100) / 100)).toEqual([-1, -1, 1]);
    // White on the right, padding after the strip's width.
    expect([at(0, 90), at(1, 90), at(2, 90)]).toEqual([1, 1, 1]);
    expect(at(0, 100)).toBe(0);
  });

  it('reads a box upside down when its corners are turned round', () => {
    const page = redAndWhitePage(200, 50);
    const tensor = new Float32Array(3 * 48 * 96);
    sampleStrip(page, [[200, 50], [0, 50], [0, 0], [200, 0]], tensor, { index: 0, height: 48, stride: 96, width: 96 });
    // Now the white half comes first.
    expect(tensor[24 * 96 + 10]).toBe(1);
    expect(tensor[24 * 96 + 90]).toBeCloseTo(-1);
  });
});
