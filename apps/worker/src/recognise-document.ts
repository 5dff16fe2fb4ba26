import { performance } from 'node:perf_hooks';
import type { Logger, OcrJobData, OcrResult, PageOutcome } from '@ocr/contracts';
import { openDocument, type DocumentLimits, type RenderBudget } from '@ocr/documents';
import type { Engine } from '@ocr/engines';
import { extractStructure, type StructurePageInput } from '@ocr/structure';

export interface RecogniseContext {
  engine: Engine;
  limits: DocumentLimits;
  renderBudget: RenderBudget;
  defaultDpi: number;
  workerId: string;
  jobId: string;
  /** Seconds between enqueueing and a worker taking the job. */
  queueSeconds: number;
  logger: Logger;
  signal?: AbortSignal;
  /** Progress in pages: `done` may be fractional while a page is being read. */
  onProgress?: (done: number, total: number) => Promise<void>;
}

/** Within a page, progress is written at most this often: each write is a Redis round trip and an event. */
const PAGE_PROGRESS_INTERVAL_MS = 500;

const SECONDS = 1000;

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/** Character-weighted, so a page with one stray mark does not drag a full page's confidence. */
function documentConfidence(pages: PageOutcome[]): number {
  let weight = 0;
  let sum = 0;
  for (const p of pages) {
    const w = Math.max(1, p.text.length);
    weight += w;
    sum += p.confidence * w;
  }
  return weight === 0 ? 0 : sum / weight;
}

/** One document through documents → engine → structure: the whole of a job's work. */
export async function recogniseDocument(bytes: Uint8Array, data: OcrJobData, ctx: RecogniseContext): Promise<OcrResult> {
  const started = performance.now();
  const doc = await openDocument(bytes, {
    dpi: data.options.dpi ?? ctx.defaultDpi,
    finePrint: data.options.dpi === undefined,
    ...(data.options.pages ? { pages: data.options.pages } : {}),
    ...(data.options.password ? { password: data.options.password } : {}),
    limits: ctx.limits,
    renderBudget: ctx.renderBudget,
  });
  const pages: PageOutcome[] = [];
  const structureInput: StructurePageInput[] = [];
  let engineSeconds = 0;
  try {
    const total = doc.selectedPages.length;
    ctx.logger.info({ format: doc.format, pageCount: doc.pageCount, selected: total }, 'document opened');
    for await (const { page, image, scale, text: pdfText } of doc.pageImages()) {
      ctx.signal?.throwIfAborted();
      const t0 = performance.now();
      const pagesBefore = pages.length;
      let lastReport = t0;
      const recognised = await ctx.engine.recognize(image, {
        ...(data.options.prompt ? { prompt: data.options.prompt } : {}),
        ...(data.options.max_patches ? { maxPatches: data.options.max_patches } : {}),
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        ...(pdfText ? { pdfText } : {}),
        logger: ctx.logger.child({ page }),
        onProgress: (fraction) => {
          const now = performance.now();
          if (fraction >= 1 || now - lastReport < PAGE_PROGRESS_INTERVAL_MS) return;
          lastReport = now;
          ctx.onProgress?.(pagesBefore + fraction, total).catch((error) => ctx.logger.warn({ err: error }, 'progress update failed'));
        },
      });
      const seconds = (performance.now() - t0) / SECONDS;
      engineSeconds += seconds;
      const rotation = recognised.rotation ?? 0;
      const [width, height] = rotation % 180 === 0 ? [image.width, image.height] : [image.height, image.width];
      pages.push({
        page,
        text: recognised.text,
        confidence: recognised.confidence,
        image_size: [width, height],
        rotation,
        ...(scale === undefined ? {} : { scale: Math.round(scale * 1e6) / 1e6 }),
        image_patches: recognised.imagePatches ?? 1,
        processing_time: round(seconds),
        ...(recognised.lines ? { lines: recognised.lines } : {}),
      });
      structureInput.push({
        page,
        text: recognised.text,
        confidence: recognised.confidence,
        width,
        height,
        ...(recognised.lines ? { lines: recognised.lines } : {}),
      });
      ctx.logger.debug({ page, seconds: round(seconds), chars: recognised.text.length }, 'page recognised');
      // After the last page the job completes at once, and a completed job reads as fully done.
      if (pages.length < total) await ctx.onProgress?.(pages.length, total);
    }
  } finally {
    await doc.close();
  }
  const info = ctx.engine.info;
  // The file's own size, as the old service reported it: a page scaled to fit, or fine print rendered finer, says by how much.
  const [width, height] = pages[0]?.image_size ?? [0, 0];
  const scale = pages[0]?.scale ?? 1;
  const first: [number, number] = [Math.round(width / scale), Math.round(height / scale)];
  return {
    status: 'success',
    raw_text: pages.map((p) => p.text).join('\n\n'),
    confidence: documentConfidence(pages),
    metadata: {
      model: info.model,
      device: info.device,
      prompt: data.options.prompt ?? null,
      processing_time: round(engineSeconds),
      image_patches: pages.reduce((n, p) => n + p.image_patches, 0),
      total_processing_time: round((performance.now() - started) / SECONDS),
      engine: info.engine,
      worker: ctx.workerId,
      job_id: ctx.jobId,
      queue_time: round(ctx.queueSeconds),
    },
    structured_content: extractStructure(structureInput),
    file_info: {
      filename: data.filename,
      size: data.size,
      format: data.format.toUpperCase(),
      image_size: first,
      pages: pages.length,
      page_count: doc.pageCount,
      page_sizes: pages.map((p) => p.image_size),
      ...(data.extensionMismatch ? { extension_mismatch: data.extensionMismatch } : {}),
    },
    pages,
  };
}
