import type { PageImage } from '@ocr/contracts';
import { decodeBmp } from './bmp.ts';
import type { DocumentOptions, OpenedDocument } from './document.ts';
import type { DocumentFormat } from './format.ts';
import { decodeImage } from './image.ts';
import { readImageHeader } from './image-header.ts';
import { checkImagePixels, checkPageCount, checkTotalPixels, defaultDocumentLimits, fitToPage, maxImagePixels } from './limits.ts';
import { parsePageSelection } from './page-range.ts';

/**
 * Opens an image file as a document: one page, or one per TIFF directory. Every page's size
 * comes from the header and is checked against the limits before any pixel is decoded; a page
 * over the per-page limit (a large-format scan) is decoded scaled down to it.
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
  selectedSizes.forEach((size, i) => checkImagePixels(size, limits, sizes.length > 1 ? selectedPages[i] : undefined));
  checkTotalPixels(selectedSizes.map((size) => fitToPage(size, limits)), limits);

  const decode = (page: number): Promise<PageImage> | PageImage => {
    if (format === 'bmp') return decodeBmp(bytes);
    const size = sizes[page - 1]!;
    const fitted = fitToPage(size, limits);
    return decodeImage(bytes, {
      page: page - 1,
      maxInputPixels: maxImagePixels(size, limits),
      ...(fitted === size ? {} : { maxSide: Math.max(fitted.width, fitted.height) }),
    });
  };

  return {
    format,
    pageCount: sizes.length,
    selectedPages,
    async *pageImages() {
      for (const page of selectedPages) {
        const image = await decode(page);
        const size = sizes[page - 1]!;
        // Sides compared longest to longest: an EXIF turn may have swapped them.
        const scale = Math.max(image.width, image.height) / Math.max(size.width, size.height);
        yield { page, image, ...(scale < 1 ? { scale } : {}) };
      }
    },
    close: async () => {},
  };
}
