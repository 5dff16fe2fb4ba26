import { performance } from 'node:perf_hooks';

/**
 * The milliseconds a page's reading spent in each of its stages, for its debug log: a slow page
 * shows where its time went (a dense table's 23 s: half of it the pass that looks for text up or
 * down the page) without instrumenting the engine again.
 */
export class StageClock {
  private last: number;
  private readonly spent = new Map<string, number>();

  /** `now`: milliseconds from some fixed point. */
  constructor(private readonly now: () => number = () => performance.now()) {
    this.last = now();
  }

  /** Charges the time since the last lap, or since the clock was made, to `stage`; laps of one stage add up. */
  lap(stage: string): void {
    const now = this.now();
    this.spent.set(stage, (this.spent.get(stage) ?? 0) + (now - this.last));
    this.last = now;
  }

  /** Each stage's milliseconds, whole, in the order first lapped. */
  laps(): Record<string, number> {
    return Object.fromEntries([...this.spent].map(([stage, ms]) => [stage, Math.round(ms)]));
  }
}
