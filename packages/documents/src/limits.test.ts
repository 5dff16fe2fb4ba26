import { describe, expect, it } from 'vitest';
import { checkLimits, checkPageCount, checkPagePixels, checkTotalPixels, defaultDocumentLimits } from './limits.ts';

const limits = { maxPages: 2, maxPixelsPerPage: 100, maxTotalPixels: 150 };

describe('limits', () => {
  it('refuses a page over the pixel limit as image_too_large (413)', () => {
    expect(() => checkPagePixels({ width: 10, height: 10 }, limits)).not.toThrow();
    expect(() => checkPagePixels({ width: 11, height: 10 }, limits, 3)).toThrow(
      expect.objectContaining({ code: 'image_too_large', status: 413, message: expect.stringMatching(/^Page 3 /) }),
    );
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
