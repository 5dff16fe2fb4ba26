import type { Engine, EngineInfo } from '@ocr/engines';

/** Owns the worker's one engine, so a reload swaps it between jobs and nothing else holds a stale one. */
export class EngineHost {
  private engine: Engine | null = null;

  constructor(private readonly loadEngine: () => Promise<Engine>) {}

  async load(): Promise<Engine> {
    this.engine = await this.loadEngine();
    return this.engine;
  }

  /** Opens the model again from its path; the old engine is released first to keep peak memory down. */
  async reload(): Promise<Engine> {
    const old = this.engine;
    this.engine = null;
    await old?.dispose();
    return this.load();
  }

  get current(): Engine {
    if (!this.engine) throw new Error('engine is not loaded');
    return this.engine;
  }

  get info(): EngineInfo | null {
    return this.engine?.info ?? null;
  }

  async dispose(): Promise<void> {
    await this.engine?.dispose();
    this.engine = null;
  }
}
