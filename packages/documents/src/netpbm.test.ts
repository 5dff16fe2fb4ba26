import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderPage } from '@ocr/testkit';
import { extensionMismatch } from './filename.ts';
import { allPages } from './fixtures/index.ts';
import { requireFormat, sniffFormat } from './format.ts';
import { readImageHeader } from './image-header.ts';
import { inspectUpload } from './inspect.ts';
import { decodeNetpbm, readNetpbmHeader } from './netpbm.ts';
import { openDocument } from './open.ts';

/** A Netpbm file: its header as text, then its samples as bytes (binary kinds) or text (ASCII kinds). */
const pnm = (header: string, data: number[] | string = []): Buffer =>
  Buffer.concat([Buffer.from(header, 'latin1'), typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data)]);

// A 3 × 2 test card: black, white, black over white, black, white (bitmaps); greys and primaries (PGM, PPM).
const K = [0, 0, 0];
const W = [255, 255, 255];
const CHECKER = [...K, ...W, ...K, ...W, ...K, ...W];
const GREYS = [0, 128, 255, 10, 20, 30];
const PRIMARIES = [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0, 0, 255, 255, 12, 34, 56];
const grey = (values: number[]): number[] => values.flatMap((v) => [v, v, v]);
const rgbOf = (bytes: Uint8Array) => {
  const image = decodeNetpbm(bytes);
  return { width: image.width, height: image.height, channels: image.channels, rgb: [...image.data] };
};

describe('decodeNetpbm', () => {
  it.each([
    ['P1, digits apart', pnm('P1\n3 2\n1 0 1\n0 1 0\n'), CHECKER],
    ['P1, digits run together', pnm('P1 3 2 101010'), CHECKER],
    ['P2', pnm('P2\n3 2\n255\n', '0 128 255\n10 20 30\n'), grey(GREYS)],
    ['P3', pnm('P3\n3 2\n255\n', PRIMARIES.join(' ')), PRIMARIES],
    // Rows padded to a byte; the padding bits are set, and must not show.
    ['P4', pnm('P4\n3 2\n', [0b1011_1111, 0b0101_1111]), CHECKER],
    ['P5', pnm('P5\n3 2\n255\n', GREYS), grey(GREYS)],
    ['P6', pnm('P6\n3 2\n255\n', PRIMARIES), PRIMARIES],
  ])('decodes %s to the exact RGB pixels', (_, bytes, rgb) => {
    expect(rgbOf(bytes)).toEqual({ width: 3, height: 2, channels: 3, rgb });
  });

  it('reads P4 rows whose width is not a multiple of 8, each padded to whole bytes', () => {
    // 10 pixels a row: two bytes, the last six bits padding. Row 1: 1000000001, row 2: 0111111110.
    const image = rgbOf(pnm('P4 10 2\n', [0b1000_0000, 0b0111_1111, 0b0111_1111, 0b1000_0000]));
    const bits = [1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0];
    expect(image).toEqual({ width: 10, height: 2, channels: 3, rgb: bits.flatMap((bit) => (bit ? K : W)) });
  });

  it('skips comments between header tokens, and one after maxval that ends the header', () => {
    const header = 'P5 # made by scanimage\n3# width\n  2 #height\n# maxval next\n255# last\n';
    expect(readNetpbmHeader(pnm(header))).toEqual({ kind: 5, width: 3, height: 2, maxval: 255, dataOffset: header.length });
    expect(rgbOf(pnm(header, GREYS)).rgb).toEqual(grey(GREYS));
    // A data byte that looks like whitespace or "#" right after the header's one whitespace byte is data.
    expect(rgbOf(pnm('P5 3 1 255\n', [0x0a, 0x23, 0x20])).rgb).toEqual(grey([0x0a, 0x23, 0x20]));
  });

  it('scales samples of maxval 15 to 0..255, rounded', () => {
    // 7 × 255 / 15 = 119; 8 × 255 / 15 = 136.
    const expected = grey([0, 119, 136, 255, 17, 34]);
    expect(rgbOf(pnm('P2 3 2 15\n', '0 7 8 15 1 2')).rgb).toEqual(expected);
    expect(rgbOf(pnm('P5 3 2 15\n', [0, 7, 8, 15, 1, 2])).rgb).toEqual(expected);
  });

  it('reads 16-bit samples big-endian when maxval is over 255', () => {
    // 0x8000 × 255 / 65535 = 127.502 → 128; 0x0101 = 257 → 1.0 → 1; 0x00ff = 255 → 0.99 → 1.
    const samples = [0x0000, 0x8000, 0xffff, 0x0101, 0x00ff, 0x7f00];
    const bytes = samples.flatMap((s) => [s >> 8, s & 0xff]);
    const expected = grey([0, 128, 255, 1, 1, Math.round((0x7f00 * 255) / 65535)]);
    expect(rgbOf(pnm('P5 3 2 65535\n', bytes)).rgb).toEqual(expected);
    expect(rgbOf(pnm('P2 3 2 65535\n', samples.join(' '))).rgb).toEqual(expected);
    const colour = rgbOf(pnm('P6 1 1 65535\n', [0xff, 0xff, 0x80, 0x00, 0x00, 0x00]));
    expect(colour.rgb).toEqual([255, 128, 0]);
  });

  it('reads only the first image of a file that holds several', () => {
    const second = pnm('P5 2 2 255\n', [9, 9, 9, 9]);
    expect(rgbOf(Buffer.concat([pnm('P5 3 2 255\n', GREYS), second]))).toEqual({ width: 3, height: 2, channels: 3, rgb: grey(GREYS) });
    expect(rgbOf(Buffer.concat([pnm('P1 3 2 101010\n'), second])).rgb).toEqual(CHECKER);
  });

  it.each([
    ['binary data cut short', pnm('P5 3 2 255\n', GREYS.slice(0, 5)), 'its data holds 5 bytes of the 6 its size needs'],
    ['16-bit data cut short', pnm('P5 3 2 1000\n', GREYS), 'its data holds 6 bytes of the 12 its size needs'],
    ['bitmap rows cut short', pnm('P4 10 2\n', [0, 0, 0]), 'its data holds 3 bytes of the 4 its size needs'],
    ['no data at all', pnm('P6 3 2 255\n'), 'its data holds 0 bytes of the 18 its size needs'],
    ['ASCII samples cut short', pnm('P2 3 2 255\n', '1 2 3 4 5    '), 'its data ends after 5 of 6 samples'],
    ['a bitmap too short for its size', pnm('P1 3 2\n', '1 0'), 'its data is too short for a 3 × 2 image'],
    ['header cut short before maxval', pnm('P5 3 2'), 'its header is cut short before the maxval'],
    ['header ending at its last number', pnm('P5 3 2 255'), 'its header is cut short after the last number'],
    ['width 0', pnm('P5 0 2 255\n'), 'its header gives a 0 × 2 size'],
    ['height 0', pnm('P1 3 0\n'), 'its header gives a 3 × 0 size'],
    ['maxval 0', pnm('P5 3 2 0\n', GREYS), 'its maxval is 0, not 1 to 65535'],
    ['maxval over 65535', pnm('P5 3 2 65536\n', GREYS), 'its maxval is 65536, not 1 to 65535'],
    ['a non-numeric ASCII sample', pnm('P2 3 2 255\n', '1 2 x 4 5 6'), 'sample 3 is not a number'],
    ['a sample running into a letter', pnm('P3 1 1 255\n', '1 2 3px'), 'sample 3 is not a number'],
    ['a bitmap digit that is not 0 or 1', pnm('P1 3 2\n', '1 0 1 0 2 0'), 'sample 5 is not 0 or 1'],
  ])('refuses %s as corrupt_image', (_, bytes, reason) => {
    expect(() => decodeNetpbm(bytes)).toThrow(
      expect.objectContaining({ code: 'corrupt_image', status: 422, message: `The PNM image cannot be decoded (it may be truncated or damaged): ${reason}` }),
    );
  });

  it('refuses a header whose size is too large to be real without reading on', () => {
    const bytes = pnm(`P5 ${'9'.repeat(400)} 2 255\n`, GREYS);
    expect(() => decodeNetpbm(bytes)).toThrow(expect.objectContaining({ code: 'corrupt_image', message: expect.stringContaining('a size too large to be real') }));
  });
});

describe('PNM as an upload', () => {
  it('is sniffed from P1–P6, a separator and a numeric width and height', () => {
    for (const file of ['P1 3 2\n101010', 'P2\n3 2\n255\n', 'P3\t3 2 255 ', 'P4\r\n3 2\n', 'P5#c\n3 2 255\n', 'P6 3 2 255\n']) {
      expect(sniffFormat(Buffer.from(file, 'latin1')), JSON.stringify(file)).toBe('pnm');
    }
  });

  it('takes text that starts like a magic number for what it is: not an image', () => {
    for (const text of ['P1 hello', 'P2 10 x 20', 'P1\n', 'P3 12px 40px', 'P5 640', 'P6x 3 2 255', 'P8 3 2 255', 'P0 3 2']) {
      expect(sniffFormat(Buffer.from(text, 'latin1')), text).toBeNull();
    }
    expect(() => requireFormat(Buffer.from('P1 hello, this is a note'))).toThrow(expect.objectContaining({ code: 'unsupported_format', status: 415 }));
  });

  it('refuses PAM (P7) as unsupported, saying to convert it to PNG', () => {
    const pam = pnm('P7\nWIDTH 3\nHEIGHT 2\nDEPTH 1\nMAXVAL 255\nTUPLTYPE GRAYSCALE\nENDHDR\n', GREYS);
    expect(sniffFormat(pam)).toBeNull();
    expect(() => requireFormat(pam)).toThrow(expect.objectContaining({ code: 'unsupported_format', message: expect.stringContaining('convert it to PNG') }));
  });

  it('gives the one page’s size from the header, before decoding, and refuses a header cut short', () => {
    const header = 'P6 # a comment\n2480 3508\n255\n';
    // Only the header: the size is read without any pixel data.
    expect(readImageHeader(pnm(header), 'pnm')).toEqual([{ width: 2480, height: 3508, inBands: false }]);
    expect(readImageHeader(pnm('P4 10 2\n'), 'pnm')).toEqual([{ width: 10, height: 2, inBands: false }]);
    expect(() => readImageHeader(pnm('P5 3'), 'pnm')).toThrow(expect.objectContaining({ code: 'corrupt_image' }));
    expect(inspectUpload(pnm('P5 3 2 255\n', GREYS), 'scan.pgm')).toEqual({ format: 'pnm', width: 3, height: 2 });
  });

  it('knows .pbm, .pgm, .ppm and .pnm as PNM names', () => {
    for (const name of ['scan.pbm', 'scan.PGM', 'scan.ppm', 'scan.pnm']) expect(extensionMismatch(name, 'pnm'), name).toBeUndefined();
    expect(extensionMismatch('scan.pgm', 'png')).toContain('.pgm');
  });

  it('refuses a page over the per-page limit before decoding, as for other formats decoded whole', async () => {
    const limits = { maxPages: 1, maxPixelsPerPage: 5, maxTotalPixels: 5 };
    const bytes = pnm('P5 3 2 255\n', GREYS);
    expect(() => inspectUpload(bytes, 'scan.pgm', limits)).toThrow(expect.objectContaining({ code: 'image_too_large' }));
    await expect(openDocument(bytes, { limits })).rejects.toMatchObject({ code: 'image_too_large' });
  });
});

describe('openDocument on a scanned page as PGM and PBM', () => {
  /** A rendered page of text as 8-bit grey, decoded by sharp. */
  async function greyPage(): Promise<{ width: number; height: number; grey: Buffer }> {
    const png = renderPage({ width: 421, height: 150, blocks: [{ x: 30, y: 40, text: 'Ø20 H7 技术要求', fontSize: 40 }] });
    const { data, info } = await sharp(png).flatten({ background: '#ffffff' }).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(1);
    return { width: info.width, height: info.height, grey: data };
  }

  it('reads P5 to the exact grey of the source, as RGB', async () => {
    const { width, height, grey } = await greyPage();
    // Anti-aliased text: many greys, not only black and white.
    expect(new Set(grey).size).toBeGreaterThan(16);
    const doc = await openDocument(pnm(`P5\n# SANE data follows\n${width} ${height}\n255\n`, [...grey]));
    expect(doc).toMatchObject({ format: 'pnm', pageCount: 1, selectedPages: [1] });
    const [only] = await allPages(doc);
    expect(only!.image).toMatchObject({ width: 421, height: 150, channels: 3 });
    expect(only!.scale).toBeUndefined();
    expect(Buffer.from(only!.image.data).equals(Buffer.from([...grey].flatMap((v) => [v, v, v])))).toBe(true);
  });

  it('reads P4, thresholded at mid-grey, to black where the source is darker and white elsewhere', async () => {
    const { width, height, grey } = await greyPage();
    const rowBytes = Math.ceil(width / 8);
    const packed = new Uint8Array(rowBytes * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const at = y * rowBytes + (x >> 3);
        if (grey[y * width + x]! < 128) packed[at] = packed[at]! | (0x80 >> (x & 7));
      }
    }
    const [only] = await allPages(await openDocument(pnm(`P4\n${width} ${height}\n`, [...packed])));
    expect(only!.image).toMatchObject({ width: 421, height: 150, channels: 3 });
    const expected = [...grey].flatMap((v) => (v < 128 ? K : W));
    expect(Buffer.from(only!.image.data).equals(Buffer.from(expected))).toBe(true);
    // The text is there: some ink, and not a blank or a black page.
    const ink = expected.filter((v) => v === 0).length / expected.length;
    expect(ink).toBeGreaterThan(0.01);
    expect(ink).toBeLessThan(0.5);
  });
});
