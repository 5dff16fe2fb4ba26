import { describe, expect, it } from 'vitest';
import { rgbaToRgb } from './rgba.ts';

describe('rgbaToRgb', () => {
  it.each([1, 2, 3, 4, 5, 7, 8, 13])('keeps R, G, B of each of %i pixels in order, whatever the count mod 4', (pixels) => {
    const rgba = Uint8Array.from({ length: pixels * 4 }, (_, i) => (i * 37 + 11) % 256);
    const expected = Uint8Array.from({ length: pixels * 3 }, (_, i) => rgba[Math.floor(i / 3) * 4 + (i % 3)]!);
    expect(rgbaToRgb(rgba, pixels)).toEqual(expected);
  });

  it('reads an unaligned view', () => {
    const backing = Uint8Array.from({ length: 4 * 5 + 1 }, (_, i) => i);
    const rgba = backing.subarray(1);
    expect([...rgbaToRgb(rgba, 5)]).toEqual([1, 2, 3, 5, 6, 7, 9, 10, 11, 13, 14, 15, 17, 18, 19]);
  });
});
