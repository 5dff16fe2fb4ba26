/**
 * Run as its own process by run.ts, so its peak RSS is what a worker holding the PP-OCR engine
 * reaches: loads the engine, decodes the A4 page (200 dpi) whose image file is argv[2] and reads
 * it twice, then prints JSON. It renders nothing itself, so the canvas library does not count.
 */
import { readFileSync } from 'node:fs';
import { loadPpocrEngine } from '@ocr/engines';
import { pageImage } from '@ocr/testkit';

const engine = await loadPpocrEngine();
const page = await pageImage(readFileSync(process.argv[2]!));
const timed = async () => {
  const started = performance.now();
  await engine.recognize(page);
  return performance.now() - started;
};
const firstMs = await timed();
const repeatMs = await timed();
await engine.dispose();
// maxRSS is in kilobytes.
console.log(JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024, firstMs, repeatMs }));
