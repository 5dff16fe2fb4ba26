import { createRequire } from 'node:module';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import type { PageImage, PageTextChar } from '@ocr/contracts';
import { withoutAttachmentEncryption } from './attachment-encryption.ts';
import type { DocumentOptions, OpenedDocument } from './document.ts';
import { MAX_PDF_DPI, resolveDpi } from './dpi.ts';
import { DocumentError } from './errors.ts';
import { finePrintRaise } from './fine-print.ts';
import {
  SCAN_PIXELS_FACTOR,
  checkPageCount,
  checkTotalPixels,
  defaultDocumentLimits,
  maxScanPixels,
  pageFit,
  type DocumentLimits,
  type PageSize,
} from './limits.ts';
import { parsePageSelection } from './page-range.ts';
import { useCjkFontsForGenericFamilies } from './pdf-fonts.ts';
import { largestEmbeddedImage } from './pdf-images.ts';
import { PdfObjects } from './pdf-objects.ts';
import { decodeScan } from './pdf-scan-decode.ts';
import { hasHiddenTextLayer, pageScan, type ScanImage } from './pdf-scan-page.ts';
import { PdfRef } from './pdf-syntax.ts';
import { medianFontSize, ownRuns, placeText, type TextRun } from './pdf-text-layer.ts';
import { rgbaToRgb } from './rgba.ts';
import { cacheTransform } from './transform-cache.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocumentProxy = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfPageProxy = Awaited<ReturnType<PdfDocumentProxy['getPage']>>;
// Loaded on first use (the API never needs it) and kept.
let pdfjsModule: Promise<PdfJs> | undefined;

/** Loads pdfjs now rather than with the first document. */
export function loadPdfJs(): Promise<PdfJs> {
  return (pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
}

const POINTS_PER_INCH = 72;
// Skia refuses surfaces with a side beyond this.
const MAX_CANVAS_SIDE = 32_767;
// pdfjs's PasswordResponses.
const PASSWORD_NEEDED = 1;
const PASSWORD_INCORRECT = 2;

// pdfjs reads these with fs in Node; the folder paths must end with a separator.
const pdfjsFolder = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const assetFolder = (name: string): string => path.join(pdfjsFolder, name) + path.sep;

interface PageRaster {
  page: number;
  scale: number;
  /**
   * Pixels over those of the requested dpi: below 1 when the page was scaled down to fit the
   * pixel limit, above 1 when fine print was rendered finer.
   */
  fit: number;
  size: PageSize;
}

/** What a PDF page becomes: its scan, or the raster it was drawn at and its own text. */
interface DrawnPage {
  image?: PageImage;
  raster: PageRaster;
  text?: PageTextChar[];
}

/**
 * Opens a PDF with pdfjs-dist and renders its selected pages one at a time with @napi-rs/canvas.
 * A page that would exceed maxPixelsPerPage at the requested dpi is rendered at the largest
 * resolution that fits instead of being refused: vector pages cannot be pixel bombs, and a
 * large drawing sheet is a legitimate document. Runs in the renderer thread (pdf-renderer.ts):
 * `bytes` must be a plain Uint8Array (pdfjs refuses Node Buffers), and pdfjs takes it over.
 */
export async function openPdfDocument(bytes: Uint8Array, options: DocumentOptions = {}): Promise<OpenedDocument> {
  const limits = options.limits ?? defaultDocumentLimits;
  const dpi = resolveDpi(options.dpi);
  const scale = dpi / POINTS_PER_INCH;
  // Fine print is rendered finer only where the caller left the dpi to the service.
  const finePrintUpTo = options.finePrint ? MAX_PDF_DPI / dpi : 1;
  // A scan inside a PDF is drawn scaled to its page, so it may hold more pixels than the page rendered.
  const maxImagePixels = maxScanPixels(limits);
  // Read before pdfjs takes the bytes over.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const image = largestEmbeddedImage(text);
  if (image && image.width * image.height > maxImagePixels) {
    throw new DocumentError(
      'image_too_large',
      `The PDF embeds an image of ${image.width.toLocaleString('en')} × ${image.height.toLocaleString('en')} pixels, ` +
        `over the limit of ${maxImagePixels.toLocaleString('en')} for an image inside a PDF (${SCAN_PIXELS_FACTOR} pages' worth).`,
    );
  }
  const pdfjs = await loadPdfJs();
  useCjkFontsForGenericFamilies();
  const load = (data: Uint8Array, password: string | undefined) =>
    pdfjs.getDocument({
      // pdfjs takes ownership of the array: the renderer thread hands over its own copy.
      data,
      ...(password === undefined ? {} : { password }),
      cMapUrl: assetFolder('cmaps'),
      cMapPacked: true,
      standardFontDataUrl: assetFolder('standard_fonts'),
      wasmUrl: assetFolder('wasm'),
      // Untrusted input: no code generated from font data.
      isEvalSupported: false,
      // An image the check above could not see (inline, or sized by reference) is never decoded
      // past the page limit: pdfjs leaves it out instead.
      maxImageSize: maxImagePixels,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    });
  // The file as given first; a retry needs a copy of its own.
  const attempt = async (source: string, password: string | undefined, first = false) => ({
    doc: await loaded(load(first ? bytes : latin1Bytes(source), password)),
    password,
    source,
  });
  const openWith = async (forms: ReadonlyArray<string | undefined>): Promise<{ doc: PdfDocumentProxy; password: string | undefined; source: string }> => {
    for (const [i, password] of forms.entries()) {
      try {
        return await attempt(text, password, i === 0);
      } catch (error) {
        const plain = password === undefined && passwordResponse(error) === PASSWORD_NEEDED ? withoutAttachmentEncryption(text) : undefined;
        if (plain !== undefined) return attempt(plain, undefined).catch((retryError: unknown) => Promise.reject(openError(retryError, false)));
        if (i === forms.length - 1 || passwordResponse(error) !== PASSWORD_INCORRECT) throw openError(error, password !== undefined);
      }
    }
    throw new Error('openWith: no forms');
  };
  const { doc, password, source } = await openWith(options.password === undefined ? [undefined] : passwordForms(options.password));
  const rebuild = (): Promise<PdfDocumentProxy> => loaded(load(withXrefRebuilt(source), password));
  try {
    if (doc.numPages === 0) throw new DocumentError('corrupt_pdf', 'The PDF has no pages.');
    const selectedPages = parsePageSelection(options.pages ?? '')(doc.numPages);
    checkPageCount(selectedPages.length, limits);
    const rasters: PageRaster[] = [];
    for (const page of selectedPages) rasters.push(await pageRaster(doc, page, scale, limits));
    checkTotalPixels(
      rasters.map((r) => r.size),
      limits,
    );
    // An encrypted file's streams are not readable as they lie: pdfjs renders every page.
    const objects = text.includes('/Encrypt') ? undefined : new PdfObjects(text);
    return pdfDocument(doc, rasters, objects, { maxImagePixels, limits, finePrintUpTo }, rebuild);
  } catch (error) {
    await doc.destroy();
    throw error;
  }
}

function latin1Bytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

/**
 * The file again with a cross-reference offset past its end appended: pdfjs then finds no
 * usable table and rebuilds it by scanning the file for objects, as poppler does with a damaged
 * one. pdfjs rebuilds by itself only where the first or last page cannot be found; an offset
 * gone wrong to any other object (a file edited by hand, an update appended badly) otherwise
 * fails the page that needs it.
 */
function withXrefRebuilt(text: string): Uint8Array {
  return latin1Bytes(`${text}\nstartxref\n${Number.MAX_SAFE_INTEGER}\n%%EOF\n`);
}

/**
 * Whether pdfjs failed on an object not where the cross-reference table says (its
 * XRefEntryException: "Bad (uncompressed) XRef entry: 6R"). Other damage is left failed: a
 * rebuilt table drops a page it cannot place and draws it blank.
 */
function misplacedObject(error: unknown): boolean {
  return error instanceof Error && /\bXRef\b/.test(error.message);
}

async function pageRaster(doc: PdfDocumentProxy, page: number, dpiScale: number, limits: DocumentLimits): Promise<PageRaster> {
  const pdfPage = await doc.getPage(page).catch((error: unknown) => {
    throw corruptPdf(error, `page ${page} cannot be read`);
  });
  const { width, height } = pdfPage.getViewport({ scale: 1 });
  pdfPage.cleanup();
  return rasterAt(page, width, height, dpiScale, limits);
}

/** A page of `width` × `height` points at `dpiScale` × `raise` pixels per point, within the limits. */
function rasterAt(page: number, width: number, height: number, dpiScale: number, limits: DocumentLimits, raise = 1): PageRaster {
  const wanted = dpiScale * raise;
  const fit = raise * Math.min(pageFit(width * wanted, height * wanted, limits), MAX_CANVAS_SIDE / (Math.max(width, height) * wanted));
  const scale = dpiScale * fit;
  // Floor a page scaled down to fit, so rounding cannot take it back over the limit.
  const toPixels = (points: number): number => Math.max(1, fit < 1 ? Math.floor(points * scale) : Math.round(points * scale));
  return { page, scale, fit, size: { width: toPixels(width), height: toPixels(height) } };
}

/**
 * A page that is one scanned image, decoded natively instead of rendered (see pageScan);
 * undefined for any other page.
 */
async function scanOf(pdfPage: PdfPageProxy, objects: PdfObjects | undefined, size: PageSize, maxPixels: number): Promise<PageImage | undefined> {
  const ref = pdfPage.ref;
  if (!objects || !ref) return undefined;
  let scan: ScanImage | undefined;
  try {
    scan = pageScan(objects, new PdfRef(ref.num, ref.gen), pdfPage.view);
  } catch {
    // Whatever this reader cannot follow, pdfjs renders.
    return undefined;
  }
  return scan && decodeScan(scan, pdfPage.rotate, size, maxPixels);
}

/** Whether the page's text includes another program's OCR, hidden under a scan (see hasHiddenTextLayer). */
function hiddenTextLayer(pdfPage: PdfPageProxy, objects: PdfObjects | undefined): boolean {
  const ref = pdfPage.ref;
  if (!objects || !ref) return false;
  try {
    return hasHiddenTextLayer(objects, new PdfRef(ref.num, ref.gen));
  } catch {
    // Whatever this reader cannot follow keeps its text layer.
    return false;
  }
}

/**
 * Characters of a page's own text passed on at most: a page of two-column small print holds
 * ~6,000 (tracemonkey.pdf), a crowded drawing sheet a few times that; far more is a crafted
 * file's, whose copy to the worker's main thread would only cost time and memory.
 */
const MAX_TEXT_CHARS = 200_000;

/** The page's own text runs (see ownRuns); undefined where pdfjs cannot read them. */
async function textRuns(pdfPage: PdfPageProxy): Promise<readonly TextRun[] | undefined> {
  try {
    const content = await pdfPage.getTextContent();
    return ownRuns(content.items.flatMap((item) => ('str' in item ? [item] : [])));
  } catch {
    // The text layer only corrects the reading: a page whose text pdfjs cannot read is read as it looks.
    return undefined;
  }
}

/** The runs placed on the page's pixels; undefined where they hold no text, or a crafted file's amount. */
function pageText(runs: readonly TextRun[], viewport: number[]): PageTextChar[] | undefined {
  const chars = placeText(runs, viewport);
  return chars.length > 0 && chars.length <= MAX_TEXT_CHARS ? chars : undefined;
}

/** The raster a page is drawn at: `raster`, or a finer one where its own text is fine print (see fine-print.ts). */
function finePrintRaster(pdfPage: PdfPageProxy, raster: PageRaster, runs: readonly TextRun[], settings: PdfSettings): PageRaster {
  const fontSize = medianFontSize(runs);
  if (fontSize === undefined || raster.fit !== 1) return raster;
  const { width, height } = pdfPage.getViewport({ scale: 1 });
  const raise = finePrintRaise(fontSize * raster.scale, Math.max(raster.size.width, raster.size.height), settings.finePrintUpTo);
  return raise > 1 ? rasterAt(raster.page, width, height, raster.scale, settings.limits, raise) : raster;
}

interface PdfSettings {
  /** Pixels an image inside the PDF may hold. */
  maxImagePixels: number;
  limits: DocumentLimits;
  /** How much finer than the requested dpi fine print may be rendered; 1: never. */
  finePrintUpTo: number;
}

/**
 * `rebuild` opens the file again with its cross-reference table rebuilt (see withXrefRebuilt),
 * tried once when a page cannot be drawn; undefined where the document already is that.
 */
function pdfDocument(
  doc: PdfDocumentProxy,
  rasters: PageRaster[],
  objects: PdfObjects | undefined,
  settings: PdfSettings,
  rebuild: (() => Promise<PdfDocumentProxy>) | undefined,
): OpenedDocument {
  let closed = false;
  return {
    format: 'pdf',
    pageCount: doc.numPages,
    selectedPages: rasters.map((r) => r.page),
    async *pageImages() {
      // One canvas for the whole document: resizing it frees the previous page's pixels at
      // once, where a canvas per page would leave native memory to the garbage collector.
      const canvas = createCanvas(1, 1);
      const context = canvas.getContext('2d');
      cacheTransform(context);
      /** The page's scan, or the raster it was drawn at on the canvas; and its own text. */
      const draw = async (requested: PageRaster): Promise<DrawnPage> => {
        const pdfPage = await doc.getPage(requested.page);
        try {
          const image = await scanOf(pdfPage, objects, requested.size, settings.maxImagePixels);
          if (image) return { image, raster: requested };
          // Text hidden under what the page shows (another program's OCR of a scan, a CAD export's
          // searchable copy of text it draws as strokes) tells its size all the same.
          const runs = await textRuns(pdfPage);
          const raster = runs ? finePrintRaster(pdfPage, requested, runs, settings) : requested;
          const { scale, size } = raster;
          const viewport = pdfPage.getViewport({ scale });
          // Resizing reallocates the surface; pdfjs paints the whole background itself anyway.
          if (canvas.width !== size.width || canvas.height !== size.height) {
            canvas.width = size.width;
            canvas.height = size.height;
          }
          // @napi-rs/canvas records drawing and keeps a snapshot of the surface once it holds two
          // recordings; drawing the next page over that snapshot copies the whole surface (35 MB of
          // fresh memory per page at 300 dpi). A reset drops both; pdfjs repaints the background.
          context.reset();
          // The canvas types are the DOM's; @napi-rs/canvas implements what pdfjs calls.
          await pdfPage.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
          // Not for a scan: its text, if any, is another program's OCR, hidden under the image.
          const text = runs && !hiddenTextLayer(pdfPage, objects) ? pageText(runs, viewport.transform) : undefined;
          return text ? { raster, text } : { raster };
        } finally {
          pdfPage.cleanup();
        }
      };
      for (const raster of rasters) {
        const { page } = raster;
        let drawn: DrawnPage;
        try {
          drawn = await draw(raster);
        } catch (error) {
          const failed = corruptPdf(error, `page ${page} cannot be rendered`);
          const again = rebuild && misplacedObject(error) && (await rebuild().catch(() => undefined));
          if (!again) throw failed;
          rebuild = undefined;
          await doc.destroy();
          doc = again;
          drawn = await draw(raster).catch(() => {
            throw failed;
          });
        }
        const { text } = drawn;
        const { fit, size } = drawn.raster;
        // pdfjs paints an opaque white background first, so dropping alpha loses nothing.
        const image = drawn.image ?? { ...size, channels: 3, data: rgbaToRgb(canvas.data(), size.width * size.height) };
        yield { page, image, ...(fit !== 1 ? { scale: fit } : {}), ...(text ? { text } : {}) };
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await doc.destroy();
    },
  };
}

async function loaded(task: ReturnType<PdfJs['getDocument']>): Promise<PdfDocumentProxy> {
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy();
    throw error;
  }
}

/** pdfjs's PasswordResponses code of a PasswordException; undefined for any other error. */
function passwordResponse(error: unknown): number | undefined {
  return error instanceof Error && error.name === 'PasswordException' ? ((error as { code?: number }).code ?? PASSWORD_NEEDED) : undefined;
}

// What SASLprep (RFC 4013) maps to nothing: soft hyphen, joiners, variation selectors, BOM.
const MAPPED_TO_NOTHING = /[\u00ad\u034f\u1806\u180b-\u180d\u200b-\u200d\u2060\ufe00-\ufe0f\ufeff]/g;
const utf8Bytes = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

/**
 * The forms of a password to try, the one typed first. pdfjs takes a password's characters as its
 * bytes: right for RC4 and AES-128, whose passwords are Latin-1, but AES-256 hashes the UTF-8 bytes
 * of the password SASLprep'd (`SªSL\u00adprep` is `SaSLprep`). Revision 5 takes those bytes as
 * given; revision 6 decodes one layer of UTF-8 first, so it is given them encoded twice.
 */
function passwordForms(password: string): string[] {
  const prepared = password.normalize('NFKC').replace(MAPPED_TO_NOTHING, '').replace(/\p{Zs}/gu, ' ');
  return [...new Set([password, utf8Bytes(prepared), utf8Bytes(utf8Bytes(prepared))])];
}

function openError(error: unknown, passwordGiven: boolean): DocumentError {
  const response = passwordResponse(error);
  if (response !== undefined) {
    if (response === PASSWORD_INCORRECT && passwordGiven) {
      return new DocumentError('wrong_password', 'The PDF is encrypted and the password given does not open it.', { cause: error });
    }
    return new DocumentError('encrypted_pdf', 'The PDF is encrypted: send its password in the password field.', { cause: error });
  }
  // pdfjs opens the standard (password) security handler only; a file encrypted for a certificate's holder is no damage.
  if (error instanceof Error && /unknown encryption method/i.test(error.message)) {
    return new DocumentError(
      'unsupported_encryption',
      'The PDF is encrypted for the holders of certificates (public-key security), which no password opens: save it without encryption and send that.',
      { cause: error },
    );
  }
  return corruptPdf(error, 'it cannot be parsed');
}

function corruptPdf(error: unknown, why: string): DocumentError {
  const reason = error instanceof Error ? error.message : String(error);
  return new DocumentError('corrupt_pdf', `The PDF is damaged or truncated: ${why} (${reason}).`, { cause: error });
}
