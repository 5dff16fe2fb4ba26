import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { characterErrorRate, renderPage } from '@ocr/testkit';
import { startService, type ServiceHandle } from '../../../test/harness.ts';
import { OcrApiError } from './errors.ts';
import { OcrClient } from './ocr-client.ts';

const API_KEY = 'client-test-key';
const TEXT = 'Hydraulic pump maintenance\nCheck the oil level every 200 hours';
const page = { name: 'pump.png', bytes: renderPage({ width: 900, height: 260, blocks: [{ x: 40, y: 40, text: TEXT, fontSize: 36 }] }) };
// A valid PNG header with its image data cut off: accepted at upload, failed by the worker.
const truncated = { name: 'broken.png', bytes: page.bytes.subarray(0, 120) };
// An AutoCAD drawing's header: a format the service does not read.
const dwg = { name: 'bracket.dwg', bytes: Buffer.from('AC1032\x00\x00\x00\x00\x00\x06\x01', 'latin1') };

async function rejection(promise: Promise<unknown>): Promise<OcrApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OcrApiError);
  return error as OcrApiError;
}

describe('OcrClient against the real service (API_KEYS set)', () => {
  let service: ServiceHandle;
  let client: OcrClient;
  beforeAll(async () => {
    service = await startService({ workers: 1, apiEnv: { API_KEYS: API_KEY } });
    client = new OcrClient({ baseUrl: service.baseUrl, apiKey: API_KEY });
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('process() resolves with the recognised text', async () => {
    const result = await client.process(page);
    expect(characterErrorRate(TEXT, result.raw_text)).toBeLessThan(0.1);
    expect(result.file_info).toMatchObject({ filename: 'pump.png', format: 'PNG', image_size: [900, 260] });
  });

  it('submit() then waitForJob() resolves with the completed job; job() reads it again', async () => {
    const accepted = await client.submit(page, { pages: '1' });
    expect(accepted.links.self).toBe(`/v1/jobs/${accepted.id}`);
    const done = await client.waitForJob(accepted.id, { timeoutMs: 30_000 });
    expect(done.status).toBe('completed');
    expect(characterErrorRate(TEXT, done.result!.raw_text)).toBeLessThan(0.1);
    expect((await client.job(accepted.id, { wait: 0 })).status).toBe('completed');
  });

  it('processBatch() answers every file in order, the bad one with its error code', async () => {
    const batch = await client.processBatch([page, truncated, dwg]);
    expect(batch).toMatchObject({ status: 'partial', total: 3, succeeded: 1, failed: 2 });
    const [good, broken, refused] = batch.results;
    expect(good!.status).toBe('success');
    expect(broken).toMatchObject({ status: 'error', filename: 'broken.png', error: { code: 'corrupt_image' } });
    expect(refused).toMatchObject({ status: 'error', filename: 'bracket.dwg', error: { code: 'unsupported_format' } });
  });

  it('submitBatch() queues the readable files and batch() reports per item', async () => {
    const accepted = await client.submitBatch([page, dwg]);
    expect(accepted.jobs).toEqual([expect.any(String), null]);
    const view = await client.batch(accepted.id);
    expect(view.items.map((i) => i.filename)).toEqual(['pump.png', 'bracket.dwg']);
    expect(view.items[1]).toMatchObject({ status: 'rejected', error: { code: 'unsupported_format' } });
    await client.waitForJob(accepted.jobs[0]!, { timeoutMs: 30_000 });
  });

  it('an unsupported file is an OcrApiError with status 415 and code unsupported_format', async () => {
    const error = await rejection(client.process(dwg));
    expect(error).toMatchObject({ status: 415, code: 'unsupported_format' });
  });

  it('an unknown job is a 404 job_not_found', async () => {
    expect(await rejection(client.job('no-such-job'))).toMatchObject({ status: 404, code: 'job_not_found' });
  });

  it('without the API key the service answers 401; health stays open', async () => {
    const anonymous = new OcrClient({ baseUrl: service.baseUrl });
    expect(await rejection(anonymous.process(page))).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(await rejection(anonymous.modelInfo())).toMatchObject({ status: 401, code: 'unauthorized' });
    expect((await anonymous.health()).status).toBe('healthy');
    const wrong = new OcrClient({ baseUrl: service.baseUrl, apiKey: 'not-the-key' });
    expect(await rejection(wrong.modelInfo())).toMatchObject({ status: 401 });
  });

  it('health() and modelInfo() read the worker the service runs', async () => {
    const health = await client.health();
    expect(health).toMatchObject({ status: 'healthy', model_loaded: true, redis: { ok: true } });
    const info = await client.modelInfo();
    expect(info).toMatchObject({ is_loaded: true, device: health.device });
    expect(info.workers).toHaveLength(1);
  });

  it('an unreachable service is a network_error with status 0', async () => {
    const nowhere = new OcrClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 5000 });
    expect(await rejection(nowhere.health())).toMatchObject({ status: 0, code: 'network_error' });
  });
});
