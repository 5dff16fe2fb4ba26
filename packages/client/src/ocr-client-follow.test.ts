import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { characterErrorRate, renderPage } from '@ocr/testkit';
import { startService, type ServiceHandle } from '../../../test/harness.ts';
import { OcrClient } from './ocr-client.ts';

const LINES = Array.from({ length: 8 }, (_, i) => `Section ${i + 1}: inspect the flange bolts and gaskets`).join('\n');

/** Four pages of text: several seconds of work, well past a one-second SYNC_TIMEOUT_S. */
async function manual(): Promise<{ name: string; bytes: Uint8Array }> {
  const png = renderPage({ width: 1200, height: 600, blocks: [{ x: 60, y: 60, text: LINES, fontSize: 30 }] });
  const tiff = await sharp([png, png, png, png], { join: { animated: true } }).tiff({ compression: 'lzw' }).toBuffer();
  return { name: 'manual.tiff', bytes: tiff };
}

describe('OcrClient follows 202 answers (SYNC_TIMEOUT_S=1)', () => {
  let service: ServiceHandle;
  /** Statuses of every answer the client got, to see that the 202 really happened. */
  const statuses: Array<[string, number]> = [];
  let client: OcrClient;
  beforeAll(async () => {
    service = await startService({ workers: 1, apiEnv: { SYNC_TIMEOUT_S: '1' } });
    const recording: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      statuses.push([new URL(String(input)).pathname, res.status]);
      return res;
    };
    client = new OcrClient({ baseUrl: service.baseUrl, fetch: recording });
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('process() of a slow multi-page document still resolves with the result', async () => {
    statuses.length = 0;
    const result = await client.process(await manual());
    expect(statuses[0]).toEqual(['/ocr/process', 202]);
    expect(statuses.slice(1).every(([path]) => path.startsWith('/v1/jobs/'))).toBe(true);
    expect(result.file_info.pages).toBe(4);
    expect(result.pages).toHaveLength(4);
    for (const page of result.pages) expect(characterErrorRate(LINES, page.text)).toBeLessThan(0.1);
  });

  it('processBatch() follows its 202 through /v1/batches/{id} to the old batch answer', async () => {
    statuses.length = 0;
    const document = await manual();
    const batch = await client.processBatch([document, { ...document, name: 'copy.tiff' }]);
    expect(statuses[0]).toEqual(['/ocr/batch', 202]);
    expect(batch).toMatchObject({ status: 'success', total: 2, succeeded: 2, failed: 0 });
    expect(batch.results.map((r) => r.filename)).toEqual(['manual.tiff', 'copy.tiff']);
  });
});
