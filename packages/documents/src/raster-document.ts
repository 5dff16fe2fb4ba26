import type { PageImage } from '@ocr/contracts';
import { decodeBmp } from './bmp.ts';
import type { DocumentOptions, OpenedDocument } from './document.ts';
import type { DocumentFormat } from './format.ts';
import { decodeImage, resizeImage } from './image.ts';
import { decodeNetpbm } from './netpbm.ts';
import { decodeImageInThread } from './pdf-renderer.ts';
import { readImageHeader, type ImagePage } from './image-header.ts';
import { checkImagePixels, checkPageCount, checkTotalPixels, defaultDocumentLimits, fitToPage, maxImagePixels, type PageSize } from './limits.ts';
import { parsePageSelection } from './page-range.ts';

/**
 * The page with square pixels, the coarser axis stretched to the finer: the recogniser reads
 * letters of their printed shape, not squashed to half height as a standard-mode fax holds them.
 */
function squarePixels(page: ImagePage): PageSize {
  const aspect = page.pixelAspect ?? 1;
  return { width: Math.round(page.width * Math.max(1, 1 / aspect)), height: Math.round(page.height * Math.max(1, aspect)) };
}

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
  checkTotalPixels(selectedSizes.map((size) => fitToPage(squarePixels(size), limits)), limits);

  const decode = async (page: number): Promise<PageImage> => {
    // Decoded whole (inBands false), so the header check has refused a page over the per-page limit.
    if (format === 'bmp') return decodeBmp(bytes);
    if (format === 'pnm') return decodeNetpbm(bytes);
    const size = sizes[page - 1]!;
    if (format === 'jp2' || format === 'heic') return decodeImageInThread(format, bytes, size, limits.maxPixelsPerPage, options.renderBudget);
    const fitted = fitToPage(squarePixels(size), limits);
    const { embeddedJpeg } = size;
    const image = await decodeImage(embeddedJpeg ? bytes.subarray(embeddedJpeg.offset, embeddedJpeg.offset + embeddedJpeg.length) : bytes, {
      page: embeddedJpeg ? 0 : page - 1,
      maxInputPixels: maxImagePixels(size, limits),
      ...(fitted.width < size.width || fitted.height < size.height ? { maxSide: Math.max(fitted.width, fitted.height) } : {}),
    });
    if (size.pixelAspect === undefined) return image;
    return resizeImage(image, size.turned ? { width: fitted.height, height: fitted.width } : fitted);
  };

  return {
    format,
    pageCount: sizes.length,
    selectedPages,
    async *pageImages() {
      for (const page of selectedPages) {
        const image = await decode(page);
        const size = squarePixels(sizes[page - 1]!);
        // Sides compared longest to longest: an EXIF turn may have swapped them. HEIC is never
        // scaled (over the limit it is refused), and its crop (clap) may leave it smaller than its ispe.
        const scale = format === 'heic' ? 1 : Math.max(image.width, image.height) / Math.max(size.width, size.height);
        yield { page, image, ...(scale < 1 ? { scale } : {}) };
      }
    },
    close: async () => {},
  };
}
