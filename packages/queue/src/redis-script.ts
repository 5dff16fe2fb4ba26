import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';

/**
 * A Lua script kept beside this package, run by its digest: the text goes over the wire only when
 * Redis does not hold it yet (first use, or after a restart). One script is one round trip where a
 * MULTI would be several commands (and, on a connection BullMQ shares, a costly pipeline object).
 */
export class RedisScript {
  private readonly source: string;
  private readonly sha: string;

  constructor(file: URL) {
    this.source = readFileSync(file, 'utf8');
    this.sha = createHash('sha1').update(this.source).digest('hex');
  }

  /**
   * Runs it with its text, never by digest: for a script that must run before the next command
   * on its connection, since a NOSCRIPT retry would come after that command.
   */
  async runInOrder(redis: Redis, keys: string[], args: Array<string | number | Buffer>): Promise<unknown> {
    return redis.eval(this.source, keys.length, ...keys, ...args);
  }

  async run(redis: Redis, keys: string[], args: Array<string | number | Buffer>): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
      return redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}
