import { describe, expect, it } from 'vitest';
import { decodeBmp } from './bmp.ts';
import { bmpPage, inkFraction, meanAbsoluteDifference, textPage } from './fixtures/index.ts';

describe('decodeBmp', () => {
  it.each([
    { bitsPerPixel: 24, topDown: false },
    { bitsPerPixel: 24, topDown: true },
    { bitsPerPixel: 32, topDown: false },
    { bitsPerPixel: 32, topDown: true },
  ] as const)('decodes $bitsPerPixel-bit, topDown=$topDown, to the exact source pixels', async (options) => {
    // An odd width exercises the row padding of 24-bit files.
    const page = await textPage('BMP 图纸 42', { width: 333, height: 120 });
    const image = decodeBmp(bmpPage(page, options));
    expect(image).toMatchObject({ width: 333, height: 120, channels: 3 });
    expect(meanAbsoluteDifference(image, { data: page.rgba, channels: 4 })).toBe(0);
    expect(inkFraction(image, page.textBox)).toBeGreaterThan(0.01);
  });

  it('flattens a 32-bit BMP with real alpha onto white, keeping black text on transparent', async () => {
    const page = await textPage('transparent', { width: 300, height: 120, transparent: true });
    const image = decodeBmp(bmpPage(page, { bitsPerPixel: 32, topDown: false, alpha: true }));
    expect(inkFraction(image, page.textBox)).toBeGreaterThan(0.01);
    // Fully transparent background becomes white, not black.
    expect([...image.data.subarray(0, 3)]).toEqual([255, 255, 255]);
  });
});
