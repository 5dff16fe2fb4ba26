import { DocumentError } from './errors.ts';
import type { ImagePage } from './image-header.ts';

/** Hard limits on what one document may cost to decode. */
export interface DocumentLimits {
  /** Pages processed per document (after the page selection). */
  maxPages: number;
  /** Pixels a page is processed at: larger pages are scaled down to it (see SCAN_PIXELS_FACTOR for what is refused). */
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

/**
 * A scanned sheet may hold more pixels than one page may: an A0 drawing at 400 dpi is 234 MP
 * (~25 s and ~3 GB to decode inside a PDF, far less through libvips). Images inside PDFs, and
 * image files that decode in bands, may hold up to three pages' worth and are scaled down to the
 * per-page limit; a header claiming more (a few hundred bytes can state 50,000 × 50,000) is
 * refused before decoding.
 */
export const SCAN_PIXELS_FACTOR = 3;

/** The most pixels an image (a file, or one embedded in a PDF) may hold before decoding. */
export function maxScanPixels(limits: DocumentLimits): number {
  return limits.maxPixelsPerPage * SCAN_PIXELS_FACTOR;
}

/** The most pixels an image page may hold: three pages' worth where it decodes in bands, else one page. */
export function maxImagePixels(page: ImagePage, limits: DocumentLimits): number {
  return page.inBands ? maxScanPixels(limits) : limits.maxPixelsPerPage;
}

/** Throws image_too_large when an image file's page holds more pixels than may be decoded at all. */
export function checkImagePixels(size: ImagePage, limits: DocumentLimits, page?: number): void {
  const pixels = size.width * size.height;
  const most = maxImagePixels(size, limits);
  if (pixels > most) {
    const where = page === undefined ? 'The image' : `Page ${page}`;
    const why = size.inBands
      ? `${SCAN_PIXELS_FACTOR} pages' worth; up to that, images are scaled down to ${limits.maxPixelsPerPage.toLocaleString('en')} pixels per page`
      : 'one page: this encoding (interlaced PNG, progressive JPEG, GIF, WebP, AVIF, HEIC, BMP) is decoded whole before it can be scaled; ' +
        `a sequential JPEG, a plain PNG, a TIFF or a JPEG 2000 may hold ${SCAN_PIXELS_FACTOR} pages' worth`;
    throw new DocumentError(
      'image_too_large',
      `${where} is ${size.width.toLocaleString('en')} × ${size.height.toLocaleString('en')} pixels (${pixels.toLocaleString('en')}), ` +
        `over the limit of ${most.toLocaleString('en')} pixels (${why}).`,
    );
  }
}

/** The factor (at most 1) that brings a page of `width` × `height` pixels within the per-page limit. */
export function pageFit(width: number, height: number, limits: DocumentLimits): number {
  return Math.min(1, Math.sqrt(limits.maxPixelsPerPage / (width * height)));
}

/** The size a page is processed at: its own, or scaled down to the per-page pixel limit, aspect kept. */
export function fitToPage(size: PageSize, limits: DocumentLimits): PageSize {
  const scale = pageFit(size.width, size.height, limits);
  if (scale === 1) return size;
  const width = Math.max(1, Math.floor(size.width * scale));
  const height = Math.max(1, Math.floor(size.height * scale));
  // A sliver keeps its one pixel across; the other side takes what is left of the limit.
  if (height === 1) return { width: Math.min(size.width, limits.maxPixelsPerPage), height };
  if (width === 1) return { width, height: Math.min(size.height, limits.maxPixelsPerPage) };
  return { width, height };
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
