import type { PageImage } from '@ocr/contracts';
import { decodeBmp } from './bmp.ts';
import type { DocumentOptions, OpenedDocument } from './document.ts';
import type { DocumentFormat } from './format.ts';
import { decodeImage } from './image.ts';
import { readImageHeader } from './image-header.ts';
import { checkPageCount, checkPagePixels, checkTotalPixels, defaultDocumentLimits } from './limits.ts';
import { parsePageSelection } from './page-range.ts';

/**
 * Opens an image file as a document: one page, or one per TIFF directory. Every page's size
 * comes from the header and is checked against the limits before any pixel is decoded.
 */
export function openRasterDocument(
  bytes: Uint8Array,
  format: Exclude<DocumentFormat, 'pdf'>,
  options: DocumentOptions = {},
): OpenedDocument {
  const limits = options.limits ?? defaultDocumentLimits;
  const sizes = readImageHeader(bytes, format);
  const selectedPages = parsePageSelection(options.pages ?? '')(sizes.length);
  checkPageCount(selectedPages.length, limits);
  const selectedSizes = selectedPages.map((page) => sizes[page - 1]!);
  selectedSizes.forEach((size, i) => checkPagePixels(size, limits, sizes.length > 1 ? selectedPages[i] : undefined));
  checkTotalPixels(selectedSizes, limits);

  const decode = (page: number): Promise<PageImage> | PageImage =>
    format === 'bmp' ? decodeBmp(bytes) : decodeImage(bytes, page - 1, limits.maxPixelsPerPage);

  return {
    format,
    pageCount: sizes.length,
    selectedPages,
    async *pageImages() {
      for (const page of selectedPages) yield { page, image: await decode(page) };
    },
    close: async () => {},
  };
}
