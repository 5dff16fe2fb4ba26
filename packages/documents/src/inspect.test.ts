import { describe, expect, it } from 'vitest';
import { encodePage, latinTextPdf, multiPageTiff, pngClaiming, textPage, tiffClaiming } from './fixtures/index.ts';
import { inspectUpload } from './inspect.ts';

describe('inspectUpload', () => {
  it('reports the format by content, the first page size, and a misleading extension', async () => {
    const page = await textPage('inspect', { width: 300, height: 100 });
    const jpeg = await encodePage(page, 'jpeg');
    expect(inspectUpload(jpeg, 'scan.jpg')).toEqual({ format: 'jpeg', width: 300, height: 100 });
    expect(inspectUpload(jpeg, 'scan.png')).toMatchObject({ format: 'jpeg', extensionMismatch: expect.stringContaining('.png') });
    expect(inspectUpload(await multiPageTiff([page, page]), undefined)).toEqual({ format: 'tiff', width: 300, height: 100 });
    expect(inspectUpload(latinTextPdf(2), 'a.pdf')).toEqual({ format: 'pdf' });
  });

  // inspectUpload is synchronous: it cannot have handed the bytes to a decoder.
  it('refuses a bomb from its header alone, under the caller’s limits', () => {
    expect(() => inspectUpload(pngClaiming(50_000, 50_000), 'bomb.png')).toThrow(
      expect.objectContaining({ code: 'image_too_large', status: 413 }),
    );
    const limits = { maxPages: 10, maxPixelsPerPage: 2_500, maxTotalPixels: 1e9 };
    // Up to three pages' worth: a larger scan is decoded scaled down to one page.
    expect(() => inspectUpload(pngClaiming(150, 50), 'a.png', limits)).not.toThrow();
    expect(() => inspectUpload(pngClaiming(151, 50), 'a.png', limits)).toThrow(expect.objectContaining({ code: 'image_too_large' }));
    expect(() => inspectUpload(tiffClaiming([{ width: 10, height: 10 }, { width: 100, height: 100 }]), 'a.tif', limits)).toThrow(
      expect.objectContaining({ code: 'image_too_large', message: expect.stringMatching(/^Page 2 /) }),
    );
  });
});
