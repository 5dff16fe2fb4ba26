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

export async function createServices(config: ApiConfig, logger: Logger): Promise<Services> {
  const redis = connectRedis(config.REDIS_URL, { name: 'api:commands' });
  const subscriber = connectRedis(config.REDIS_URL, { blocking: true, name: 'api:finished' });
  subscriber.on('error', (error) => logger.warn({ err: error }, 'announcements connection error'));
  const keys = keysFor(config.QUEUE_PREFIX);
  const queue = createOcrQueue(redis, config.QUEUE_PREFIX);
  const finished = new FinishedJobs(redis, keys);
  await finished.listen(subscriber);
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
    blockingConnection: () => connectRedis(config.REDIS_URL, { name: 'api:blocking' }),
    async close() {
      await queue.close();
      await Promise.allSettled([redis.quit(), subscriber.quit()]);
    },
  };
}
