import { Worker } from 'node:worker_threads';
import type { PageImage } from '@ocr/contracts';
import type { DocumentOptions, DocumentPage, OpenedDocument } from './document.ts';
import { DocumentError } from './errors.ts';
import type { PageSize } from './limits.ts';
import type { RendererReady, RendererReply, RendererRequest, ThreadDecodedFormat } from './pdf-thread-protocol.ts';

/** What opening a PDF, or rendering one of its pages, may cost before it is given up. */
export interface RenderBudget {
  seconds: number;
  /** Growth of the process's resident memory while the step runs. */
  megabytes: number;
}

/**
 * An A0 drawing scanned at 400 dpi renders in ~25 s at ~3 GB; a CAD sheet of a million strokes in
 * ~20 s at ~2 GB. A few KB of PDF can hold gigabytes of drawing operators once decompressed.
 */
export const defaultRenderBudget: RenderBudget = Object.freeze({ seconds: 120, megabytes: 6144 });

const CHECK_INTERVAL_MS = 100;

type Request = RendererRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * One thread that parses and renders PDFs with pdfjs, kept for the process's life. pdfjs works
 * in long runs of promise callbacks that hold the event loop for seconds on heavy pages (timers
 * wait: job-lock renewals, heartbeats); in a thread they cannot, and a page over its budget is
 * stopped by ending the thread, which no check inside pdfjs could do mid-parse.
 */
class RendererThread {
  private readonly worker = new Worker(new URL('./pdf-thread.mjs', import.meta.url), { execArgv: [] });
  private readonly pending = new Map<number, { resolve: (reply: RendererReply) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  /** Requests sent and not yet answered, or waiting for the thread to be up. */
  private inFlight = 0;
  private stopped: Error | null = null;
  private markReady!: () => void;
  private failReady!: (error: Error) => void;
  private readonly ready = new Promise<void>((resolve, reject) => {
    this.markReady = resolve;
    this.failReady = reject;
  });

  constructor(private readonly onStop: () => void) {
    this.ready.catch(() => {});
    // Idle, the thread must not keep the process alive; busy, it must (see send).
    this.worker.unref();
    this.worker.on('message', (reply: RendererReply | RendererReady) => {
      if (reply.type === 'ready') return this.markReady();
      this.pending.get(reply.id)?.resolve(reply);
      this.pending.delete(reply.id);
    });
    this.worker.on('error', (error) => this.stop(error));
    this.worker.on('exit', (code) => this.stop(new Error(`the PDF renderer thread stopped (exit code ${code})`)));
  }

  /** From here on the thread takes no request, and the next document starts a new one. */
  private stop(error: Error): void {
    this.stopped ??= error;
    this.onStop();
    this.failReady(this.stopped);
    for (const request of this.pending.values()) request.reject(this.stopped);
    this.pending.clear();
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  /** Sends one request; past `budget`, ends the thread and rejects with page_too_complex. */
  async send(request: Request, budget: RenderBudget, what: string, transfer: ArrayBuffer[] = []): Promise<RendererReply> {
    if (this.inFlight++ === 0) this.worker.ref();
    try {
      // Before the thread is up (pdfjs loaded), a step's time is not its own.
      await this.ready;
      if (this.stopped) throw this.stopped;
      return await this.watched(request, budget, what, transfer);
    } finally {
      if (--this.inFlight === 0) this.worker.unref();
    }
  }

  private watched(request: Request, budget: RenderBudget, what: string, transfer: ArrayBuffer[]): Promise<RendererReply> {
    const id = this.nextId++;
    const started = performance.now();
    const residentAtStart = process.memoryUsage.rss();
    return new Promise((resolve, reject) => {
      const watch = setInterval(() => {
        const seconds = (performance.now() - started) / 1000;
        const grownMb = (process.memoryUsage.rss() - residentAtStart) / 2 ** 20;
        const over =
          seconds > budget.seconds ? `took more than ${budget.seconds} s` : grownMb > budget.megabytes ? `needed more than ${budget.megabytes} MB of memory` : null;
        if (over === null) return;
        const limit = `the limit is ${budget.seconds} s and ${budget.megabytes} MB per page`;
        settle.reject(new DocumentError('page_too_complex', `${what} ${over} (${limit}): it holds too much drawing to process.`));
        this.stop(new Error(`the PDF renderer thread was stopped: ${what.toLowerCase()} ${over}`));
        void this.worker.terminate();
      }, CHECK_INTERVAL_MS);
      const settle = {
        resolve: (reply: RendererReply) => {
          clearInterval(watch);
          this.pending.delete(id);
          resolve(reply);
        },
        reject: (error: Error) => {
          clearInterval(watch);
          this.pending.delete(id);
          reject(outOfMemory(error) ? new DocumentError('page_too_complex', `${what} needed more memory than a page may use.`) : error);
        },
      };
      this.pending.set(id, settle);
      this.worker.postMessage({ ...request, id }, transfer);
    });
  }
}

function outOfMemory(error: Error): boolean {
  return (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
}

let thread: RendererThread | null = null;
let nextDoc = 1;

function renderer(): RendererThread {
  const current = (thread ??= new RendererThread(() => {
    if (thread === current) thread = null;
  }));
  return current;
}

/**
 * Starts the renderer thread ahead of the first PDF, which otherwise waits while pdfjs loads
 * (~1.4 s on 2 cores against ~30 ms for a small page once it is up); resolves once it is up.
 * Idle, the thread keeps no process alive.
 */
export function startPdfRenderer(): Promise<void> {
  return renderer().whenReady();
}

const DECODING: Record<ThreadDecodedFormat, string> = { jp2: 'Decoding the JPEG 2000 image', heic: 'Decoding the HEIC image' };

/**
 * Decodes a JPEG 2000 or HEIC image file in the renderer thread (see jpeg2000.ts, heic.ts), under
 * the page budget: their WebAssembly decoders run synchronously, and a large scan (OpenJPEG: ~0.4 s
 * a megapixel) would hold this thread's event loop, with the job-lock renewals on it, for longer
 * than the lock lasts.
 */
export async function decodeImageInThread(
  format: ThreadDecodedFormat,
  bytes: Uint8Array,
  size: PageSize,
  maxPixels: number,
  budget = defaultRenderBudget,
): Promise<PageImage> {
  const copy = new Uint8Array(bytes);
  const reply = await renderer().send({ type: 'image', format, bytes: copy, size, maxPixels }, budget, DECODING[format], [copy.buffer]);
  if (reply.type !== 'page') throw unexpected(reply);
  return { width: reply.width, height: reply.height, channels: 3, data: new Uint8Array(reply.pixels, 0, reply.width * reply.height * 3) };
}

function unexpected(reply: RendererReply): Error {
  if (reply.type !== 'error') return new Error(`the PDF renderer answered ${reply.type} out of turn`);
  return reply.code ? new DocumentError(reply.code, reply.message) : new Error(reply.message);
}

/**
 * Opens a PDF in the renderer thread (see pdf.ts for how pages are rendered and what is checked).
 * While the caller works on a page, the next one is already rendering.
 */
export async function openPdfDocument(bytes: Uint8Array, options: DocumentOptions = {}): Promise<OpenedDocument> {
  const budget = options.renderBudget ?? defaultRenderBudget;
  const { renderBudget: _, ...threadOptions } = options;
  const worker = renderer();
  const doc = nextDoc++;
  const copy = new Uint8Array(bytes);
  const opened = await worker.send({ type: 'open', doc, bytes: copy, options: threadOptions }, budget, 'Opening the PDF', [copy.buffer]);
  if (opened.type !== 'opened') throw unexpected(opened);

  const nextPage = (index: number): Promise<RendererReply> => {
    const reply = worker.send({ type: 'next', doc }, budget, `Page ${opened.selectedPages[index] ?? index + 1}`);
    // A page asked for ahead may be left unread when the caller stops early.
    reply.catch(() => {});
    return reply;
  };
  let closed = false;
  return {
    format: 'pdf',
    pageCount: opened.pageCount,
    selectedPages: opened.selectedPages,
    async *pageImages() {
      let ahead = nextPage(0);
      for (let index = 1; ; index++) {
        const reply = await ahead;
        if (reply.type === 'done') return;
        if (reply.type !== 'page') throw unexpected(reply);
        ahead = nextPage(index);
        const data = new Uint8Array(reply.pixels, 0, reply.width * reply.height * 3);
        const image = { width: reply.width, height: reply.height, channels: 3 as const, data };
        yield { page: reply.page, image, ...(reply.scale === undefined ? {} : { scale: reply.scale }), ...(reply.text ? { text: reply.text } : {}) };
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      // A thread that was stopped took the document with it.
      await worker.send({ type: 'close', doc }, budget, 'Closing the PDF').catch(() => {});
    },
  };
}
