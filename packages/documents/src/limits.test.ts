import { describe, expect, it } from 'vitest';
import { checkImagePixels, checkLimits, checkPageCount, checkTotalPixels, defaultDocumentLimits, fitToPage } from './limits.ts';

const limits = { maxPages: 2, maxPixelsPerPage: 100, maxTotalPixels: 150 };

describe('limits', () => {
  it('takes images decoded in bands up to three pages of pixels, others up to one, and refuses larger ones as image_too_large (413)', () => {
    expect(() => checkImagePixels({ width: 30, height: 10, inBands: true }, limits)).not.toThrow();
    expect(() => checkImagePixels({ width: 31, height: 10, inBands: true }, limits, 3)).toThrow(
      expect.objectContaining({ code: 'image_too_large', status: 413, message: expect.stringMatching(/^Page 3 is 31 × 10 pixels .* limit of 300 pixels/) }),
    );
    expect(() => checkImagePixels({ width: 10, height: 10, inBands: false }, limits)).not.toThrow();
    expect(() => checkImagePixels({ width: 11, height: 10, inBands: false }, limits)).toThrow(
      expect.objectContaining({ code: 'image_too_large', message: expect.stringContaining('decoded whole') }),
    );
  });

  it('scales a page over the pixel limit down to it, keeping its aspect', () => {
    const page = { width: 10, height: 10 };
    expect(fitToPage(page, limits)).toBe(page);
    const fitted = fitToPage({ width: 300, height: 100 }, limits);
    expect(fitted).toEqual({ width: 17, height: 5 });
    expect(fitted.width * fitted.height).toBeLessThanOrEqual(limits.maxPixelsPerPage);
    expect(fitToPage({ width: 100_000, height: 1 }, limits)).toEqual({ width: 100, height: 1 });
  });

  it('refuses too many pages (413) and too many pixels in all (413)', () => {
    expect(() => checkPageCount(3, limits)).toThrow(expect.objectContaining({ code: 'too_many_pages', status: 413 }));
    expect(() => checkTotalPixels([{ width: 10, height: 10 }, { width: 10, height: 6 }], limits)).toThrow(
      expect.objectContaining({ code: 'document_too_large', status: 413 }),
    );
    expect(() => checkTotalPixels([{ width: 10, height: 10 }, { width: 10, height: 5 }], limits)).not.toThrow();
  });

  it('refuses limits that would switch a check off', () => {
    expect(checkLimits(defaultDocumentLimits)).toBe(defaultDocumentLimits);
    expect(() => checkLimits({ ...limits, maxPages: 0 })).toThrow(expect.objectContaining({ code: 'invalid_limits' }));
    expect(() => checkLimits({ ...limits, maxTotalPixels: Number.NaN })).toThrow(expect.objectContaining({ code: 'invalid_limits' }));
  });
});
