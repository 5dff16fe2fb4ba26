import { hostname } from 'node:os';
import type { WorkerHeartbeat } from '@ocr/contracts';
import type { EngineInfo } from '@ocr/engines';
import type { WorkerRegistry } from '@ocr/queue';

/** The worker's entry in the registry, refreshed on a timer and whenever its state changes. */
export class Heartbeat {
  private timer: NodeJS.Timeout | null = null;
  private readonly startedAt = new Date().toISOString();
  currentJob: string | null = null;
  jobsDone = 0;
  engine: EngineInfo | null = null;

  constructor(
    private readonly registry: WorkerRegistry,
    readonly workerId: string,
    private readonly fallback: { engine: string; modelPath: string },
    private readonly ttlSeconds: number,
  ) {}

  snapshot(): WorkerHeartbeat {
    return {
      id: this.workerId,
      engine: this.engine?.engine ?? this.fallback.engine,
      model: this.engine?.model ?? 'not loaded',
      model_path: this.engine?.modelPath ?? this.fallback.modelPath,
      device: this.engine?.device ?? 'cpu',
      gpu_available: this.engine?.gpuAvailable ?? false,
      loaded: this.engine !== null,
      host: hostname(),
      pid: process.pid,
      started_at: this.startedAt,
      current_job: this.currentJob,
      jobs_done: this.jobsDone,
      updated_at: new Date().toISOString(),
    };
  }

  async beat(): Promise<void> {
    await this.registry.beat(this.snapshot(), this.ttlSeconds);
  }

  start(onError: (error: unknown) => void): void {
    // A third of the TTL, so one missed beat does not make a live worker look dead.
    const every = Math.max(1000, (this.ttlSeconds * 1000) / 3);
    this.timer = setInterval(() => this.beat().catch(onError), every);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.registry.remove(this.workerId);
  }
}
