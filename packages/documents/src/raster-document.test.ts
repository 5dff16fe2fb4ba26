import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { allPages, bmpPage, encodeJpeg2000, encodePage, greyAlphaCodestream, faxPage, heicLabel, inkFraction, meanAbsoluteDifference, multiPageTiff, oldJpegTiff, rotatedJpeg, textPage, turnedHeif } from './fixtures/index.ts';
import { openDocument } from './open.ts';

describe('openDocument on images', () => {
  it.each(['png', 'jpeg', 'webp', 'tiff', 'gif', 'avif'] as const)('decodes %s to one RGB page with the text where it was drawn', async (format) => {
    const page = await textPage('Ø20 H7 技术要求', { width: 500, height: 160 });
    const doc = await openDocument(await encodePage(page, format));
    expect(doc).toMatchObject({ format, pageCount: 1, selectedPages: [1] });
    const [only] = await allPages(doc);
    expect(only!.image).toMatchObject({ width: 500, height: 160, channels: 3 });
    expect(only!.scale).toBeUndefined();
    expect(only!.image.data).toHaveLength(500 * 160 * 3);
    // Lossless formats give the source back exactly; lossy ones come close.
    expect(meanAbsoluteDifference(only!.image, { data: page.rgba, channels: 4 })).toBeLessThan(format === 'png' || format === 'tiff' ? 0.001 : format === 'gif' ? 8 : 4);
    expect(inkFraction(only!.image, page.textBox)).toBeGreaterThan(0.02);
    expect(inkFraction(only!.image, { left: 0, top: 130, width: 500, height: 30 })).toBe(0);
  });

  it('decodes JPEG 2000, a JP2 file or a bare codestream, colour or grey, to the page it holds', async () => {
    const page = await textPage('Ø20 H7 技术要求', { width: 500, height: 160 });
    for (const [container, grey] of [['jp2', false], ['j2k', false], ['jp2', true]] as const) {
      const doc = await openDocument(await encodeJpeg2000(page, container, { grey }));
      expect(doc).toMatchObject({ format: 'jp2', pageCount: 1, selectedPages: [1] });
      const [only] = await allPages(doc);
      expect(only!.image).toMatchObject({ width: 500, height: 160, channels: 3 });
      // Lossless: the page back exactly (its text is black on white, so grey loses nothing).
      expect(meanAbsoluteDifference(only!.image, { data: page.rgba, channels: 4 }), `${container} grey=${grey}`).toBe(0);
    }
  });

  it('decodes a JPEG 2000 over the per-page limit from a coarser resolution level, within the limit', async () => {
    const page = await textPage('large-format sheet', { width: 701, height: 400, fontSize: 60 });
    const limits = { maxPages: 1, maxPixelsPerPage: 100_000, maxTotalPixels: 100_000 };
    const [reduced] = await allPages(await openDocument(await encodeJpeg2000(page, 'jp2'), { limits }));
    // Half of each side, rounded up: the level below the full image.
    expect(reduced!.image).toMatchObject({ width: 351, height: 200 });
    expect(reduced!.scale).toBeCloseTo(351 / 701, 5);
    expect(inkFraction(reduced!.image, { left: 15, top: 15, width: 320, height: 60 })).toBeGreaterThan(0.05);
  });

  it('decodes a grey-with-alpha JPEG 2000, flattened onto white paper', async () => {
    const [only] = await allPages(await openDocument(greyAlphaCodestream(64, 32)));
    expect(only!.image).toMatchObject({ width: 64, height: 32, channels: 3 });
    // Grey 128 at alpha 128/255 over white.
    expect(new Set(only!.image.data)).toEqual(new Set([191]));
  });

  it('refuses a damaged JPEG 2000 as corrupt, and decodes the next one as if it had not come', async () => {
    const page = await textPage('J2K', { width: 300, height: 100 });
    const jp2 = await encodeJpeg2000(page, 'jp2');
    const damaged = Buffer.from(jp2);
    damaged.fill(0xff, 200, 600);
    await expect(allPages(await openDocument(damaged))).rejects.toMatchObject({ code: 'corrupt_image' });
    const [next] = await allPages(await openDocument(jp2));
    expect(meanAbsoluteDifference(next!.image, { data: page.rgba, channels: 4 })).toBe(0);
  });

  it('decodes an HEIC photo, turned as it says, and refuses one cut short as corrupt', async () => {
    const doc = await openDocument(turnedHeif(heicLabel.bytes(), 3));
    expect(doc).toMatchObject({ format: 'heic', pageCount: 1, selectedPages: [1] });
    const [only] = await allPages(doc);
    // Stored 720 × 160 and marked a quarter turn: the page comes out 160 × 720, at its full size.
    expect(only!.image).toMatchObject({ width: heicLabel.height, height: heicLabel.width, channels: 3 });
    expect(only!.scale).toBeUndefined();
    await expect(allPages(await openDocument(heicLabel.bytes().subarray(0, 2000)))).rejects.toMatchObject({ code: 'corrupt_image' });
  });

  it('decodes an old-style JPEG TIFF page from the JPEG file it holds', async () => {
    const page = await textPage('OJPEG 1994', { width: 300, height: 100 });
    const { tiff, jpeg } = await oldJpegTiff(page);
    const [only] = await allPages(await openDocument(tiff));
    const [direct] = await allPages(await openDocument(jpeg));
    expect(only!.image).toMatchObject({ width: 300, height: 100, channels: 3 });
    expect(meanAbsoluteDifference(only!.image, { data: direct!.image.data, channels: 3 })).toBe(0);
    expect(inkFraction(only!.image, page.textBox)).toBeGreaterThan(0.01);
  });

  it('decodes BMP in TypeScript', async () => {
    const page = await textPage('bitmap', { width: 301, height: 90 });
    const doc = await openDocument(bmpPage(page, { bitsPerPixel: 24, topDown: true }));
    const [only] = await allPages(doc);
    expect(doc.format).toBe('bmp');
    expect(meanAbsoluteDifference(only!.image, { data: page.rgba, channels: 4 })).toBe(0);
  });

  it('gives every TIFF page, or the selected ones, in order', async () => {
    const pages = await Promise.all(['first', 'second', 'third'].map((t) => textPage(t, { width: 240, height: 80 })));
    const tiff = await multiPageTiff(pages);
    const all = await allPages(await openDocument(tiff));
    expect(all.map((p) => p.page)).toEqual([1, 2, 3]);
    all.forEach(({ image }, i) => expect(meanAbsoluteDifference(image, { data: pages[i]!.rgba, channels: 4 })).toBe(0));

    const doc = await openDocument(tiff, { pages: '3,1' });
    expect(doc).toMatchObject({ pageCount: 3, selectedPages: [1, 3] });
    const selected = await allPages(doc);
    expect(meanAbsoluteDifference(selected[1]!.image, { data: pages[2]!.rgba, channels: 4 })).toBe(0);
  });

  it('applies EXIF orientation', async () => {
    const page = await textPage('upright', { width: 400, height: 120 });
    const [only] = await allPages(await openDocument(await rotatedJpeg(page)));
    expect(only!.image).toMatchObject({ width: 400, height: 120 });
    expect(meanAbsoluteDifference(only!.image, { data: page.rgba, channels: 4 })).toBeLessThan(4);
  });

  it('flattens black text on a transparent PNG onto white', async () => {
    const page = await textPage('on glass', { width: 300, height: 100, transparent: true });
    const [only] = await allPages(await openDocument(await encodePage(page, 'png')));
    expect(inkFraction(only!.image, page.textBox)).toBeGreaterThan(0.02);
    expect([...only!.image.data.subarray(0, 3)]).toEqual([255, 255, 255]);
  });

  it('checks page count and total pixels against the limits before decoding', async () => {
    const page = await textPage('limits', { width: 100, height: 100 });
    const tiff = await multiPageTiff([page, page, page]);
    const limits = { maxPages: 2, maxPixelsPerPage: 10_000, maxTotalPixels: 25_000 };
    await expect(openDocument(tiff, { limits })).rejects.toMatchObject({ code: 'too_many_pages', status: 413 });
    await expect(openDocument(tiff, { limits: { ...limits, maxPages: 3 } })).rejects.toMatchObject({ code: 'document_too_large', status: 413 });
    expect((await openDocument(tiff, { limits, pages: '1-2' })).selectedPages).toEqual([1, 2]);
    await expect(openDocument(tiff, { pages: '2', limits: { ...limits, maxPixelsPerPage: 3_333 } })).rejects.toMatchObject({ code: 'image_too_large' });
  });

  it('decodes a page over the per-page pixel limit scaled down to it (a large-format scan), EXIF turn and all', async () => {
    const page = await textPage('A0 SHEET 1:50', { width: 400, height: 120 });
    const limits = { maxPages: 10, maxPixelsPerPage: 27_000, maxTotalPixels: 1e9 };
    for (const bytes of [await encodePage(page, 'png'), await rotatedJpeg(page)]) {
      const [only] = await allPages(await openDocument(bytes, { limits }));
      expect(only!.image).toMatchObject({ width: 300, height: 90 });
      expect(only!.scale).toBe(0.75);
      const halved = await sharp(Buffer.from(page.rgba), { raw: { width: 400, height: 120, channels: 4 } }).resize(300, 90).flatten({ background: '#fff' }).removeAlpha().raw().toBuffer();
      expect(meanAbsoluteDifference(only!.image, { data: halved, channels: 3 })).toBeLessThan(6);
    }
  });

  it("makes a fax's pixels square: its squashed rows stretched back, turned or not, scaled to the limit if need be", async () => {
    const page = await textPage('FAX 204x98', { width: 400, height: 200 });
    const upright = { data: page.rgba, channels: 4 as const };
    for (const format of ['tiff', 'png'] as const) {
      const [only] = await allPages(await openDocument(await faxPage(page, format)));
      expect(only!.image, format).toMatchObject({ width: 400, height: 200 });
      expect(only!.scale).toBeUndefined();
      expect(meanAbsoluteDifference(only!.image, upright), format).toBeLessThan(8);
    }
    // Stored turned a quarter (Orientation 6), so its coarse axis runs across the stored rows.
    const turnedFax = await sharp(await faxPage(page, 'tiff'))
      .rotate(-90)
      .withMetadata({ orientation: 6 })
      .tiff({ compression: 'deflate', xres: 98 / 25.4, yres: 204 / 25.4 })
      .toBuffer();
    const [turned] = await allPages(await openDocument(turnedFax));
    expect(turned!.image).toMatchObject({ width: 400, height: 200 });
    expect(meanAbsoluteDifference(turned!.image, upright)).toBeLessThan(8);

    const limits = { maxPages: 10, maxPixelsPerPage: 20_000, maxTotalPixels: 1e9 };
    const [fitted] = await allPages(await openDocument(await faxPage(page, 'tiff'), { limits }));
    expect(fitted!.image).toMatchObject({ width: 200, height: 100 });
    expect(fitted!.scale).toBe(0.5);
  });

  it('has sharp refuse an image over the pixel limit even if the header check were bypassed', async () => {
    const { decodeImage } = await import('./image.ts');
    const png = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#fff' } }).png().toBuffer();
    await expect(decodeImage(png, { maxInputPixels: 39_999 })).rejects.toMatchObject({ code: 'image_too_large' });
  });

  it('decodes a JPEG that lacks only its end marker, whole, and refuses one whose data is cut short', async () => {
    const page = await textPage('M12x1.75-6g', { width: 400, height: 120 });
    const jpeg = await encodePage(page, 'jpeg');
    const [whole] = await allPages(await openDocument(jpeg));
    const [unclosed] = await allPages(await openDocument(jpeg.subarray(0, jpeg.length - 2)));
    expect(unclosed!.image).toEqual(whole!.image);
    for (const cut of [jpeg.length - 40, Math.floor(jpeg.length * 0.9)]) {
      await expect(allPages(await openDocument(jpeg.subarray(0, cut)))).rejects.toMatchObject({ code: 'corrupt_image' });
    }
  });
});
