import { describe, expect, it } from 'vitest';
import { StageClock } from './stage-clock.ts';

/** A clock that reads the times given, one per reading. */
function readings(...times: number[]): () => number {
  return () => times.shift()!;
}

describe('StageClock', () => {
  it('charges each lap the time since the one before, in the order stages were first lapped', () => {
    const clock = new StageClock(readings(100, 130.4, 130.6, 145.2));
    clock.lap('detection');
    clock.lap('reading');
    clock.lap('sideways');
    expect(clock.laps()).toEqual({ detection: 30, reading: 0, sideways: 15 });
  });

  it('adds up the laps of one stage, rounding the sum, and keeps its first place', () => {
    const clock = new StageClock(readings(0, 10.4, 15, 25.4));
    clock.lap('detection');
    clock.lap('reading');
    clock.lap('detection');
    expect(clock.laps()).toEqual({ detection: 21, reading: 5 });
  });

  it('times a page with the process clock by default', () => {
    const clock = new StageClock();
    const until = performance.now() + 5;
    while (performance.now() < until);
    clock.lap('detection');
    expect(clock.laps().detection).toBeGreaterThanOrEqual(5);
  });
});
