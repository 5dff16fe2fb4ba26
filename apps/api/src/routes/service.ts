import { Hono } from 'hono';
import { supportedExtensions, type ReloadOutcome } from '@ocr/contracts';
import { errorResponse } from '../errors.ts';
import { SERVICE_NAME, readServiceState } from '../health.ts';
import type { Services } from '../services.ts';

const links = { docs: '/docs', openapi: '/openapi.json', health: '/health', model_info: '/model/info', dashboard: '/admin/queues' };

function indexHtml(): string {
  const items = Object.entries(links)
    .map(([name, href]) => `<li><a href="${href}">${name.replace('_', ' ')}</a> <code>${href}</code></li>`)
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${SERVICE_NAME}</title></head><body>
<h1>${SERVICE_NAME}</h1><p>OCR for engineering drawings, spec sheets, manuals and tables (Chinese and English), images and PDFs.</p>
<ul>${items}</ul><p>Upload: <code>POST /ocr/process</code> (wait) or <code>POST /v1/jobs</code> (submit and poll).</p></body></html>`;
}

/** Index, health, model info and reload: the old service's read-only surface, fed by worker heartbeats. */
export function serviceRoutes(services: Services): Hono {
  const app = new Hono();
  const { config } = services;

  app.get('/', (c) => {
    if ((c.req.header('accept') ?? '').includes('text/html')) return c.html(indexHtml());
    return c.json({ service: SERVICE_NAME, status: 'running', links });
  });

  app.get('/health', async (c) => {
    const state = await readServiceState(services);
    const reason = !state.redis.ok
      ? 'redis is not reachable'
      : state.workers.length === 0
        ? 'no worker is running'
        : !state.primary
          ? 'no worker has its model loaded'
          : undefined;
    const body = {
      status: reason ? ('unhealthy' as const) : ('healthy' as const),
      service: SERVICE_NAME,
      model: state.primary?.model ?? null,
      model_loaded: state.primary !== null,
      device: state.primary?.device ?? null,
      gpu_available: state.workers.some((w) => w.gpu_available),
      timestamp: new Date().toISOString(),
      ...(reason ? { reason } : {}),
      redis: state.redis,
      queue: state.queue,
      workers: state.workers,
    };
    return c.json(body, reason ? 503 : 200);
  });

  app.get('/model/info', async (c) => {
    const state = await readServiceState(services);
    const worker = state.primary ?? state.workers[0];
    if (!worker) return errorResponse(c, 503, 'no_worker', 'no worker is running, so no model is loaded');
    return c.json({
      model_name: worker.model,
      model_path: worker.model_path,
      device: worker.device,
      is_loaded: worker.loaded,
      supported_formats: [...supportedExtensions],
      max_file_size_mb: config.MAX_FILE_SIZE_MB,
      gpu_available: state.workers.some((w) => w.gpu_available),
      workers: state.workers,
    });
  });

  app.post('/model/reload', async (c) => {
    const live = await services.workers.list();
    if (live.length === 0) return errorResponse(c, 503, 'no_worker', 'no worker is running to reload');
    const blocking = services.blockingConnection();
    try {
      const requestId = await services.control.requestReload();
      const acks = await services.control.collectAcks(blocking, requestId, live.length, config.SYNC_TIMEOUT_S * 1000);
      const answered = new Set(acks.map((a) => a.worker));
      const pending = live.map((w) => w.id).filter((id) => !answered.has(id));
      const failed = acks.filter((a) => !a.ok);
      const outcome: ReloadOutcome = {
        status: failed.length > 0 ? 'error' : pending.length > 0 ? 'partial' : 'success',
        reloaded: acks.flatMap((a) => (a.ok && a.heartbeat ? [a.heartbeat] : [])),
        failed: failed.map((a) => ({ worker: a.worker, ...(a.error ? { error: a.error } : {}) })),
        pending,
      };
      return c.json(outcome, failed.length > 0 ? 500 : 200);
    } finally {
      blocking.disconnect();
    }
  });

  return app;
}
