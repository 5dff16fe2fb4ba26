import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { latinTextPdf } from './fixtures/index.ts';
import { openDocument } from './open.ts';

// A real collection before each reading, so garbage not yet collected is not counted as growth.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function memoryMb(): { rss: number; js: number } {
  collectGarbage();
  const { rss, heapUsed, arrayBuffers } = process.memoryUsage();
  return { rss: rss / 2 ** 20, js: (heapUsed + arrayBuffers) / 2 ** 20 };
}

describe('a 300-page PDF', () => {
  it('streams page by page with flat memory', async () => {
    const pageCount = 300;
    // 400 × 560 pt at 72 dpi: 0.67 MB of RGB (0.9 MB of canvas) per page, so keeping every
    // page would add ~200 MB; small enough to render 300 of them in seconds.
    const pdf = latinTextPdf(pageCount, { size: { width: 400, height: 560 }, linesPerPage: 20 });
    const doc = await openDocument(pdf, { dpi: 72 });
    expect(doc.selectedPages).toHaveLength(pageCount);
    const warmUpPages = 30;
    let baseline = { rss: 0, js: 0 };
    let peak = { rss: 0, js: 0 };
    let produced = 0;
    for await (const { page, image } of doc.pageImages()) {
      expect(page).toBe(++produced);
      expect(image).toMatchObject({ width: 400, height: 560 });
      if (page === warmUpPages) baseline = memoryMb();
      if (page > warmUpPages && page % 30 === 0) {
        const now = memoryMb();
        peak = { rss: Math.max(peak.rss, now.rss), js: Math.max(peak.js, now.js) };
      }
    }
    await doc.close();
    expect(produced).toBe(pageCount);
    // Half of what keeping every page would add: RSS drifts with the allocator and pdf.js's
    // worker (50.07 MB seen once in CI, 50 the bound then), where the JS heap below does not.
    expect(peak.rss - baseline.rss).toBeLessThan(100);
    expect(peak.js - baseline.js).toBeLessThan(25);
  });
});
