import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Worker } from 'bullmq';
import { pino } from 'pino';
import { documentLimitsOf, type OcrJobData, type WorkerConfig } from '@ocr/contracts';
import { startPdfRenderer } from '@ocr/documents';
import { EngineLoadError, createEngine, type Engine } from '@ocr/engines';
import {
  BlobStore,
  ControlChannel,
  FinishedJobs,
  OCR_QUEUE_NAME,
  ResultStore,
  WorkerRegistry,
  closeRedis,
  connectRedis,
  isRedisUnavailable,
  keysFor,
  untilRedisAnswers,
} from '@ocr/queue';
import { EngineHost } from './engine-host.ts';
import { Heartbeat } from './heartbeat.ts';
import { createJobProcessor, settleWhenFinal, type JobSummary } from './job-processor.ts';

export interface WorkerOptions {
  /** Replaces the configured engine; only benchmarks use it, to time the queue without inference. */
  loadEngine?: () => Promise<Engine>;
}

/**
 * The worker process: loads its engine, registers, drains the queue one job at a time, reloads on
 * request and shuts down gracefully. Returns only when the process is about to exit.
 */
export async function runWorker(config: WorkerConfig, options: WorkerOptions = {}): Promise<void> {
  const workerId = config.WORKER_ID ?? `${hostname()}-${process.pid}-${randomBytes(2).toString('hex')}`;
  const logger = pino({ level: config.LOG_LEVEL, base: { service: 'worker', worker: workerId } });
  const keys = keysFor(config.QUEUE_PREFIX);

  const redis = connectRedis(config.REDIS_URL, { name: `${workerId}:commands`, logger });
  const blocking = connectRedis(config.REDIS_URL, { blocking: true, name: `${workerId}:jobs`, logger });
  const subscriber = connectRedis(config.REDIS_URL, { name: `${workerId}:control`, logger });

  const settings = {
    engine: config.ENGINE,
    ...(config.MODEL_PATH ? { modelPath: config.MODEL_PATH } : {}),
    modelDtype: config.MODEL_DTYPE,
    modelCacheDir: config.MODEL_CACHE_DIR,
    device: config.DEVICE,
    maxPatches: config.MAX_PATCHES,
    maxNewTokens: config.MAX_NEW_TOKENS,
    logger,
  };
  const engines = new EngineHost(options.loadEngine ?? (() => createEngine(settings)));
  const heartbeat = new Heartbeat(
    new WorkerRegistry(redis, keys),
    workerId,
    { engine: config.ENGINE, modelPath: config.MODEL_PATH ?? '' },
    config.HEARTBEAT_TTL_S,
  );

  await untilRedisAnswers(redis, logger);
  // Registered before the model loads (minutes for a first InternVL3 conversion): /health then
  // says a worker is there without its model rather than that there is none.
  await heartbeat.beat();
  // An outage is logged once, by the connection; these would repeat it every beat and reconnect.
  heartbeat.start((error) => (error instanceof Error && isRedisUnavailable(error)) || logger.warn({ err: error }, 'heartbeat failed'));
  // pdfjs loads in the renderer's thread while the model loads here, so the first PDF does not wait for it.
  startPdfRenderer().catch((error: unknown) => logger.warn({ err: error }, 'PDF renderer thread failed to start; the first PDF starts it again'));
  try {
    const started = Date.now();
    const engine = await engines.load();
    heartbeat.engine = engine.info;
    logger.info({ ...engine.info, ms: Date.now() - started }, 'engine loaded');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.fatal({ err: error }, `engine failed to load: ${message}`);
    process.stderr.write(`worker: engine failed to load: ${message}\n`);
    await heartbeat.stop().catch(() => {});
    await closeRedis([redis, blocking, subscriber]);
    process.exit(error instanceof EngineLoadError ? 3 : 1);
  }

  const blobs = new BlobStore(redis, keys, config.BLOB_TTL_S);
  const worker = new Worker<OcrJobData, JobSummary>(
    OCR_QUEUE_NAME,
    createJobProcessor({
      engines,
      blobs,
      results: new ResultStore(redis, keys, config.RESULT_TTL_S),
      limits: documentLimitsOf(config),
      renderBudget: { seconds: config.PAGE_RENDER_TIMEOUT_S, megabytes: config.PAGE_RENDER_MEMORY_MB },
      defaultDpi: config.DEFAULT_DPI,
      workerId,
      logger,
      // The heartbeat timer publishes these; a write per job would cost every job a Redis round trip.
      onJobStart: (jobId) => {
        heartbeat.currentJob = jobId;
      },
      onJobEnd: () => {
        heartbeat.currentJob = null;
        heartbeat.jobsDone += 1;
      },
    }),
    {
      connection: blocking,
      prefix: config.QUEUE_PREFIX,
      // One GPU, one model: inference is strictly serial in a worker; more throughput = more workers.
      concurrency: 1,
      lockDuration: config.JOB_LOCK_MS,
      stalledInterval: config.JOB_LOCK_MS,
      // A job whose worker died is run again; only a job that kills two workers in a row is given up.
      maxStalledCount: 2,
      autorun: false,
    },
  );
  settleWhenFinal(worker, new FinishedJobs(redis, keys), blobs, logger);
  worker.on('error', (error) => isRedisUnavailable(error) || logger.error({ err: error }, 'worker error'));
  worker.on('stalled', (jobId) => logger.warn({ jobId }, 'job stalled: its worker stopped; it will run again'));

  // Reloads run between jobs: pause (waiting for the current job), swap the engine, resume.
  let reloading: Promise<void> = Promise.resolve();
  const control = new ControlChannel(redis, keys);
  await control.listen(subscriber, (message) => {
    reloading = reloading.then(async () => {
      const log = logger.child({ requestId: message.request_id });
      log.info('model reload requested');
      await worker.pause();
      try {
        const engine = await engines.reload();
        heartbeat.engine = engine.info;
        await heartbeat.beat();
        await control.acknowledge(message.request_id, { worker: workerId, ok: true, heartbeat: heartbeat.snapshot() });
        log.info(engine.info, 'model reloaded');
      } catch (error) {
        heartbeat.engine = null;
        const reason = error instanceof Error ? error.message : String(error);
        await control.acknowledge(message.request_id, { worker: workerId, ok: false, error: reason });
        log.error({ err: error }, 'model reload failed');
      } finally {
        if (heartbeat.engine) worker.resume();
      }
    });
  });

  await heartbeat.beat();
  void worker.run();
  logger.info({ queue: OCR_QUEUE_NAME, prefix: config.QUEUE_PREFIX }, 'worker ready');

  let stopping = false;
  async function shutdown(signal: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, currentJob: heartbeat.currentJob }, 'shutting down: finishing the current job');
    const grace = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), config.SHUTDOWN_GRACE_S * 1000).unref());
    const closed = worker.close().then(() => 'closed' as const);
    if ((await Promise.race([closed, grace])) === 'timeout') {
      // Out of time: cancel the job between pages (or tokens) and hand it back to the queue. Should
      // even that hang, the lock lapses and the job runs again elsewhere: never lost.
      logger.warn({ jobId: heartbeat.currentJob }, 'grace period over: handing the current job back');
      worker.cancelAllJobs('worker shutting down');
      // With Redis down nothing can be handed back (the lock lapses instead), nor the heartbeat removed (it expires).
      if (redis.status === 'ready') await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    }
    if (redis.status === 'ready') await heartbeat.stop().catch(() => {});
    await engines.dispose().catch(() => {});
    await closeRedis([redis, blocking, subscriber]);
    process.exit(0);
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
