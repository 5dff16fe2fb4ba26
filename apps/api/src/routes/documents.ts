import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { ServiceError, batchResultFromView, type BatchAccepted } from '@ocr/contracts';
import { expiredOrUnknown, newJobId } from '@ocr/queue';
import { batchView, submitBatch } from '../batch.ts';
import { errorResponse } from '../errors.ts';
import { accepted, finalOrAccepted, notFound } from '../respond.ts';
import type { Services } from '../services.ts';
import { lookup, resultWhenCompleted, submitOnce, waitForJob } from '../submission.ts';
import type { FilePart, FormFields } from '../multipart.ts';
import { acceptFile, filesIn, missingFile, readForm, readOptions } from '../upload.ts';

const MULTIPART_OVERHEAD = 1 << 20;

type NodeContext = Context<{ Bindings: HttpBindings }>;

/** `Prefer: respond-async` (RFC 7240) asks for 202 at once instead of waiting. */
function wantsAsync(c: Context): boolean {
  return /(^|[,\s])respond-async\b/i.test(c.req.header('prefer') ?? '');
}

/** The request's `Idempotency-Key`, scoped to the API key that sent it. */
function idempotency(c: Context): { idempotencyKey: string | undefined; scope: string } {
  const credential = c.req.header('authorization') ?? c.req.header('x-api-key') ?? 'anonymous';
  return { idempotencyKey: c.req.header('idempotency-key'), scope: credential };
}

/** The document routes: the old wait-for-it endpoints and the submit-and-poll API beside them. */
export function documentRoutes(services: Services): Hono<{ Bindings: HttpBindings }> {
  const app = new Hono<{ Bindings: HttpBindings }>();
  const { config } = services;
  const maxFile = config.MAX_FILE_SIZE_MB * 2 ** 20;
  const tooLarge = `the upload is larger than the ${config.MAX_FILE_SIZE_MB} MB limit per file`;
  const singleLimit = maxFile + MULTIPART_OVERHEAD;
  const batchLimit = maxFile * config.MAX_BATCH_FILES + MULTIPART_OVERHEAD;

  async function singleUpload(c: NodeContext) {
    const fields = await readForm(c, singleLimit, tooLarge);
    const [file, ...more] = filesIn(fields, 'file');
    if (!file) throw missingFile(fields, ['file']);
    // Reading the first and dropping the rest would lose documents without a word.
    if (more.length > 0) {
      throw new ServiceError(400, 'multiple_files', `${more.length + 1} files in the "file" field; this endpoint reads one: send several to /ocr/batch or /v1/batches`);
    }
    const options = readOptions(fields, c.req.query());
    const upload = acceptFile(file, maxFile, services.limits);
    return { upload, options };
  }

  async function batchUpload(c: NodeContext): Promise<{ files: FilePart[]; fields: FormFields }> {
    const fields = await readForm(c, batchLimit, tooLarge);
    const files = [...filesIn(fields, 'files'), ...filesIn(fields, 'file')];
    if (files.length === 0) throw missingFile(fields, ['files', 'file']);
    if (files.length > config.MAX_BATCH_FILES) {
      throw new ServiceError(413, 'too_many_files', `${files.length} files; a batch takes at most ${config.MAX_BATCH_FILES}`);
    }
    return { files, fields };
  }

  app.post('/ocr/process', async (c) => {
    const { upload, options } = await singleUpload(c);
    const jobId = newJobId();
    const watch = services.finished.watch(jobId);
    try {
      const id = await submitOnce(services, idempotency(c), upload, options, 'sync', jobId);
      const waitMs = wantsAsync(c) ? 0 : config.SYNC_TIMEOUT_S * 1000;
      if (id !== jobId) {
        // A retry under an Idempotency-Key: the first request's job, however far along it is.
        return finalOrAccepted(c, id, await waitForJob(services, id, waitMs));
      }
      const result = waitMs > 0 ? await resultWhenCompleted(services, id, watch, waitMs) : null;
      if (result !== null) return c.body(result, 200, { 'Content-Type': 'application/json' });
      return finalOrAccepted(c, id, await lookup(services, id));
    } finally {
      watch.close();
    }
  });

  app.post('/ocr/batch', async (c) => {
    const { files, fields } = await batchUpload(c);
    const record = await submitBatch(services, files, readOptions(fields, c.req.query()));
    if (!wantsAsync(c)) {
      const deadline = Date.now() + config.SYNC_TIMEOUT_S * 1000;
      for (const item of record.items) {
        if (item.job_id) await waitForJob(services, item.job_id, deadline - Date.now());
      }
    }
    const view = await batchView(services, record);
    if (view.status === 'completed') return c.json(batchResultFromView(view), 200);
    c.header('Location', `/v1/batches/${record.id}`);
    c.header('Retry-After', '1');
    return c.json(view, 202);
  });

  app.post('/v1/jobs', async (c) => {
    const { upload, options } = await singleUpload(c);
    const id = await submitOnce(services, idempotency(c), upload, options, 'submitted');
    const found = await lookup(services, id);
    if (!found.found) return notFound(c, id, 'job', found.expired);
    return accepted(c, found.view);
  });

  app.get('/v1/jobs/:id', async (c) => {
    const id = c.req.param('id');
    const wait = c.req.query('wait');
    let seconds = 0;
    if (wait !== undefined) {
      seconds = Number(wait);
      if (!Number.isFinite(seconds) || seconds < 0) return errorResponse(c, 400, 'invalid_parameter', 'wait: a number of seconds ≥ 0');
      seconds = Math.min(seconds, config.MAX_POLL_WAIT_S);
    }
    const found = await waitForJob(services, id, seconds * 1000);
    if (!found.found) return notFound(c, id, 'job', found.expired);
    if (found.view.status === 'waiting' || found.view.status === 'active') c.header('Retry-After', '1');
    return c.json(found.view, 200);
  });

  app.post('/v1/batches', async (c) => {
    const { files, fields } = await batchUpload(c);
    const record = await submitBatch(services, files, readOptions(fields, c.req.query()));
    const view = await batchView(services, record);
    c.header('Location', `/v1/batches/${record.id}`);
    const body: BatchAccepted = { ...view, jobs: record.items.map((i) => i.job_id), links: { self: `/v1/batches/${record.id}` } };
    return c.json(body, 202);
  });

  app.get('/v1/batches/:id', async (c) => {
    const id = c.req.param('id');
    const record = await services.batches.load(id);
    if (!record) return notFound(c, id, 'batch', expiredOrUnknown(id, 'batch', config.RESULT_TTL_S).expired);
    return c.json(await batchView(services, record), 200);
  });

  return app;
}
