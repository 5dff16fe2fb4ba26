import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrJobData } from '@ocr/contracts';
import { defaultRenderBudget } from '@ocr/documents';
import { loadPpocrEngine, type Engine } from '@ocr/engines';
import { characterErrorRate, renderPage } from '@ocr/testkit';
import { recogniseDocument, type RecogniseContext } from './recognise-document.ts';

let engine: Engine;

beforeAll(async () => {
  engine = await loadPpocrEngine();
});

afterAll(async () => {
  await engine?.dispose();
});

const TEXT = 'PUMP HOUSING ASSY 88-1042';

function context(maxPixelsPerPage: number): RecogniseContext {
  return {
    engine,
    limits: { maxPages: 10, maxPixelsPerPage, maxTotalPixels: 1e9 },
    renderBudget: defaultRenderBudget,
    defaultDpi: 200,
    workerId: 'test-worker',
    jobId: 'j-test',
    queueSeconds: 0,
    logger: pino({ level: 'silent' }),
  };
}

describe('recogniseDocument', () => {
  it('reads a scan over the pixel limit scaled down, with the scale on its page and its own size in file_info', async () => {
    const png = renderPage({ width: 1200, height: 300, blocks: [{ x: 40, y: 110, text: TEXT, fontSize: 60 }] });
    const data: OcrJobData = { blobKey: 'b', filename: 'sheet.png', size: png.byteLength, format: 'png', options: {} };
    const whole = await recogniseDocument(png, data, context(1_000_000));
    expect(whole.pages[0]!.scale).toBeUndefined();
    expect(whole.file_info.image_size).toEqual([1200, 300]);

    const scaled = await recogniseDocument(png, data, context(180_000));
    const [page] = scaled.pages;
    expect(page!.image_size).toEqual([848, 212]);
    expect(page!.scale).toBeCloseTo(848 / 1200, 5);
    expect(scaled.file_info).toMatchObject({ image_size: [1200, 300], page_sizes: [[848, 212]] });
    expect(characterErrorRate(TEXT, scaled.raw_text)).toBeLessThan(0.05);
  });
});
