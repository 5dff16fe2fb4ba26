import { describe, expect, it } from 'vitest';
import { decodeBmp } from './bmp.ts';
import { bmpGrey, bmpPage, inkFraction, meanAbsoluteDifference, textPage } from './fixtures/index.ts';
import type { BmpWriteOptions } from './fixtures/index.ts';

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

  /** The source page as `write` stores it, as RGB. */
  function stored(rgba: Uint8Array, write: (r: number, g: number, b: number) => [number, number, number]): Uint8Array {
    const rgb = new Uint8Array((rgba.length / 4) * 3);
    for (let p = 0; p < rgba.length / 4; p++) rgb.set(write(rgba[p * 4]!, rgba[p * 4 + 1]!, rgba[p * 4 + 2]!), p * 3);
    return rgb;
  }

  it.each([
    { bitsPerPixel: 1, topDown: false },
    { bitsPerPixel: 4, topDown: false },
    { bitsPerPixel: 8, topDown: false },
    { bitsPerPixel: 8, topDown: true },
    { bitsPerPixel: 8, topDown: false, rle: true },
    { bitsPerPixel: 8, topDown: false, os2: true },
    { bitsPerPixel: 4, topDown: false, os2: true },
  ] as const)('decodes a $bitsPerPixel-bit grey palette (topDown=$topDown, rle=$rle, os2=$os2) to its levels', async (options: BmpWriteOptions) => {
    // Scanners write grey and bitonal pages as palette BMPs; an odd width exercises the packing.
    const page = await textPage('BMP 图纸 42', { width: 333, height: 120 });
    const image = decodeBmp(bmpPage(page, options));
    const bits = options.bitsPerPixel as 1 | 4 | 8;
    const grey = (r: number, g: number, b: number) => bmpGrey(Math.round((r + g + b) / 3), bits);
    const expected = stored(page.rgba, (r, g, b) => [grey(r, g, b), grey(r, g, b), grey(r, g, b)]);
    expect(image).toMatchObject({ width: 333, height: 120, channels: 3 });
    expect(meanAbsoluteDifference(image, { data: expected, channels: 3 })).toBe(0);
    expect(inkFraction(image, page.textBox)).toBeGreaterThan(0.01);
  });

  it('decodes 16-bit 5-6-5 bit fields to each channel scaled to 8 bits', async () => {
    const page = await textPage('565', { width: 201, height: 90 });
    const image = decodeBmp(bmpPage(page, { bitsPerPixel: 16, topDown: false }));
    const expected = stored(page.rgba, (r, g, b) => [Math.round(((r >> 3) * 255) / 31), Math.round(((g >> 2) * 255) / 63), Math.round(((b >> 3) * 255) / 31)]);
    expect(meanAbsoluteDifference(image, { data: expected, channels: 3 })).toBe(0);
  });

  it('reads the pixels after the colour table where the header points them at its start', async () => {
    const page = await textPage('offset', { width: 150, height: 60 });
    const bmp = Buffer.from(bmpPage(page, { bitsPerPixel: 8, topDown: false }));
    const right = decodeBmp(bmp);
    bmp.writeUInt32LE(14 + 40, 10);
    expect(meanAbsoluteDifference(decodeBmp(bmp), { data: right.data, channels: 3 })).toBe(0);
  });

  it('refuses a BMP cut short in its pixels, and one holding a JPEG, saying so', async () => {
    const bmp = bmpPage(await textPage('cut', { width: 120, height: 60 }), { bitsPerPixel: 8, topDown: false });
    expect(() => decodeBmp(bmp.subarray(0, bmp.length - 500))).toThrow(expect.objectContaining({ code: 'corrupt_image', message: expect.stringMatching(/cut short/) }));
    const jpeg = Buffer.from(bmp);
    jpeg.writeUInt16LE(0, 28);
    jpeg.writeUInt32LE(4, 30); // BI_JPEG
    expect(() => decodeBmp(jpeg)).toThrow(expect.objectContaining({ code: 'unsupported_format', message: expect.stringMatching(/JPEG/) }));
  });

  it('flattens a 32-bit BMP with real alpha onto white, keeping black text on transparent', async () => {
    const page = await textPage('transparent', { width: 300, height: 120, transparent: true });
    const image = decodeBmp(bmpPage(page, { bitsPerPixel: 32, topDown: false, alpha: true }));
    expect(inkFraction(image, page.textBox)).toBeGreaterThan(0.01);
    // Fully transparent background becomes white, not black.
    expect([...image.data.subarray(0, 3)]).toEqual([255, 255, 255]);
  });
});
