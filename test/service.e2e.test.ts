import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { characterErrorRate, renderPage } from '@ocr/testkit';
import { form, json, startService, type ServiceHandle } from './harness.ts';

const TEXT = 'Hydraulic pump maintenance\nCheck the oil level every 200 hours';
const page = renderPage({ width: 900, height: 260, blocks: [{ x: 40, y: 40, text: TEXT, fontSize: 36 }] });

/** The keys the old FastAPI service answered with; its Flask client reads these. */
function expectSeedShape(body: Record<string, any>): void {
  expect(body.status).toBe('success');
  expect(typeof body.raw_text).toBe('string');
  expect(typeof body.confidence).toBe('number');
  for (const key of ['model', 'device', 'prompt', 'processing_time', 'image_patches', 'total_processing_time']) {
    expect(body.metadata).toHaveProperty(key);
  }
  for (const key of ['tables', 'diagrams', 'annotations', 'specifications']) {
    expect(Array.isArray(body.structured_content[key])).toBe(true);
  }
  for (const key of ['filename', 'size', 'format', 'image_size']) expect(body.file_info).toHaveProperty(key);
}

describe('the service end to end (API and worker as processes, real Redis, default engine)', () => {
  let service: ServiceHandle;
  beforeAll(async () => {
    service = await startService({ workers: 1 });
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('is healthy with a loaded worker, and reports the model from its heartbeat', async () => {
    const res = await fetch(`${service.baseUrl}/health`);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({ status: 'healthy', model_loaded: true, device: 'cpu', gpu_available: false, redis: { ok: true } });
    expect(body.model).toContain('PP-OCR');
    expect(body.workers).toHaveLength(1);
    expect(typeof body.service).toBe('string');
    expect(Number.isNaN(Date.parse(body.timestamp))).toBe(false);

    const info = await json(await fetch(`${service.baseUrl}/model/info`));
    expect(info).toMatchObject({ device: 'cpu', is_loaded: true, max_file_size_mb: 50, gpu_available: false });
    expect(info.supported_formats).toEqual(expect.arrayContaining(['.png', '.jpg', '.pdf', '.bmp', '.tiff', '.webp', '.gif', '.avif']));
  });

  it('POST /ocr/process answers the old JSON shape with the rendered text recognised', async () => {
    const res = await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', body: form([{ name: 'pump.png', bytes: page }]) });
    expect(res.status).toBe(200);
    const body = await json(res);
    expectSeedShape(body);
    expect(characterErrorRate(TEXT, body.raw_text)).toBeLessThan(0.05);
    expect(body.confidence).toBeGreaterThan(0.5);
    expect(body.confidence).toBeLessThanOrEqual(1);
    expect(body.file_info).toMatchObject({ filename: 'pump.png', size: page.byteLength, format: 'PNG', image_size: [900, 260] });
    expect(body.metadata.device).toBe('cpu');
  });

  it('accepts a multipart POST exactly like the old Flask client (files={"file": f}, nothing else)', async () => {
    // Byte for byte what python-requests sends for files={'file': open('scan.png', 'rb')}: no part Content-Type.
    const boundary = 'a3f2c9e1d4b5a6978899aabbccddeeff';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.png"\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const body = Buffer.concat([head, page, tail]);
    const res = await fetch(`${service.baseUrl}/ocr/process`, {
      method: 'POST',
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(body.length), 'User-Agent': 'python-requests/2.31.0' },
      body,
    });
    expect(res.status).toBe(200);
    const answer = await json(res);
    expect(characterErrorRate(TEXT, answer.raw_text)).toBeLessThan(0.05);
  });

  it('answers the old paths with a trailing slash too, as FastAPI did by redirecting them', async () => {
    const form = new FormData();
    form.append('file', new Blob([page], { type: 'image/png' }), 'scan.png');
    const res = await fetch(`${service.baseUrl}/ocr/process/`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    expect(characterErrorRate(TEXT, (await json(res)).raw_text)).toBeLessThan(0.05);
    expect((await fetch(`${service.baseUrl}/health/`)).status).toBe(200);
  });

  it('takes the document as the body itself (curl --data-binary), its options and name in the query', async () => {
    const res = await fetch(`${service.baseUrl}/ocr/process?filename=pump.png&dpi=150`, { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: page });
    expect(res.status).toBe(200);
    const answer = await json(res);
    expect(characterErrorRate(TEXT, answer.raw_text)).toBeLessThan(0.05);
    expect(answer.file_info).toMatchObject({ filename: 'pump.png', format: 'PNG', size: page.byteLength });
    const named = await fetch(`${service.baseUrl}/v1/jobs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'Content-Disposition': "attachment; filename*=UTF-8''%E5%9B%BE%E7%BA%B8.png" },
      body: page,
    });
    expect(named.status).toBe(202);
    const job = await json(await fetch(`${service.baseUrl}${named.headers.get('location')}?wait=30`));
    expect(job.result.file_info.filename).toBe('图纸.png');
  });

  it('reads a non-ASCII file name sent as filename* (older python-requests, .NET) or as raw UTF-8', async () => {
    const boundary = 'b91c3d2e';
    for (const disposition of [
      "form-data; name=\"file\"; filename*=utf-8''%E5%9B%BE%E7%BA%B8-01.png",
      'form-data; name="file"; filename="图纸-01.png"; filename*=UTF-8\'\'%E5%9B%BE%E7%BA%B8-01.png',
      'form-data; name="file"; filename="图纸-01.png"',
    ]) {
      const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`), page, Buffer.from(`\r\n--${boundary}--\r\n`)]);
      const res = await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body });
      expect(res.status, disposition).toBe(200);
      expect((await json(res)).file_info.filename).toBe('图纸-01.png');
    }
  });

  it('gives the same result through /v1/jobs and polling', async () => {
    const direct = await json(await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', body: form([{ name: 'a.png', bytes: page }]) }));
    const submitted = await fetch(`${service.baseUrl}/v1/jobs`, { method: 'POST', body: form([{ name: 'a.png', bytes: page }]) });
    expect(submitted.status).toBe(202);
    const accepted = await json(submitted);
    expect(submitted.headers.get('location')).toBe(`/v1/jobs/${accepted.id}`);
    expect(accepted.links.self).toBe(`/v1/jobs/${accepted.id}`);
    let job: any;
    for (let i = 0; i < 120; i++) {
      job = await json(await fetch(`${service.baseUrl}/v1/jobs/${accepted.id}?wait=5`));
      if (job.status === 'completed' || job.status === 'failed') break;
    }
    expect(job.status).toBe('completed');
    expect(job.result.raw_text).toBe(direct.raw_text);
    expect(job.result.confidence).toBeCloseTo(direct.confidence, 6);
    expect(job.progress).toMatchObject({ pages_done: 1, pages_total: 1, fraction: 1 });
    expect(Date.parse(job.finished_at)).toBeGreaterThanOrEqual(Date.parse(job.started_at));
  });

  it('an Idempotency-Key makes a retried submission return the first job, not a second one', async () => {
    const submit = (bytes: Uint8Array, key: string) =>
      fetch(`${service.baseUrl}/v1/jobs`, { method: 'POST', headers: { 'Idempotency-Key': key }, body: form([{ name: 'same.png', bytes }]) });
    const key = `retry-${Date.now()}`;
    const first = await json(await submit(page, key));
    const again = await submit(page, key);
    expect(again.status).toBe(202);
    expect((await json(again)).id).toBe(first.id);
    const other = renderPage({ width: 300, height: 80, blocks: [{ x: 10, y: 20, text: 'other', fontSize: 30 }] });
    const reused = await submit(other, key);
    expect(reused.status).toBe(422);
    expect((await json(reused)).error.code).toBe('idempotency_key_reused');
    const bad = await submit(page, 'has spaces in it');
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.code).toBe('invalid_idempotency_key');
    const sync = await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', headers: { 'Idempotency-Key': key }, body: form([{ name: 'same.png', bytes: page }]) });
    expect(sync.status).toBe(200);
    expect((await json(sync)).metadata.job_id).toBe(first.id);
  });

  it('a three-file /v1/batches with one bad file ends 2 succeeded, 1 failed with its reason', async () => {
    const jpeg = await sharp(page).jpeg({ quality: 92 }).toBuffer();
    const truncated = jpeg.subarray(0, Math.floor(jpeg.length / 3));
    const res = await fetch(`${service.baseUrl}/v1/batches`, {
      method: 'POST',
      body: form([
        { field: 'files', name: 'one.png', bytes: page },
        { field: 'files', name: 'broken.jpg', bytes: truncated },
        { field: 'files', name: 'two.jpg', bytes: jpeg },
      ]),
    });
    expect(res.status).toBe(202);
    const { id } = await json(res);
    let batch: any;
    for (let i = 0; i < 120; i++) {
      batch = await json(await fetch(`${service.baseUrl}/v1/batches/${id}`));
      if (batch.status === 'completed') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(batch.counts).toMatchObject({ completed: 2, failed: 1 });
    expect(batch.items.map((i: any) => i.status)).toEqual(['completed', 'failed', 'completed']);
    expect(batch.items[1].error.code).toBe('corrupt_image');
    expect(characterErrorRate(TEXT, batch.items[2].result.raw_text)).toBeLessThan(0.05);
  });

  it('POST /ocr/batch waits for all and answers one entry per file in upload order', async () => {
    const res = await fetch(`${service.baseUrl}/ocr/batch`, {
      method: 'POST',
      body: form([
        { field: 'files', name: 'notes.txt', bytes: new TextEncoder().encode('not an image') },
        { field: 'files', name: 'page.png', bytes: page },
      ]),
    });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({ status: 'partial', total: 2, succeeded: 1, failed: 1 });
    expect(body.results[0]).toMatchObject({ status: 'error', filename: 'notes.txt', error: { code: 'unsupported_format' } });
    expect(body.results[1].status).toBe('success');
    expect(characterErrorRate(TEXT, body.results[1].raw_text)).toBeLessThan(0.05);
  });

  it('answers 202 with Location at once for Prefer: respond-async, and the job completes', async () => {
    const res = await fetch(`${service.baseUrl}/ocr/process`, {
      method: 'POST',
      headers: { Prefer: 'respond-async' },
      body: form([{ name: 'later.png', bytes: page }]),
    });
    expect(res.status).toBe(202);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/v1\/jobs\//);
    const job = await json(await fetch(`${service.baseUrl}${location}?wait=30`));
    expect(job.status).toBe('completed');
  });

  it('reports a job’s place in the queue while it waits', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${service.baseUrl}/v1/jobs`, { method: 'POST', body: form([{ name: `q${i}.png`, bytes: page }]) });
      ids.push((await json(res)).id);
    }
    const last = await json(await fetch(`${service.baseUrl}/v1/jobs/${ids[2]}`));
    if (last.status === 'waiting') expect(last.queue_position).toBeGreaterThanOrEqual(1);
    else expect(last.queue_position).toBeNull();
    for (const id of ids) expect((await json(await fetch(`${service.baseUrl}/v1/jobs/${id}?wait=30`))).status).toBe('completed');
  });

  it('POST /model/reload reloads every live worker and returns their model info', async () => {
    const res = await fetch(`${service.baseUrl}/model/reload`, { method: 'POST' });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.status).toBe('success');
    expect(body.reloaded).toHaveLength(1);
    expect(body.reloaded[0]).toMatchObject({ loaded: true, engine: 'ppocr' });
    const after = await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', body: form([{ name: 'r.png', bytes: page }]) });
    expect(after.status).toBe(200);
  });

  it('serves the index as JSON or HTML, the OpenAPI document and the docs page', async () => {
    const index = await json(await fetch(`${service.baseUrl}/`));
    expect(index.links).toMatchObject({ docs: '/docs', health: '/health', dashboard: '/admin/queues' });
    const html = await fetch(`${service.baseUrl}/`, { headers: { Accept: 'text/html' } });
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await html.text()).toContain('/admin/queues');
    const openapi = await json(await fetch(`${service.baseUrl}/openapi.json`));
    expect(openapi.openapi).toBe('3.0.3');
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/ocr/process', '/v1/jobs/{id}', '/v1/batches']));
    expect(openapi.components.schemas.OcrResult.properties).toHaveProperty('raw_text');
    const docs = await fetch(`${service.baseUrl}/docs`);
    expect(await docs.text()).toContain('/openapi.json');
    const bundle = await fetch(`${service.baseUrl}/docs/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
  });

  it('renders the Bull Board dashboard with the queue', async () => {
    const res = await fetch(`${service.baseUrl}/admin/queues`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root"');
    const queues = await json(await fetch(`${service.baseUrl}/admin/queues/api/queues`));
    expect(queues.queues.map((q: any) => q.name)).toContain('ocr');
  });
});
