/**
 * PP-OCR (this repository's CPU engine) against tesseract.js 7 on the same rendered and scanned
 * pages, offline. Run by hand: `pnpm exec tsx test/bench/ocr/run.ts` from the repository root.
 * Prints per page and per engine the CER and ms/page (image decode included; the faster of two
 * reads), their ratios, and the peak RSS of a worker process reading an A4 page at 200 dpi.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPpocrEngine } from '@ocr/engines';
import { characterErrorRate, pageImage } from '@ocr/testkit';
import { benchPages, type BenchPage } from './pages.ts';
import { tesseractReader } from './tesseract.ts';

interface Reading {
  cer: number;
  ms: number;
  /** CPU time of the whole process (worker threads included): less sensitive than wall time to other load. */
  cpuMs: number;
}

/** Tesseract puts a space between Chinese characters; dropped for both engines so CER compares reading, not spacing. */
function withoutSpacesBetweenHan(text: string): string {
  return text.replace(/(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])/gu, '');
}

type Reader = (bytes: Uint8Array) => Promise<string>;

/** Reads a page once, timed; the reading with its CER. */
async function readOnce(page: BenchPage, read: Reader): Promise<Reading> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const text = await read(page.bytes);
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  return { cer: characterErrorRate(page.reference, withoutSpacesBetweenHan(text)), ms, cpuMs: (user + system) / 1000 };
}

/** The faster of two readings: other processes on a shared machine only ever add time. */
const faster = (a: Reading, b: Reading) => (b.ms < a.ms ? b : a);

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const pct = (value: number) => `${(100 * value).toFixed(2)}%`;

const pages = await benchPages();
const ppocr = await loadPpocrEngine();
const tesseract = await tesseractReader();
const engines: Reader[] = [async (bytes) => (await ppocr.recognize(await pageImage(bytes))).text, (bytes) => tesseract.read(bytes)];
// One untimed page each first, so neither engine's one-off start-up lands on a timed page.
for (const read of engines) await read(pages[0]!.bytes);
// Page by page, engines alternating and each page read twice, so both engines meet the same load.
const readings: Reading[][] = [[], []];
for (const page of pages) {
  for (const [e, read] of engines.entries()) readings[e]!.push(await readOnce(page, read));
  for (const [e, read] of engines.entries()) readings[e]![readings[e]!.length - 1] = faster(readings[e]!.at(-1)!, await readOnce(page, read));
}
await ppocr.dispose();
await tesseract.close();
const [ppocrReadings, tesseractReadings] = readings as [Reading[], Reading[]];

console.log(`machine: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('page                          ppocr CER  wall ms   cpu ms | tesseract CER  wall ms   cpu ms');
const row = (r: Reading) => `${pct(r.cer).padStart(8)} ${r.ms.toFixed(0).padStart(8)} ${r.cpuMs.toFixed(0).padStart(8)}`;
pages.forEach((page, i) => console.log(`${page.name.padEnd(30)}${row(ppocrReadings[i]!)} | ${row(tesseractReadings[i]!)}`));
const summary = (readings: Reading[]) => ({
  cer: mean(readings.map((r) => r.cer)),
  ms: mean(readings.map((r) => r.ms)),
  cpuMs: mean(readings.map((r) => r.cpuMs)),
});
const p = summary(ppocrReadings), t = summary(tesseractReadings);
console.log(`\nmean over ${pages.length} pages`);
console.log(`ppocr      CER ${pct(p.cer).padStart(7)}  ${p.ms.toFixed(0).padStart(6)} ms/page wall  ${p.cpuMs.toFixed(0).padStart(6)} ms/page CPU`);
console.log(`tesseract  CER ${pct(t.cer).padStart(7)}  ${t.ms.toFixed(0).padStart(6)} ms/page wall  ${t.cpuMs.toFixed(0).padStart(6)} ms/page CPU`);
console.log(
  `CER ratio ppocr/tesseract ${(p.cer / t.cer).toFixed(3)} (goal ≤ 0.5); ` +
    `speed-up ${(t.ms / p.ms).toFixed(2)}× wall, ${(t.cpuMs / p.cpuMs).toFixed(2)}× CPU (goal ≥ 1.5×)`,
);

const memoryScript = fileURLToPath(new URL('./worker-memory.ts', import.meta.url));
const a4File = join(mkdtempSync(join(tmpdir(), 'ocr-bench-')), 'a4.png');
writeFileSync(a4File, pages.find((page) => page.name === 'A4 200 dpi')!.bytes);
const memory = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', memoryScript, a4File], { encoding: 'utf8' })) as {
  peakRssMb: number;
  firstMs: number;
  repeatMs: number;
};
console.log(
  `worker process, A4 at 200 dpi: peak RSS ${memory.peakRssMb.toFixed(0)} MB (goal < 600); ` +
    `first page ${memory.firstMs.toFixed(0)} ms, repeat ${memory.repeatMs.toFixed(0)} ms`,
);
rmSync(dirname(a4File), { recursive: true, force: true });
