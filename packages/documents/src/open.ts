import type { DocumentOptions, OpenedDocument } from './document.ts';
import { requireFormat } from './format.ts';
import { validateDocumentOptions } from './options.ts';

// Each import() call goes through the module loader again (and tsx's hooks thread when the
// service runs from source): load each decoder once and keep its promise.
let pdfModule: Promise<typeof import('./pdf-renderer.ts')> | undefined;
let rasterModule: Promise<typeof import('./raster-document.ts')> | undefined;

/**
 * Opens uploaded bytes as a document of pages, judging the format by content. Everything that
 * can be checked without decoding pixels is checked here (options, format, headers, encryption,
 * page selection, limits), so a bad file fails before any page work. Throws DocumentError.
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
  const checked = validateDocumentOptions(options);
  const format = requireFormat(bytes);
  if (format === 'pdf') {
    const { openPdfDocument } = await (pdfModule ??= import('./pdf-renderer.ts'));
    return openPdfDocument(bytes, checked);
  }
  const { openRasterDocument } = await (rasterModule ??= import('./raster-document.ts'));
  return openRasterDocument(bytes, format, checked);
}
