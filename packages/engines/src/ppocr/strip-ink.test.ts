import { describe, expect, it } from 'vitest';
import { renderedStrip, stepOf } from './ink-strips.ts';

describe('StripInk', () => {
  it('finds the glyphs of a rendered line as runs, left to right, with the rows their ink spans', async () => {
    const ink = await renderedStrip('mm²', 36);
    const [m1, m2, raised] = ink.runs();
    expect(ink.runs()).toHaveLength(3);
    expect(m1!.end).toBeLessThan(m2!.start);
    expect(m2!.end).toBeLessThan(raised!.start);
    // The ² stands above the m's middle and rises past its top.
    expect(raised!.bottom).toBeLessThan((m2!.top + m2!.bottom) / 2);
    expect(raised!.top).toBeLessThan(m2!.top);
    expect(Math.abs(m1!.bottom - m2!.bottom)).toBeLessThanOrEqual(1);
  });

  it('gives the run nearest a step, of those ending before another step', async () => {
    const ink = await renderedStrip('mm²', 36);
    const runs = ink.runs();
    runs.forEach((run) => expect(ink.runAt(stepOf(run))).toBe(run));
    expect(ink.runAt(stepOf(runs[2]!), stepOf(runs[2]!) - 1)).toBe(runs[1]);
    expect(ink.next(runs[1]!)).toBe(runs[2]);
    expect(ink.previous(runs[0]!)).toBeUndefined();
  });

  it('finds no runs on blank paper', async () => {
    expect((await renderedStrip('', 36)).runs()).toEqual([]);
  });
});
