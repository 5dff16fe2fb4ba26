import { extensionMismatch } from './filename.ts';
import { requireFormat, type DocumentFormat } from './format.ts';
import { readImageHeader } from './image-header.ts';
import { checkLimits, checkImagePixels, defaultDocumentLimits, type DocumentLimits } from './limits.ts';

export interface UploadInspection {
  format: DocumentFormat;
  /** Set when the filename's extension names another format; the content wins. */
  extensionMismatch?: string;
  /** First page's size from the image header; absent for PDFs, whose pages need parsing. */
  width?: number;
  height?: number;
}

/**
 * The cheap checks the API runs before enqueueing, reading headers only (milliseconds, no
 * pixel decoding): empty file, unknown format, an image header that cannot be read, and any
 * image page over what may be decoded at all (a decompression bomb). Page counts and totals
 * depend on the page selection, so openDocument checks those. Throws DocumentError.
 *
 * @example
 * const { format, extensionMismatch } = inspectUpload(bytes, 'scan.png');
 */
export function inspectUpload(
  bytes: Uint8Array,
  filename: string | undefined,
  limits: DocumentLimits = defaultDocumentLimits,
): UploadInspection {
  checkLimits(limits);
  const format = requireFormat(bytes);
  const mismatch = extensionMismatch(filename, format);
  const inspection: UploadInspection = { format, ...(mismatch ? { extensionMismatch: mismatch } : {}) };
  if (format === 'pdf') return inspection;
  const sizes = readImageHeader(bytes, format);
  sizes.forEach((size, i) => checkImagePixels(size, limits, sizes.length > 1 ? i + 1 : undefined));
  return { ...inspection, width: sizes[0]!.width, height: sizes[0]!.height };
}
