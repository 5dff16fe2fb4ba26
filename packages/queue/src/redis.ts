import { Redis } from 'ioredis';

/**
 * A Redis connection. Blocking and subscribing connections (BullMQ workers, pub/sub) need
 * `maxRetriesPerRequest: null`; plain commands fail fast instead of queueing forever.
 */
export function connectRedis(url: string, options: { blocking?: boolean; name?: string } = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: options.blocking ? null : 2,
    enableOfflineQueue: true,
    connectionName: options.name,
    lazyConnect: false,
  });
}
