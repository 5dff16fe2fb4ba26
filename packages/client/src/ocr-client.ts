import {
  batchAcceptedSchema,
  batchResultFromView,
  batchResultSchema,
  batchViewSchema,
  healthSchema,
  jobAcceptedSchema,
  jobViewSchema,
  modelInfoSchema,
  ocrResultSchema,
  reloadOutcomeSchema,
  type BatchResult,
  type BatchView,
  type JobView,
  type OcrOptions,
  type OcrResult,
} from '@ocr/contracts';
import { OcrApiError } from './errors.ts';
import { uploadForm, type OcrFile } from './files.ts';
import { errorFor, parse, retryAfterMs, send, type Transport } from './http.ts';
import { pollUntilFinal } from './polling.ts';
import type { BatchAccepted, Health, JobAccepted, ModelInfo, ReloadOutcome } from './schemas.ts';

export interface OcrClientOptions {
  /** Where the API listens, e.g. `http://127.0.0.1:8000`; a path prefix (`https://host/ocr`) is kept. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>`; needed when the service sets `API_KEYS`. Default: none. */
  apiKey?: string;
  /** The fetch implementation. Default: the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /**
   * Limit for one HTTP request, in ms. Default 360 000: longer than the service's default
   * `SYNC_TIMEOUT_S` (300 s), so a waiting call gets the service's 202 rather than a client timeout.
   */
  timeoutMs?: number;
  /** How long `process`, `processBatch` and `waitForJob` follow unfinished work, in ms. Default 30 minutes. */
  jobTimeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 360_000;
const DEFAULT_JOB_TIMEOUT_MS = 30 * 60_000;
/** Longest `?wait=` asked for; the service caps it at its `MAX_POLL_WAIT_S` anyway. */
const LONG_POLL_S = 30;
/** Pause between polls when an answer carries no `Retry-After`. */
const DEFAULT_POLL_MS = 1000;

const isFinal = (status: string): boolean => status === 'completed' || status === 'failed';
const jobPath = (id: string): string => `/v1/jobs/${encodeURIComponent(id)}`;
const batchPath = (id: string): string => `/v1/batches/${encodeURIComponent(id)}`;

/** A final job as the waiting endpoint would have answered it: the result, or its error thrown. */
function resultOf(view: JobView): OcrResult {
  if (view.status === 'completed' && view.result) return view.result;
  if (view.status === 'failed' && view.error) throw new OcrApiError(view.error.status ?? 500, view.error.code, view.error.message);
  throw new OcrApiError(200, 'invalid_response', `job ${view.id} is ${view.status} but carries no ${view.status === 'failed' ? 'error' : 'result'}`);
}

/**
 * Typed client for the OCR service's HTTP API. Every answer is checked against the contract
 * schemas; every failure is an `OcrApiError`.
 *
 * @example
 * const client = new OcrClient({ baseUrl: 'http://127.0.0.1:8000', apiKey: process.env.OCR_API_KEY });
 * const result = await client.process(await readOcrFile('drawing.png'), { pages: '1-2' });
 * console.log(result.raw_text);
 */
export class OcrClient {
  readonly #transport: Transport;
  readonly #jobTimeoutMs: number;

  constructor(options: OcrClientOptions) {
    this.#transport = {
      baseUrl: options.baseUrl,
      apiKey: options.apiKey,
      fetch: options.fetch ?? globalThis.fetch,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    };
    this.#jobTimeoutMs = options.jobTimeoutMs ?? DEFAULT_JOB_TIMEOUT_MS;
  }

  /**
   * OCRs one document and resolves with its result (`POST /ocr/process`). When the service
   * answers 202 (the job outlived `SYNC_TIMEOUT_S`) the job is long-polled until it is final, so
   * the caller gets the result or an `OcrApiError` either way.
   * @example const { raw_text } = await client.process({ name: 'a.png', bytes }, { pages: '1-3' });
   */
  async process(file: OcrFile, options: OcrOptions = {}): Promise<OcrResult> {
    const answer = await send(this.#transport, '/ocr/process', { method: 'POST', body: uploadForm('file', [file], options), expect: [200, 202] });
    if (answer.status === 200) return parse(ocrResultSchema, answer);
    const running = parse(jobViewSchema, answer);
    return resultOf(await this.#followJob(running.id, this.#jobTimeoutMs, retryAfterMs(answer.headers, DEFAULT_POLL_MS)));
  }

  /**
   * Submits one document without waiting (`POST /v1/jobs`).
   * @example const { id } = await client.submit(file); const view = await client.waitForJob(id);
   */
  async submit(file: OcrFile, options: OcrOptions = {}): Promise<JobAccepted> {
    const answer = await send(this.#transport, '/v1/jobs', { method: 'POST', body: uploadForm('file', [file], options), expect: [202] });
    return parse(jobAcceptedSchema, answer);
  }

  /**
   * A job's state, progress, queue position and result or error (`GET /v1/jobs/{id}`); with
   * `wait` (seconds) the service holds the answer until the job is final or the time is up.
   * @example const view = await client.job(id, { wait: 10 });
   */
  async job(id: string, options: { wait?: number } = {}): Promise<JobView> {
    const answer = await send(this.#transport, jobPath(id), { query: { wait: options.wait }, expect: [200] });
    return parse(jobViewSchema, answer);
  }

  /**
   * Long-polls a job until it is `completed` or `failed` and resolves with that final view (a
   * failed job is returned, not thrown). Throws `OcrApiError` code `timeout` after `timeoutMs`
   * (default: the client's `jobTimeoutMs`).
   * @example const view = await client.waitForJob(id, { timeoutMs: 60_000 }); if (view.result) use(view.result);
   */
  async waitForJob(id: string, options: { timeoutMs?: number } = {}): Promise<JobView> {
    return this.#followJob(id, options.timeoutMs ?? this.#jobTimeoutMs, 0);
  }

  #followJob(id: string, timeoutMs: number, firstDelayMs: number): Promise<JobView> {
    const requestLimitS = this.#transport.timeoutMs / 2000;
    const look = async (remainingMs: number) => {
      // The long poll must end well inside both the overall wait and one request's limit.
      const wait = Math.max(0, Math.floor(Math.min(LONG_POLL_S, remainingMs / 1000, requestLimitS)));
      const answer = await send(this.#transport, jobPath(id), { query: { wait }, expect: [200] });
      const view = parse(jobViewSchema, answer);
      return { value: view, final: isFinal(view.status), retryAfterMs: retryAfterMs(answer.headers, DEFAULT_POLL_MS) };
    };
    return pollUntilFinal(look, { timeoutMs, what: `job ${id}`, firstDelayMs });
  }

  /**
   * Submits several documents as one batch without waiting (`POST /v1/batches`); a file the
   * service refuses at once is an item with status `rejected`, the others are queued.
   * @example const { id, jobs } = await client.submitBatch([a, b], { dpi: 300 });
   */
  async submitBatch(files: OcrFile[], options: OcrOptions = {}): Promise<BatchAccepted> {
    const answer = await send(this.#transport, '/v1/batches', { method: 'POST', body: uploadForm('files', files, options), expect: [202] });
    return parse(batchAcceptedSchema, answer);
  }

  /**
   * A batch's counts and per-item state, results and errors (`GET /v1/batches/{id}`).
   * @example const { status, counts } = await client.batch(id);
   */
  async batch(id: string): Promise<BatchView> {
    return parse(batchViewSchema, await send(this.#transport, batchPath(id), { expect: [200] }));
  }

  /**
   * OCRs several documents and resolves when all are final (`POST /ocr/batch`): one entry per
   * file in upload order, each a result or an error. A 202 is followed through `/v1/batches/{id}`.
   * @example const { results } = await client.processBatch([a, b]);
   */
  async processBatch(files: OcrFile[], options: OcrOptions = {}): Promise<BatchResult> {
    const answer = await send(this.#transport, '/ocr/batch', { method: 'POST', body: uploadForm('files', files, options), expect: [200, 202] });
    if (answer.status === 200) return parse(batchResultSchema, answer);
    const pending = parse(batchViewSchema, answer);
    const look = async () => {
      const next = await send(this.#transport, batchPath(pending.id), { expect: [200] });
      const current = parse(batchViewSchema, next);
      return { value: current, final: current.status === 'completed', retryAfterMs: retryAfterMs(next.headers, DEFAULT_POLL_MS) };
    };
    const firstDelayMs = retryAfterMs(answer.headers, DEFAULT_POLL_MS);
    const view = await pollUntilFinal(look, { timeoutMs: this.#jobTimeoutMs, what: `batch ${pending.id}`, firstDelayMs });
    return batchResultFromView(view);
  }

  /**
   * The service's health (`GET /health`). An unhealthy service (503) resolves too, with
   * `status: 'unhealthy'` and a `reason`, so callers can show why.
   * @example if ((await client.health()).status !== 'healthy') process.exitCode = 1;
   */
  async health(): Promise<Health> {
    return parse(healthSchema, await send(this.#transport, '/health', { expect: [200, 503] }));
  }

  /**
   * The loaded model, its device and the live workers (`GET /model/info`).
   * @example const { model_name, device } = await client.modelInfo();
   */
  async modelInfo(): Promise<ModelInfo> {
    return parse(modelInfoSchema, await send(this.#transport, '/model/info', { expect: [200] }));
  }

  /**
   * Asks every live worker to reload its engine between jobs and waits for their answers
   * (`POST /model/reload`). A worker that failed to reload throws `OcrApiError` code `reload_failed`.
   * @example const { reloaded, pending } = await client.reloadModel();
   */
  async reloadModel(): Promise<ReloadOutcome> {
    const answer = await send(this.#transport, '/model/reload', { method: 'POST', expect: [200, 500] });
    if (answer.status === 200) return parse(reloadOutcomeSchema, answer);
    const outcome = reloadOutcomeSchema.safeParse(answer.body);
    if (!outcome.success) throw errorFor(answer);
    const failures = outcome.data.failed.map((f) => `${f.worker}: ${f.error ?? 'failed'}`).join('; ');
    throw new OcrApiError(500, 'reload_failed', `the model did not reload on every worker (${failures})`);
  }
}
