import { describe, expect, it } from 'vitest';
import { rectQuad } from '@ocr/testkit';
import type { ReadLine } from './readings.ts';
import { tickMarks } from './tick-marks.ts';

const line = (text: string, top: number): ReadLine => ({ text, confidence: 0.9, box: rectQuad(0, top, 12 * text.length, top + 20), characters: text.replace(/\s/g, '').length });
const texts = (...rows: string[]) => tickMarks(rows.map((text, i) => line(text, i * 40))).map(({ text }) => text);

describe('tickMarks', () => {
  it('writes a table’s ticks read `<` and `√` as ✓, in rows and lone cells (SiRF’s demo guide, scanned)', () => {
    expect(texts('On Time (ms) 1 2 3', '200 < √ <', '300 < <', '<')).toEqual(['On Time (ms) 1 2 3', '200 ✓ ✓ ✓', '300 ✓ ✓', '✓']);
  });

  it('leaves comparisons, roots with their radicands, and pages with no √ standing alone', () => {
    const page = ['if a < b then', '√2 = 1.414', 'x √ y', '< 5', '√ 2', '<'];
    expect(texts(...page)).toEqual(page);
    expect(texts('200 < < <', '< 5', '<')).toEqual(['200 < < <', '< 5', '<']);
  });
});
