import { DocumentError } from './errors.ts';

/** Hard limits on what one document may cost to decode. */
export interface DocumentLimits {
  /** Pages processed per document (after the page selection). */
  maxPages: number;
  /** Pixels of one page; an image header claiming more is refused before decoding (a bomb). */
  maxPixelsPerPage: number;
  /** Pixels summed over the processed pages. */
  maxTotalPixels: number;
}

/**
 * 100 Mpx per page takes a 10,000 × 10,000 scan or an A0 drawing at 200 dpi (62 Mpx);
 * 1,000 pages of A4 at 200 dpi are 3.9 Gpx in all.
 */
export const defaultDocumentLimits: DocumentLimits = Object.freeze({
  maxPages: 1000,
  maxPixelsPerPage: 100_000_000,
  maxTotalPixels: 4_000_000_000,
});

export interface PageSize {
  width: number;
  height: number;
}

/** Refuses settings that would disable a check: zero, negative, NaN, infinite, or under `least`. */
export function checkPositive(what: string, values: object, least = Number.MIN_VALUE): void {
  for (const [name, value] of Object.entries(values)) {
    if (!Number.isFinite(value) || value < least) {
      throw new DocumentError('invalid_limits', `${what} ${name} must be a positive number, got ${value}.`);
    }
  }
}

/** Refuses limits that would disable a check. */
export function checkLimits(limits: DocumentLimits): DocumentLimits {
  checkPositive('Document limit', limits, 1);
  return limits;
}

/** Throws image_too_large when one page would exceed the per-page pixel limit. */
export function checkPagePixels(size: PageSize, limits: DocumentLimits, page?: number): void {
  const pixels = size.width * size.height;
  if (pixels > limits.maxPixelsPerPage) {
    const where = page === undefined ? 'The image' : `Page ${page}`;
    throw new DocumentError(
      'image_too_large',
      `${where} is ${size.width} × ${size.height} pixels (${pixels.toLocaleString('en')}), ` +
        `over the limit of ${limits.maxPixelsPerPage.toLocaleString('en')} pixels per page.`,
    );
  }
}

/** Throws too_many_pages when more pages are selected than the limit allows. */
export function checkPageCount(count: number, limits: DocumentLimits): void {
  if (count > limits.maxPages) {
    throw new DocumentError(
      'too_many_pages',
      `The document has ${count} pages to process, over the limit of ${limits.maxPages}; ` +
        'select fewer pages with the pages option.',
    );
  }
}

/** Throws document_too_large when the pages to process hold more pixels than the limit. */
export function checkTotalPixels(sizes: readonly PageSize[], limits: DocumentLimits): void {
  const total = sizes.reduce((sum, s) => sum + s.width * s.height, 0);
  if (total > limits.maxTotalPixels) {
    throw new DocumentError(
      'document_too_large',
      `The selected pages hold ${total.toLocaleString('en')} pixels, over the limit of ` +
        `${limits.maxTotalPixels.toLocaleString('en')}; select fewer pages or a lower dpi.`,
    );
  }
}
