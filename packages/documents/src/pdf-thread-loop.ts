import { parentPort } from 'node:worker_threads';
import type { DocumentPage, OpenedDocument } from './document.ts';
import { DocumentError } from './errors.ts';
import { decodeHeic } from './heic.ts';
import { decodeJpeg2000 } from './jpeg2000.ts';
import { loadPdfJs, openPdfDocument } from './pdf.ts';
import type { RendererReady, RendererReply, RendererRequest } from './pdf-thread-protocol.ts';

interface OpenDoc {
  doc: OpenedDocument;
  pages: AsyncGenerator<DocumentPage>;
  /** Requests for one document run one after another, in the order they came. */
  queue: Promise<unknown>;
}

const port = parentPort!;
const docs = new Map<number, OpenDoc>();

/** pdfjs's own exception classes (pdf.worker.mjs: `extends BaseException`). */
const PDFJS_EXCEPTIONS = new Set([
  'AbortException',
  'DNLMarkerError',
  'EOIMarkerError',
  'FormatError',
  'InvalidPDFException',
  'JpegError',
  'JpxError',
  'MissingDataException',
  'ParserEOFException',
  'PasswordException',
  'ResponseException',
  'UnknownErrorException',
  'XRefEntryException',
  'XRefParseException',
]);

// Opening a PDF whose page tree is damaged, pdfjs fetches the page dictionaries ahead into a cache
// and never awaits those it does not reach: their failures are unhandled rejections, which end
// the thread and failed documents whose pages render. What matters reaches the document's own
// calls (open, page, render); these are dropped. Any other unhandled rejection still ends the thread.
process.on('unhandledRejection', (reason) => {
  if (reason instanceof Error && PDFJS_EXCEPTIONS.has(reason.name)) return;
  throw reason;
});

function errorReply(id: number, error: unknown): RendererReply {
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof DocumentError ? { id, type: 'error', message, code: error.code } : { id, type: 'error', message };
}

async function handle(request: RendererRequest): Promise<RendererReply> {
  if (request.type === 'image') {
    const { width, height, data } =
      request.format === 'heic' ? await decodeHeic(request.bytes) : await decodeJpeg2000(request.bytes, request.size, request.maxPixels);
    // Sent as its buffer: a view into a larger one is copied out first.
    const pixels = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data.buffer : data.slice().buffer;
    return { id: request.id, type: 'page', page: 1, width, height, pixels: pixels as ArrayBuffer };
  }
  if (request.type === 'open') {
    const doc = await openPdfDocument(request.bytes, request.options);
    docs.set(request.doc, { doc, pages: doc.pageImages(), queue: Promise.resolve() });
    return { id: request.id, type: 'opened', pageCount: doc.pageCount, selectedPages: doc.selectedPages };
  }
  const open = docs.get(request.doc);
  if (!open) return { id: request.id, type: 'error', message: 'the document is not open' };
  if (request.type === 'close') {
    docs.delete(request.doc);
    await open.pages.return(undefined);
    await open.doc.close();
    return { id: request.id, type: 'closed' };
  }
  const next = await open.pages.next();
  if (next.done) return { id: request.id, type: 'done' };
  const { page, image, scale, text } = next.value;
  const pixels = image.data.buffer as ArrayBuffer;
  return {
    id: request.id,
    type: 'page',
    page,
    width: image.width,
    height: image.height,
    pixels,
    ...(scale === undefined ? {} : { scale }),
    ...(text === undefined ? {} : { text }),
  };
}

port.on('message', (request: RendererRequest) => {
  const open = request.type === 'open' || request.type === 'image' ? undefined : docs.get(request.doc);
  const run = () =>
    handle(request).then(
      (reply) => port.postMessage(reply, reply.type === 'page' ? [reply.pixels] : []),
      (error: unknown) => port.postMessage(errorReply(request.id, error)),
    );
  if (open) open.queue = open.queue.then(run);
  else void run();
});

// Budgets count from here: loading pdfjs (and compiling this thread's modules) is not a page's cost.
await loadPdfJs();
port.postMessage({ type: 'ready' } satisfies RendererReady);
