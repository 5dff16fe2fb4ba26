import type { Redis } from 'ioredis';
import { workerHeartbeatSchema, type WorkerHeartbeat } from '@ocr/contracts';
import type { Keys } from './keys.ts';

/** Live workers, each a key that its worker refreshes and that expires when the worker dies. */
export class WorkerRegistry {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async beat(heartbeat: WorkerHeartbeat, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.keys.worker(heartbeat.id), JSON.stringify(heartbeat), 'EX', ttlSeconds);
  }

  async remove(workerId: string): Promise<void> {
    await this.redis.del(this.keys.worker(workerId));
  }

  async list(): Promise<WorkerHeartbeat[]> {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, found] = await this.redis.scan(cursor, 'MATCH', this.keys.workerPattern, 'COUNT', 200);
      cursor = next;
      keys.push(...found);
    } while (cursor !== '0');
    if (keys.length === 0) return [];
    const values = await this.redis.mget(keys);
    const workers: WorkerHeartbeat[] = [];
    for (const raw of values) {
      if (raw === null) continue;
      const parsed = workerHeartbeatSchema.safeParse(JSON.parse(raw));
      if (parsed.success) workers.push(parsed.data);
    }
    return workers.sort((a, b) => a.id.localeCompare(b.id));
  }
}
