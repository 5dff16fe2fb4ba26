import { setTimeout as delay } from 'node:timers/promises';
import { Redis } from 'ioredis';
import type { Logger } from '@ocr/contracts';

/**
 * A Redis connection. Blocking and subscribing connections (BullMQ workers, pub/sub) need
 * `maxRetriesPerRequest: null`; plain commands fail fast instead of queueing forever.
 */
export function connectRedis(url: string, options: { blocking?: boolean; name: string; logger: Logger }): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: options.blocking ? null : 2,
    enableOfflineQueue: true,
    connectionName: options.name,
    lazyConnect: false,
  });
  // Unheard, ioredis prints each failed reconnect's stack to stderr, a few a second while Redis is
  // down. Logged instead: once when the connection is lost, once when it is back.
  let lost = false;
  redis.on('error', (error) => {
    if (lost) return;
    lost = true;
    options.logger.warn({ err: error, connection: options.name }, 'redis connection lost: reconnecting');
  });
  redis.on('ready', () => {
    if (!lost) return;
    lost = false;
    options.logger.info({ connection: options.name }, 'redis connection restored');
  });
  return redis;
}

/** Redis unreachable (down, restarting, failing over): what failed can be retried, nothing was lost. */
export function isRedisUnavailable(error: Error): boolean {
  return (
    error.name === 'MaxRetriesPerRequestError' ||
    /Connection is closed|ECONNREFUSED|ECONNRESET|ETIMEDOUT/.test(error.message) ||
    ('code' in error && typeof error.code === 'string' && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE)$/.test(error.code))
  );
}

const RETRY_MS = 1000;

/**
 * Resolves once Redis answers: a process started before its Redis (a compose file's order, a
 * reboot) waits for it, saying so once, instead of failing on its first command.
 */
export async function untilRedisAnswers(redis: Redis, logger: Logger): Promise<void> {
  for (let waiting = false; ; waiting = true) {
    try {
      await redis.ping();
      if (waiting) logger.info('redis answers');
      return;
    } catch (error) {
      if (!waiting) logger.warn({ err: error }, 'redis does not answer yet: waiting for it');
      await delay(RETRY_MS);
    }
  }
}

const QUIT_WAIT_MS = 2000;

/**
 * Closes connections on the way out: politely where Redis answers, at once where it does not.
 * `quit` on a connection that is reconnecting waits for Redis to come back, and a process told
 * to stop while Redis is down would never exit.
 */
export async function closeRedis(connections: readonly Redis[]): Promise<void> {
  await Promise.all(
    connections.map(async (connection) => {
      if (connection.status === 'ready') await Promise.race([connection.quit().catch(() => undefined), delay(QUIT_WAIT_MS)]);
      connection.disconnect();
    }),
  );
}
