import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { allPages, bmpPage, encodeJpeg2000, encodePage, faxPage, heicLabel, multiPageTiff, textPage, turnedHeif } from './fixtures/index.ts';
import { readImageHeader } from './image-header.ts';
import { openDocument } from './open.ts';

describe('readImageHeader', () => {
  it('reads the size sharp reports, from the header alone, for every image format', async () => {
    const page = await textPage('header', { width: 321, height: 123 });
    const files = {
      png: await encodePage(page, 'png'),
      jpeg: await encodePage(page, 'jpeg'),
      webp: await encodePage(page, 'webp'),
      gif: await encodePage(page, 'gif'),
      tiff: await multiPageTiff([page]),
      avif: await encodePage(page, 'avif'),
    };
    for (const [format, bytes] of Object.entries(files)) {
      const { width, height } = await sharp(bytes).metadata();
      expect(readImageHeader(bytes, format as keyof typeof files), format).toMatchObject([{ width, height }]);
    }
    // Lossy (VP8), lossless (VP8L) and lossy-with-alpha (VP8X) WebP each have a header of their own.
    const transparent = await textPage('alpha', { width: 321, height: 123, transparent: true });
    const webps = {
      'VP8 ': files.webp,
      VP8L: await sharp(page.rgba, { raw: { width: 321, height: 123, channels: 4 } }).webp({ lossless: true }).toBuffer(),
      VP8X: await encodePage(transparent, 'webp'),
    };
    for (const [chunk, bytes] of Object.entries(webps)) {
      expect(bytes.toString('latin1', 12, 16)).toBe(chunk);
      expect(readImageHeader(bytes, 'webp'), chunk).toMatchObject([{ width: 321, height: 123 }]);
    }
    for (const topDown of [false, true]) {
      expect(readImageHeader(bmpPage(page, { bitsPerPixel: 24, topDown }), 'bmp')).toMatchObject([{ width: 321, height: 123 }]);
    }
  });

  it('reads an AVIF grid image at its whole size, not a tile’s, and refuses one whose boxes are cut short', async () => {
    const box = (type: string, ...content: Buffer[]) => {
      const body = Buffer.concat(content);
      const header = Buffer.alloc(8);
      header.writeUInt32BE(8 + body.length);
      header.write(type, 4, 'latin1');
      return Buffer.concat([header, body]);
    };
    const ispe = (width: number, height: number) => {
      const body = Buffer.alloc(12);
      body.writeUInt32BE(width, 4);
      body.writeUInt32BE(height, 8);
      return box('ispe', body);
    };
    // A grid item of 2048 × 1024 made of 512 × 512 tiles: the properties list the tile's size first.
    const grid = Buffer.concat([
      box('ftyp', Buffer.from('avif\0\0\0\0avifmif1', 'latin1')),
      box('meta', Buffer.alloc(4), box('hdlr', Buffer.alloc(24)), box('iprp', box('ipco', ispe(512, 512), ispe(2048, 1024)))),
    ]);
    expect(readImageHeader(grid, 'avif')).toEqual([{ width: 2048, height: 1024, inBands: false }]);
    const real = await encodePage(await textPage('avif', { width: 300, height: 100 }), 'avif');
    expect(() => readImageHeader(real.subarray(0, 60), 'avif')).toThrow(expect.objectContaining({ code: 'corrupt_image' }));
  });

  it('reads an HEIC photo’s size from its ispe, before any turn', () => {
    const size = [{ width: heicLabel.width, height: heicLabel.height, inBands: false }];
    expect(readImageHeader(heicLabel.bytes(), 'heic')).toEqual(size);
    expect(readImageHeader(turnedHeif(heicLabel.bytes(), 1), 'heic')).toEqual(size);
    expect(() => readImageHeader(heicLabel.bytes().subarray(0, 100), 'heic')).toThrow(expect.objectContaining({ code: 'corrupt_image', message: expect.stringMatching(/HEIC/) }));
  });

  it('reads a JPEG 2000 image’s size from its codestream’s SIZ marker, in a JP2 file or bare', async () => {
    const page = await textPage('jp2', { width: 321, height: 123 });
    for (const container of ['jp2', 'j2k'] as const) {
      const bytes = await encodeJpeg2000(page, container);
      expect(readImageHeader(bytes, 'jp2'), container).toEqual([{ width: 321, height: 123, inBands: true }]);
      expect(() => readImageHeader(bytes.subarray(0, 20), 'jp2'), container).toThrow(expect.objectContaining({ code: 'corrupt_image' }));
    }
  });

  it('gives one size per TIFF page', async () => {
    const a = await textPage('a', { width: 200, height: 100 });
    expect(readImageHeader(await multiPageTiff([a, a, a]), 'tiff')).toEqual(Array(3).fill({ width: 200, height: 100, inBands: true }));
  });

  it('skips extraneous bytes before a JPEG marker, as libjpeg does, and the image decodes', async () => {
    const jpeg = await encodePage(await textPage('junk', { width: 160, height: 60 }), 'jpeg');
    // Five stray bytes after the first segment, as a segment whose stated length falls short leaves them.
    const end = 4 + jpeg.readUInt16BE(4);
    const junk = Buffer.concat([jpeg.subarray(0, end), Buffer.from([1, 2, 3, 4, 5]), jpeg.subarray(end)]);
    expect(readImageHeader(junk, 'jpeg')).toEqual([{ width: 160, height: 60, inBands: true }]);
    const [only] = await allPages(await openDocument(junk));
    expect(only!.image).toMatchObject({ width: 160, height: 60, channels: 3 });
  });

  it('skips JPEG segments and fill bytes before the frame header', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 4, 1, 2, 0xff, 0xff, 0xc2, 0, 11, 8, 0, 7, 0, 9, 1, 1, 0x11, 0]);
    expect(readImageHeader(jpeg, 'jpeg')).toEqual([{ width: 9, height: 7, inBands: false }]);
  });

  it('tells the encodings decoded in bands (scaled cheaply) from those decoded whole first', async () => {
    const page = await textPage('bands', { width: 200, height: 100 });
    const image = () => sharp(page.rgba, { raw: { width: 200, height: 100, channels: 4 } });
    const inBands = (bytes: Buffer, format: 'png' | 'jpeg') => readImageHeader(bytes, format)[0]!.inBands;
    expect(inBands(await image().png().toBuffer(), 'png')).toBe(true);
    expect(inBands(await image().png({ progressive: true }).toBuffer(), 'png')).toBe(false);
    expect(inBands(await image().jpeg().toBuffer(), 'jpeg')).toBe(true);
    expect(inBands(await image().jpeg({ progressive: true }).toBuffer(), 'jpeg')).toBe(false);
    expect(readImageHeader(await encodePage(page, 'gif'), 'gif')[0]!.inBands).toBe(false);
  });

  it('gives how tall a pixel is where a TIFF or PNG states two resolutions (a fax), and nothing for square pixels', async () => {
    const page = await textPage('fax', { width: 400, height: 200 });
    for (const format of ['tiff', 'png'] as const) {
      const [standard] = readImageHeader(await faxPage(page, format), format);
      expect(standard, format).toMatchObject({ width: 400, height: 96 });
      expect(standard!.pixelAspect, format).toBeCloseTo(204 / 98, 2);
      expect(readImageHeader(await faxPage(page, format, 204, 196), format)[0]!.pixelAspect, `${format} fine mode`).toBeUndefined();
      expect(readImageHeader(await faxPage(page, format, 300, 3), format)[0]!.pixelAspect, `${format} unbelievable`).toBeUndefined();
      expect(readImageHeader(await encodePage(page, format), format)[0]!.pixelAspect, `${format} plain`).toBeUndefined();
    }
    expect(readImageHeader(await faxPage(page, 'tiff'), 'tiff')[0]!.turned).toBe(false);
  });
});

