import { setTimeout as delay } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { documentLimitsOf, type ApiConfig, type Logger } from '@ocr/contracts';
import type { DocumentLimits } from '@ocr/documents';
import {
  BatchStore,
  BlobStore,
  ControlChannel,
  FinishedJobs,
  IdempotencyStore,
  ResultStore,
  WorkerRegistry,
  closeRedis,
  connectRedis,
  createOcrQueue,
  keysFor,
  type OcrQueue,
} from '@ocr/queue';

/** Everything a route needs, made once per process (never one queue or listener per request). */
export interface Services {
  config: ApiConfig;
  /** The document limits the cheap upload checks enforce (the worker enforces the same). */
  limits: DocumentLimits;
  logger: Logger;
  redis: Redis;
  queue: OcrQueue;
  /** How requests waiting on jobs hear that they finished (replies and announcements). */
  finished: FinishedJobs;
  blobs: BlobStore;
  results: ResultStore;
  batches: BatchStore;
  idempotency: IdempotencyStore;
  workers: WorkerRegistry;
  control: ControlChannel;
  /** A new connection for a command that blocks (waiting for reload acknowledgements); the caller closes it. */
  blockingConnection(): Redis;
  close(): Promise<void>;
}

/** How long start-up waits for Redis before serving without it. */
const STARTUP_REDIS_WAIT_MS = 3000;

export async function createServices(config: ApiConfig, logger: Logger): Promise<Services> {
  const redis = connectRedis(config.REDIS_URL, { name: 'api:commands', logger });
  const subscriber = connectRedis(config.REDIS_URL, { blocking: true, name: 'api:finished', logger });
  const keys = keysFor(config.QUEUE_PREFIX);
  const queue = createOcrQueue(redis, config.QUEUE_PREFIX);
  // Unheard, BullMQ prints every failed reconnect to stderr; connectRedis logs the outage once.
  queue.on('error', (error) => logger.debug({ err: error }, 'queue connection error'));
  const finished = new FinishedJobs(redis, keys);
  // With Redis down at start the API serves anyway (/health says why, uploads get a 503) and its
  // subscription goes through once Redis answers; the connection retries on its own.
  const commandsReady = redis.status === 'ready' ? Promise.resolve() : new Promise((resolve) => redis.once('ready', resolve));
  const subscribed = Promise.all([finished.listen(subscriber), commandsReady]).then(
    () => true,
    (error: unknown) => {
      logger.error({ err: error }, 'subscribing to job announcements failed');
      return false;
    },
  );
  if (!(await Promise.race([subscribed, delay(STARTUP_REDIS_WAIT_MS, false)]))) {
    logger.warn('redis is not reachable: answering 503 until it is');
  }
  return {
    config,
    limits: documentLimitsOf(config),
    logger,
    redis,
    queue,
    finished,
    blobs: new BlobStore(redis, keys, config.BLOB_TTL_S),
    results: new ResultStore(redis, keys, config.RESULT_TTL_S),
    batches: new BatchStore(redis, keys, config.RESULT_TTL_S),
    idempotency: new IdempotencyStore(redis, keys, config.RESULT_TTL_S),
    workers: new WorkerRegistry(redis, keys),
    control: new ControlChannel(redis, keys),
    blockingConnection: () => connectRedis(config.REDIS_URL, { name: 'api:blocking', logger }),
    async close() {
      // BullMQ's close waits on the connection, which never comes back while Redis is down.
      if (redis.status === 'ready') await queue.close();
      await closeRedis([redis, subscriber]);
    },
  };
}
