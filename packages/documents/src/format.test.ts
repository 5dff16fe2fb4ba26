import { describe, expect, it } from 'vitest';
import { DocumentError } from './errors.ts';
import { encodeJpeg2000, encodePage, bmpPage, heicLabel, latinTextPdf, textPage, multiPageTiff } from './fixtures/index.ts';
import { requireFormat, sniffFormat } from './format.ts';

describe('sniffFormat', () => {
  it('tells every supported format by its content', async () => {
    const page = await textPage('sniff');
    expect(sniffFormat(await encodePage(page, 'png'))).toBe('png');
    expect(sniffFormat(await encodePage(page, 'jpeg'))).toBe('jpeg');
    expect(sniffFormat(await encodePage(page, 'webp'))).toBe('webp');
    expect(sniffFormat(await encodePage(page, 'gif'))).toBe('gif');
    expect(sniffFormat(Buffer.from('GIF87a', 'latin1'))).toBe('gif');
    expect(sniffFormat(await multiPageTiff([page]))).toBe('tiff');
    expect(sniffFormat(bmpPage(page, { bitsPerPixel: 24, topDown: false }))).toBe('bmp');
    expect(sniffFormat(latinTextPdf(1))).toBe('pdf');
    expect(sniffFormat(await encodePage(page, 'avif'))).toBe('avif');
    // AVIF as a compatible brand beside another major one.
    expect(sniffFormat(Buffer.from('\0\0\0\x1cftypmif1\0\0\0\0mif1miafavif', 'latin1'))).toBe('avif');
    expect(sniffFormat(await encodeJpeg2000(page, 'jp2'))).toBe('jp2');
    expect(sniffFormat(await encodeJpeg2000(page, 'j2k'))).toBe('jp2');
    expect(sniffFormat(heicLabel.bytes())).toBe('heic');
    // HEIC as a phone writes it (mif1 major, heic compatible), and as HEIF's codec-neutral brand alone.
    expect(sniffFormat(Buffer.from('\0\0\0\x1cftypmif1\0\0\0\0mif1miafheic', 'latin1'))).toBe('heic');
    expect(sniffFormat(Buffer.from('\0\0\0\x14ftypmif1\0\0\0\0mif1', 'latin1'))).toBe('heic');
  });

  it('reads big-endian TIFF and a PDF header after leading junk', () => {
    expect(sniffFormat(Buffer.from('MM\0*\0\0\0\x08', 'latin1'))).toBe('tiff');
    expect(sniffFormat(Buffer.from('\r\n\r\n%PDF-1.4\n', 'latin1'))).toBe('pdf');
  });

  it('reads a PDF without its header whose body opens with an object', () => {
    expect(sniffFormat(Buffer.from('%\xe2\xe3\xcf\xd3\n1 0 obj \n<< /Type /Catalog >>', 'latin1'))).toBe('pdf');
    expect(sniffFormat(Buffer.from('1 0 obj<</Type/Catalog>>', 'latin1'))).toBe('pdf');
    expect(sniffFormat(Buffer.from('% notes\nsee 1 0 obj', 'latin1'))).toBeNull();
  });

  it('returns null for other content, however it is named', () => {
    expect(sniffFormat(new Uint8Array())).toBeNull();
    expect(sniffFormat(Buffer.from('GIF90a'))).toBeNull();
    // An MP4 video: an ISO-BMFF file of neither HEIF's brands nor AVIF's.
    expect(sniffFormat(Buffer.from('\0\0\0\x18ftypisom\0\0\x02\0isomiso2', 'latin1'))).toBeNull();
    expect(sniffFormat(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
    // "BM" is too common in text to trust without a real DIB header size.
    expect(sniffFormat(Buffer.from('BM is not enough of a signature'))).toBeNull();
  });
});

describe('requireFormat', () => {
  it('refuses empty files with 400 and unknown formats with 415', () => {
    expect(() => requireFormat(new Uint8Array())).toThrow(DocumentError);
    expect(() => requireFormat(new Uint8Array())).toThrow(expect.objectContaining({ code: 'empty_file', status: 400 }));
    expect(() => requireFormat(Buffer.from('hello'))).toThrow(expect.objectContaining({ code: 'unsupported_format', status: 415 }));
  });
});
