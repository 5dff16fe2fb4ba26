import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPage } from '@ocr/testkit';
import { createOcrQueue, newJobId, ocrJobOptions } from '@ocr/queue';
import { form, json, startProcess, startService, type ServiceHandle } from './harness.ts';

const KEY = 'test-key-1';
const page = renderPage({ width: 400, height: 120, blocks: [{ x: 20, y: 30, text: 'Torque 25 N·m', fontSize: 32 }] });

async function expectError(res: Response, status: number, code: string): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/json');
  const body = await json(res);
  expect(body).toEqual({ status: 'error', error: { code, message: expect.any(String) }, detail: body.error.message });
  expect(body.error.message.length).toBeGreaterThan(5);
}

/** Streams `totalMb` of multipart body without a Content-Length; resolves with the status and how much was sent. */
function streamUpload(url: string, totalMb: number, headers: Record<string, string>): Promise<{ status: number; body: any; sentMb: number }> {
  return new Promise((resolve, reject) => {
    const boundary = 'streamboundary';
    const req = request(url, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Transfer-Encoding': 'chunked' },
    });
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(1 << 20, 0x41);
    req.on('response', (res) => {
      answered = true;
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        resolve({ status: res.statusCode!, body: JSON.parse(text), sentMb: sent });
        req.destroy();
      });
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.png"\r\n\r\n`);
    const pump = () => {
      while (!answered && sent < totalMb) {
        sent++;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end(`\r\n--${boundary}--\r\n`);
    };
    pump();
  });
}

describe('errors and access control over HTTP (API and worker as processes)', () => {
  let service: ServiceHandle;
  const auth = { Authorization: `Bearer ${KEY}` };
  beforeAll(async () => {
    service = await startService({
      workers: 1,
      apiEnv: { API_KEYS: `${KEY}, other-key`, ADMIN_USER: 'ops', ADMIN_PASSWORD: 's3cret', MAX_FILE_SIZE_MB: '5', RESULT_TTL_S: '3600' },
    });
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('needs an API key on every route but the index, health and docs (401 otherwise)', async () => {
    await expectError(await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', body: form([{ name: 'a.png', bytes: page }]) }), 401, 'unauthorized');
    await expectError(await fetch(`${service.baseUrl}/model/info`, { headers: { Authorization: 'Bearer wrong' } }), 401, 'unauthorized');
    for (const path of ['/', '/health', '/health/', '/docs', '/openapi.json']) expect((await fetch(`${service.baseUrl}${path}`)).status).toBe(200);
    await expectError(await fetch(`${service.baseUrl}/model/info/`), 401, 'unauthorized');
    expect((await fetch(`${service.baseUrl}/model/info`, { headers: { 'X-API-Key': 'other-key' } })).status).toBe(200);
    const ok = await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', headers: auth, body: form([{ name: 'a.png', bytes: page }]) });
    expect(ok.status).toBe(200);
  });

  it('lets a web page on another origin call the API with its key (CORS preflight needs no key)', async () => {
    const origin = 'https://drawings.example.com';
    const preflight = await fetch(`${service.baseUrl}/ocr/process`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, idempotency-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const submitted = await fetch(`${service.baseUrl}/v1/jobs`, { method: 'POST', headers: { ...auth, Origin: origin }, body: form([{ name: 'a.png', bytes: page }]) });
    expect(submitted.status).toBe(202);
    expect(submitted.headers.get('access-control-allow-origin')).toBe('*');
    expect(submitted.headers.get('access-control-expose-headers')).toContain('Location');
    // Without an Origin (curl, python-requests) no CORS headers, and a cache is told the answer differs.
    const plain = await fetch(`${service.baseUrl}/v1/jobs`, { method: 'POST', headers: auth, body: form([{ name: 'a.png', bytes: page }]) });
    expect(plain.status).toBe(202);
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Origin');
    expect(plain.headers.get('location')).toMatch(/^\/v1\/jobs\//);
  });

  it('puts the dashboard behind Basic auth when ADMIN_PASSWORD is set', async () => {
    const denied = await fetch(`${service.baseUrl}/admin/queues`);
    expect(denied.status).toBe(401);
    expect(denied.headers.get('www-authenticate')).toContain('Basic');
    expect((await fetch(`${service.baseUrl}/admin/queues/api/queues`)).status).toBe(401);
    const basic = { Authorization: `Basic ${Buffer.from('ops:s3cret').toString('base64')}` };
    const allowed = await fetch(`${service.baseUrl}/admin/queues`, { headers: basic });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('<div id="root"');
  });

  it('400 for a request without a file, or not multipart at all', async () => {
    await expectError(await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', headers: auth, body: form([], { prompt: 'hi' }) }), 400, 'missing_file');
    await expectError(
      await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{}' }),
      400,
      'missing_file',
    );
    await expectError(await fetch(`${service.baseUrl}/v1/batches`, { method: 'POST', headers: auth, body: form([]) }), 400, 'missing_file');
    // Two files where one is read: refused rather than the second dropped unread.
    const two = [{ name: 'a.png', bytes: page }, { name: 'b.png', bytes: page }];
    await expectError(await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', headers: auth, body: form(two) }), 400, 'multiple_files');
    await expectError(await fetch(`${service.baseUrl}/v1/jobs`, { method: 'POST', headers: auth, body: form(two) }), 400, 'multiple_files');
    // The file as a text field (no filename), as `curl -F 'file=<drawing.png'` sends it: told so.
    const asText = new FormData();
    asText.append('file', 'PNG bytes as text');
    const answer = await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', headers: auth, body: asText });
    const body = await json(answer.clone());
    await expectError(answer, 400, 'missing_file');
    expect(body.error.message).toContain('came as text, not as a file');
    // A body cut off in the middle of its part: no closing boundary.
    const cut = `--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n${'A'.repeat(100)}`;
    await expectError(
      await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', headers: { ...auth, 'Content-Type': 'multipart/form-data; boundary=xyz' }, body: cut }),
      400,
      'malformed_multipart',
    );
  });

  it('400 for an empty file and for bad parameters, naming them', async () => {
    await expectError(await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', headers: auth, body: form([{ name: 'e.png', bytes: new Uint8Array() }]) }), 400, 'empty_file');
    const dpi = await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', headers: auth, body: form([{ name: 'a.png', bytes: page }], { dpi: 'lots' }) });
    await expectError(dpi.clone(), 400, 'invalid_parameter');
    expect((await json(dpi)).error.message).toContain('dpi');
    await expectError(
      await fetch(`${service.baseUrl}/v1/jobs`, { method: 'POST', headers: auth, body: form([{ name: 'a.png', bytes: page }], { pages: '3-1' }) }),
      400,
      'invalid_page_range',
    );
    await expectError(await fetch(`${service.baseUrl}/v1/jobs/nope?wait=-1`, { headers: auth }), 400, 'invalid_parameter');
  });

  it('415 for a file that is no supported format, whatever its name says', async () => {
    const text = new TextEncoder().encode('just some notes, not a picture');
    await expectError(await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', headers: auth, body: form([{ name: 'drawing.png', bytes: text }]) }), 415, 'unsupported_format');
    // A format people do send is named, with what to send instead.
    const dwg = new TextEncoder().encode('AC1032\0\0\0\0\0\x06\x01');
    const refused = await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', headers: auth, body: form([{ name: 'housing.dwg', bytes: dwg }]) });
    await expectError(refused.clone(), 415, 'unsupported_format');
    expect((await json(refused)).error.message).toMatch(/^The file is an AutoCAD DWG drawing, which is not read: plot it to PDF/);
  });

  it('413 for a file over the limit, with a Content-Length', async () => {
    const big = new Uint8Array(6 * 2 ** 20);
    await expectError(await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', headers: auth, body: form([{ name: 'big.png', bytes: big }]) }), 413, 'file_too_large');
  });

  it('413 while a 200 MB upload is still streaming: it is refused, never buffered whole', async () => {
    const { status, body, sentMb } = await streamUpload(`${service.baseUrl}/ocr/process`, 200, auth);
    expect(status).toBe(413);
    expect(body.error.code).toBe('file_too_large');
    expect(sentMb).toBeLessThan(100);
  });

  it('404 for unknown job and batch ids, with a code that tells an expired id apart', async () => {
    await expectError(await fetch(`${service.baseUrl}/v1/jobs/j0000-unknown`, { headers: auth }), 404, 'job_not_found');
    await expectError(await fetch(`${service.baseUrl}/v1/jobs/${newJobId()}`, { headers: auth }), 404, 'job_not_found');
    await expectError(await fetch(`${service.baseUrl}/v1/jobs/${newJobId(Date.now() - 7_200_000)}`, { headers: auth }), 404, 'job_expired');
    await expectError(await fetch(`${service.baseUrl}/v1/batches/b-nope`, { headers: auth }), 404, 'batch_not_found');
    await expectError(await fetch(`${service.baseUrl}/no/such/route`, { headers: auth }), 404, 'not_found');
    const wrongMethod = await fetch(`${service.baseUrl}/ocr/process`, { headers: auth });
    await expectError(wrongMethod, 405, 'method_not_allowed');
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect((await fetch(`${service.baseUrl}/v1/jobs/j0000-unknown`, { method: 'DELETE', headers: auth })).headers.get('allow')).toBe('GET, HEAD');
  });

  it('a corrupt file fails its job once with its code, and the worker goes on', async () => {
    const png = page.subarray(0, 200);
    const res = await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', headers: auth, body: form([{ name: 'cut.png', bytes: png }]) });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const body = await json(res);
    expect(['corrupt_image', 'image_too_large']).toContain(body.error.code);
    const after = await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', headers: auth, body: form([{ name: 'ok.png', bytes: page }]) });
    expect(after.status).toBe(200);
  });

  it('a job added by hand with data that is not a document (the dashboard can) fails once, and the queue drains on', async () => {
    const queue = createOcrQueue(service.redis, service.prefix);
    const id = newJobId();
    await queue.add('ocr', { hello: 'world' } as never, ocrJobOptions(id, 'submitted', { resultTtlSeconds: 3600, attempts: 3 }));
    const res = await fetch(`${service.baseUrl}/v1/jobs/${id}?wait=20`, { headers: auth });
    expect(res.status).toBe(200);
    const view = await json(res);
    expect(view).toMatchObject({ id, status: 'failed', attempts: 1, filename: '', error: { code: 'invalid_job' } });
    const after = await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', headers: auth, body: form([{ name: 'ok.png', bytes: page }]) });
    expect(after.status).toBe(200);
  });
});

describe('configuration', () => {
  it('a bad variable stops each process at start with a message naming it', async () => {
    const api = startProcess('api-badconfig', 'apps/api/src/main.ts', { PORT: 'eighty' });
    const worker = startProcess('worker-badconfig', 'apps/worker/src/main.ts', { ENGINE: 'tesseract' });
    expect(await api.exited).toBe(2);
    expect(await worker.exited).toBe(2);
    expect(readFileSync(api.logFile, 'utf8')).toMatch(/invalid configuration: PORT/);
    expect(readFileSync(worker.logFile, 'utf8')).toMatch(/invalid configuration: ENGINE/);
  });

  it('a model folder that cannot be loaded stops the worker at start with a message naming the problem', async () => {
    const missing = startProcess('worker-badmodel', 'apps/worker/src/main.ts', { QUEUE_PREFIX: 'tbadmodel', ENGINE: 'internvl', MODEL_PATH: '/nonexistent/InternVL3-8B' });
    expect(await missing.exited).toBe(3);
    expect(readFileSync(missing.logFile, 'utf8')).toMatch(/engine failed to load: .*\/nonexistent\/InternVL3-8B/);
    const cpu = startProcess('worker-badppocr', 'apps/worker/src/main.ts', { QUEUE_PREFIX: 'tbadmodel', ENGINE: 'ppocr', MODEL_PATH: '/nonexistent/ppocr' });
    expect(await cpu.exited).toBe(3);
    expect(readFileSync(cpu.logFile, 'utf8')).toMatch(/engine failed to load: .*\/nonexistent\/ppocr/);
  });
});
