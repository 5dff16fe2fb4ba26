import type { WorkerHeartbeat } from '@ocr/contracts';
import type { Services } from './services.ts';

export const SERVICE_NAME = 'Engineering Document OCR Service';

export interface ServiceState {
  redis: { ok: boolean; latency_ms: number | null };
  queue: Record<string, number>;
  workers: WorkerHeartbeat[];
  /** The first worker with its model loaded: the facts the old single-process fields report. */
  primary: WorkerHeartbeat | null;
}

/** Redis reachability, queue counts and live workers, as one read for /health and /model/info. */
export async function readServiceState(services: Services): Promise<ServiceState> {
  const unreachable = { redis: { ok: false, latency_ms: null }, queue: {}, workers: [], primary: null };
  // While the connection is down a command waits out its retries (seconds): the answer is known now.
  if (services.redis.status !== 'ready') return unreachable;
  const started = performance.now();
  try {
    await services.redis.ping();
  } catch {
    return unreachable;
  }
  const latency = Math.round((performance.now() - started) * 100) / 100;
  const [queue, workers] = await Promise.all([
    services.queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed'),
    services.workers.list(),
  ]);
  return {
    redis: { ok: true, latency_ms: latency },
    queue,
    workers,
    primary: workers.find((w) => w.loaded) ?? null,
  };
}
