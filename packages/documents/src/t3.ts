import { createCanvas } from '@napi-rs/canvas';
import { latinTextPdf } from './fixtures/index.ts';
import path from 'node:path';
import { createRequire } from 'node:module';
const pdfjsFolder = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const pdf = latinTextPdf(10, { linesPerPage: 45 });
const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: pdfjsFolder + '/standard_fonts/', isEvalSupported: process.argv[2] === 'eval', verbosity: 0 }).promise;
const canvas = createCanvas(1, 1); const ctx = canvas.getContext('2d');
for (let i = 1; i <= 10; i++) {
  const t0 = performance.now(); const c0 = process.cpuUsage();
  const page = await doc.getPage(i);
  const t1 = performance.now();
  const vp = page.getViewport({ scale: 150 / 72 });
  canvas.width = Math.round(vp.width); canvas.height = Math.round(vp.height);
  const task = page.render({ canvas: canvas as never, canvasContext: ctx as never, viewport: vp });
  await task.promise;
  const t2 = performance.now();
  if (process.argv[3] === 'cleanup') page.cleanup();
  const cpu = process.cpuUsage(c0);
  console.log(i, 'getPage', (t1 - t0).toFixed(0), 'render', (t2 - t1).toFixed(0), 'cpu', ((cpu.user + cpu.system) / 1000).toFixed(0));
}
