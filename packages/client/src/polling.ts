import { setTimeout as sleep } from 'node:timers/promises';
import { OcrApiError } from './errors.ts';

/** One look at something still running: what it is now, whether that is final, when to look again. */
export interface Probe<T> {
  value: T;
  final: boolean;
  retryAfterMs: number;
}

export interface PollOptions {
  timeoutMs: number;
  /** Names the work in the timeout message, e.g. "job 42". */
  what: string;
  /** Pause before the first look: the `Retry-After` of the 202 that started the polling. */
  firstDelayMs: number;
}

/**
 * Looks until the answer is final, sleeping as each answer's `Retry-After` says; after
 * `timeoutMs` throws `OcrApiError` with code `timeout` (the work itself goes on in the service).
 */
export async function pollUntilFinal<T>(look: (remainingMs: number) => Promise<Probe<T>>, options: PollOptions): Promise<T> {
  const { timeoutMs, what } = options;
  const deadline = Date.now() + timeoutMs;
  await sleep(Math.min(options.firstDelayMs, timeoutMs));
  for (;;) {
    const probe = await look(deadline - Date.now());
    if (probe.final) return probe.value;
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new OcrApiError(0, 'timeout', `${what} was not finished after ${timeoutMs} ms; it goes on in the service`);
    await sleep(Math.min(probe.retryAfterMs, remaining));
  }
}
