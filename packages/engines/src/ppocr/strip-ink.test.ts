import { describe, expect, it } from 'vitest';
import { inkedStrip, renderedStrip, stepOf } from './ink-strips.ts';

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
    expect(ink.adjacentRuns(stepOf(runs[1]!), stepOf(runs[2]!))).toEqual([runs[1], runs[2]]);
    // Ink between them: the glyphs stand apart.
    expect(ink.adjacentRuns(stepOf(runs[0]!), stepOf(runs[2]!))).toBeUndefined();
  });

  it('leaves out a rule the box took in below the text (a dimension line), and one drawn through it', () => {
    const glyphs = [{ start: 10, end: 30 }, { start: 40, end: 60 }, { start: 70, end: 90 }];
    const below = inkedStrip([...glyphs, { start: 0, end: 60, top: 44, bottom: 46 }]);
    expect(below.runs().map(({ start, end, bottom }) => ({ start, end, bottom }))).toEqual(glyphs.map(({ start, end }) => ({ start, end, bottom: 33 })));
    const through = inkedStrip([...glyphs, { start: 0, end: 96, top: 25, bottom: 27 }]);
    expect(through.runs().map(({ start, end }) => ({ start, end }))).toEqual(glyphs.map(({ start, end }) => ({ start, end })));
  });

  it('finds the glyphs of light print on a dark ground (a terminal screenshot) as its runs', () => {
    const glyphs = [{ start: 10, end: 30 }, { start: 40, end: 60 }, { start: 70, end: 90 }];
    const light = inkedStrip(glyphs.map((glyph) => ({ ...glyph, darkness: 40 })), { paper: 230 });
    expect(light.runs().map(({ start, end, top, bottom }) => ({ start, end, top, bottom }))).toEqual(glyphs.map((glyph) => ({ ...glyph, top: 18, bottom: 33 })));
  });

  it('keeps heavy black print that covers most of a tight box as the ink, its edges being paper', () => {
    const glyphs = [{ start: 2, end: 30 }, { start: 34, end: 62 }, { start: 66, end: 94 }];
    const heavy = inkedStrip(glyphs.map((glyph) => ({ ...glyph, top: 4, bottom: 44 })));
    expect(heavy.runs().map(({ start, end }) => ({ start, end }))).toEqual(glyphs);
  });

  it('finds no runs on blank paper', async () => {
    expect((await renderedStrip('', 36)).runs()).toEqual([]);
  });
});
