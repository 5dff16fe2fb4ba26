import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { characterErrorRate } from '@ocr/testkit';
import {
  bmpPage,
  chineseTextPdf,
  encodeJpeg2000,
  encodePage,
  heicLabel,
  latinTextPdf,
  CORPUS_RENDER_BUDGET,
  malformedCorpus,
  multiPageTiff,
  scannedPdf,
  textPage,
  turnedHeif,
  type MalformedCase,
  type RgbaPage,
} from '@ocr/documents/fixtures';
import { form, json, startService, type ServiceHandle } from './harness.ts';

/** Layout (spaces between Chinese and Latin) is not what these tests check: compare without it. */
const cer = (reference: string, hypothesis: string): number =>
  characterErrorRate(reference.replace(/\s+/g, ''), hypothesis.replace(/\s+/g, ''));

function fieldsOf(options: MalformedCase['options'] = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(options).map(([k, v]) => [k, String(v)]));
}

/** Resident memory of a process, from the kernel's view (Linux). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return Number(line![1]) / 1024;
}

/** The page as an 8-bit PGM (P5), as SANE's scanimage writes a greyscale scan. */
async function pgmPage(page: RgbaPage): Promise<Buffer> {
  const raw = { width: page.width, height: page.height, channels: 4 as const };
  const grey = await sharp(page.rgba, { raw }).flatten({ background: '#ffffff' }).greyscale().raw().toBuffer();
  return Buffer.concat([Buffer.from(`P5\n# SANE data follows\n${page.width} ${page.height}\n255\n`, 'latin1'), grey]);
}

interface FormatCase {
  name: string;
  bytes: Uint8Array;
  filename: string;
  fields?: Record<string, string>;
  format: string;
  pageSizes: Array<[number, number]>;
  texts: string[];
}

async function formatCases(): Promise<FormatCase[]> {
  const lines = ['Bearing housing 轴承座', 'Hydraulic pump 液压泵', 'Check oil level 检查油位'];
  const pages = await Promise.all(lines.map((text) => textPage(text, { width: 720, height: 160, fontSize: 40 })));
  const [first] = pages;
  const size: [number, number] = [720, 160];
  const scanJpeg = await encodePage(pages[1]!, 'jpeg', 95);
  const pdfLines = [
    [{ x: 60, y: 760, size: 28, text: '技术要求 Technical notes' }],
    [{ x: 60, y: 760, size: 28, text: '材料 Material 45 steel' }],
  ];
  return [
    { name: 'PNG', bytes: await encodePage(first!, 'png'), filename: 'housing.png', format: 'PNG', pageSizes: [size], texts: [lines[0]!] },
    { name: 'JPEG', bytes: await encodePage(first!, 'jpeg'), filename: 'housing.jpg', format: 'JPEG', pageSizes: [size], texts: [lines[0]!] },
    { name: 'WebP', bytes: await encodePage(first!, 'webp'), filename: 'housing.webp', format: 'WEBP', pageSizes: [size], texts: [lines[0]!] },
    { name: 'GIF', bytes: await encodePage(first!, 'gif'), filename: 'housing.gif', format: 'GIF', pageSizes: [size], texts: [lines[0]!] },
    { name: 'AVIF', bytes: await encodePage(first!, 'avif'), filename: 'housing.avif', format: 'AVIF', pageSizes: [size], texts: [lines[0]!] },
    // A phone's HEIC (committed: nothing here encodes HEVC), and marked a quarter turn: decoded turned,
    // its text read upright by the engine, which reports the size upright.
    { name: 'HEIC', bytes: heicLabel.bytes(), filename: 'IMG_0420.HEIC', format: 'HEIC', pageSizes: [size], texts: [heicLabel.text] },
    { name: 'HEIC marked a quarter turn', bytes: turnedHeif(heicLabel.bytes(), 1), filename: 'IMG_0421.HEIC', format: 'HEIC', pageSizes: [size], texts: [heicLabel.text] },
    { name: 'JPEG 2000 (JP2)', bytes: await encodeJpeg2000(first!, 'jp2'), filename: 'housing.jp2', format: 'JP2', pageSizes: [size], texts: [lines[0]!] },
    { name: 'PNM (8-bit PGM)', bytes: await pgmPage(first!), filename: 'scan.pgm', format: 'PNM', pageSizes: [size], texts: [lines[0]!] },
    {
      name: '24-bit bottom-up BMP',
      bytes: bmpPage(first!, { bitsPerPixel: 24, topDown: false }),
      filename: 'housing.bmp',
      format: 'BMP',
      pageSizes: [size],
      texts: [lines[0]!],
    },
    {
      name: '32-bit top-down BMP',
      bytes: bmpPage(first!, { bitsPerPixel: 32, topDown: true }),
      filename: 'housing.bmp',
      format: 'BMP',
      pageSizes: [size],
      texts: [lines[0]!],
    },
    {
      name: '8-bit grey-palette BMP, as scanners write it',
      bytes: bmpPage(first!, { bitsPerPixel: 8, topDown: false }),
      filename: 'scan.bmp',
      format: 'BMP',
      pageSizes: [size],
      texts: [lines[0]!],
    },
    {
      name: '1-bit bitonal BMP',
      bytes: bmpPage(first!, { bitsPerPixel: 1, topDown: false }),
      filename: 'scan.bmp',
      format: 'BMP',
      pageSizes: [size],
      texts: [lines[0]!],
    },
    { name: 'three-page TIFF', bytes: await multiPageTiff(pages), filename: 'manual.tif', format: 'TIFF', pageSizes: [size, size, size], texts: lines },
    {
      name: 'born-digital PDF, non-embedded Chinese font',
      bytes: chineseTextPdf(pdfLines),
      filename: 'notes.pdf',
      format: 'PDF',
      pageSizes: [
        [1653, 2339],
        [1653, 2339],
      ],
      texts: pdfLines.map((l) => l[0]!.text),
    },
    {
      name: 'scanned PDF (JPEG page)',
      bytes: scannedPdf([{ jpeg: scanJpeg, width: 720, height: 160 }], 150),
      filename: 'scan.pdf',
      fields: { dpi: '150' },
      format: 'PDF',
      pageSizes: [size],
      texts: [lines[1]!],
    },
  ];
}

describe('documents over HTTP (API and worker as processes, real Redis, CPU engine)', () => {
  let service: ServiceHandle;
  let formats: FormatCase[];
  let corpus: MalformedCase[];
  beforeAll(async () => {
    [service, formats, corpus] = await Promise.all([startService({ workers: 1, workerEnv: { PAGE_RENDER_TIMEOUT_S: String(CORPUS_RENDER_BUDGET.seconds), PAGE_RENDER_MEMORY_MB: String(CORPUS_RENDER_BUDGET.megabytes) } }), formatCases(), malformedCorpus()]);
  });
  afterAll(async () => {
    await service?.stop();
  });

  const post = (bytes: Uint8Array, filename: string, fields: Record<string, string> = {}): Promise<Response> =>
    fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', body: form([{ name: filename, bytes }], fields) });

  it('reads every supported format: page count, page sizes and the text on each page', async () => {
    for (const c of formats) {
      const res = await post(c.bytes, c.filename, c.fields);
      const body = await json(res);
      expect(res.status, `${c.name}: ${JSON.stringify(body.error ?? '')}`).toBe(200);
      expect(body.file_info, c.name).toMatchObject({
        filename: c.filename,
        format: c.format,
        pages: c.texts.length,
        page_count: c.texts.length,
        page_sizes: c.pageSizes,
        image_size: c.pageSizes[0],
      });
      expect(body.pages.map((p: { page: number }) => p.page), c.name).toEqual(c.texts.map((_, i) => i + 1));
      c.texts.forEach((text, i) => expect(cer(text, body.pages[i].text), `${c.name} page ${i + 1}: "${body.pages[i].text}"`).toBeLessThan(0.1));
    }
  });

  it('reads the content, not the name: a JPEG called .png is a JPEG, and the mismatch is noted', async () => {
    const jpeg = formats.find((c) => c.name === 'JPEG')!;
    const body = await json(await post(jpeg.bytes, 'drawing.png'));
    expect(body.file_info.format).toBe('JPEG');
    expect(body.file_info.extension_mismatch).toContain('.png');
  });

  it('answers every malformed upload with its status and code, and the worker survives them all', async () => {
    const workerPid = service.workers[0]!.child.pid!;
    for (const c of corpus) {
      const res = await post(c.bytes, c.filename, fieldsOf(c.options));
      const body = await json(res);
      // The API's option schema checks dpi before the documents package sees it.
      const code = c.code === 'invalid_dpi' ? 'invalid_parameter' : c.code;
      expect({ case: c.name, status: res.status, code: body.error?.code }).toEqual({ case: c.name, status: c.status, code });
      expect(body.error.message.length, c.name).toBeGreaterThan(10);
    }
    expect(service.workers[0]!.child.exitCode).toBeNull();
    const health = await json(await fetch(`${service.baseUrl}/health`));
    expect(health.workers.map((w: { pid: number }) => w.pid)).toEqual([workerPid]);
    const good = formats[0]!;
    const after = await json(await post(good.bytes, good.filename));
    expect(cer(good.texts[0]!, after.raw_text)).toBeLessThan(0.1);
  });

  it('never uses a client filename as a path: file_info shows it sanitised', async () => {
    const good = formats[0]!;
    const body = await json(await post(good.bytes, '../../etc/passwd\u0007.png'));
    expect(body.file_info.filename).toBe('passwd.png');
  });

  it('streams a 300-page PDF with progress on GET /v1/jobs/{id} and flat worker memory', { timeout: 600_000 }, async () => {
    const pageCount = 300;
    // A4 at 72 dpi: 1.5 MB of RGB per page, so a worker keeping its pages would grow by ~400 MB.
    const pdf = latinTextPdf(pageCount);
    const res = await fetch(`${service.baseUrl}/v1/jobs`, { method: 'POST', body: form([{ name: 'long.pdf', bytes: pdf }], { dpi: '72' }) });
    expect(res.status).toBe(202);
    const { id } = await json(res);
    const workerPid = service.workers[0]!.child.pid!;
    const progressSeen: number[] = [];
    const memory: Array<{ done: number; rss: number }> = [];
    let job: any;
    const deadline = Date.now() + 540_000;
    for (;;) {
      job = await json(await fetch(`${service.baseUrl}/v1/jobs/${id}`));
      if (job.status === 'completed' || job.status === 'failed' || Date.now() > deadline) break;
      if (job.status === 'active' && job.progress) {
        progressSeen.push(job.progress.pages_done);
        memory.push({ done: job.progress.pages_done, rss: rssMb(workerPid) });
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(job.status).toBe('completed');
    expect(job.result.file_info).toMatchObject({ pages: pageCount, page_count: pageCount });
    expect(cer(`Page ${pageCount} of ${pageCount}`, job.result.pages[pageCount - 1].text)).toBeLessThan(0.2);

    const midway = progressSeen.filter((done) => done > 0 && done < pageCount);
    expect(new Set(midway).size).toBeGreaterThan(3);
    expect(progressSeen).toEqual([...progressSeen].sort((a, b) => a - b));

    // After the first pages (engine buffers and caches warm up), resident memory stays level.
    const warm = memory.filter((m) => m.done >= 30);
    expect(warm.length).toBeGreaterThan(5);
    const growth = Math.max(...warm.map((m) => m.rss)) - warm[0]!.rss;
    expect(growth).toBeLessThan(120);
  });
});
