import type { DocumentOptions, OpenedDocument } from './document.ts';
import { resolveDpi } from './dpi.ts';
import { requireFormat } from './format.ts';
import { checkLimits, defaultDocumentLimits } from './limits.ts';
import { parsePageSelection } from './page-range.ts';

/**
 * Opens uploaded bytes as a document of pages, judging the format by content. Everything that
 * can be checked without decoding pixels is checked here (format, headers, encryption, page
 * selection, limits), so a bad file fails before any page work. Throws DocumentError.
 * The decoders load on first use, so importing this package stays cheap for the API.
 *
 * @example
 * const doc = await openDocument(bytes, { pages: '1-3', dpi: 200 });
 * try {
 *   for await (const { page, image } of doc.pageImages()) await recognise(page, image);
 * } finally {
 *   await doc.close();
 * }
 */
export async function openDocument(bytes: Uint8Array, options: DocumentOptions = {}): Promise<OpenedDocument> {
  const format = requireFormat(bytes);
  const checked: DocumentOptions = { ...options, limits: checkLimits(options.limits ?? defaultDocumentLimits) };
  // Option mistakes are the caller's, whatever the file: report them as such.
  resolveDpi(options.dpi);
  parsePageSelection(options.pages ?? '');
  if (format === 'pdf') {
    const { openPdfDocument } = await import('./pdf.ts');
    return openPdfDocument(bytes, checked);
  }
  const { openRasterDocument } = await import('./raster-document.ts');
  return openRasterDocument(bytes, format, checked);
}
