import { describe, expect, it } from 'vitest';
import type { Quad } from '@ocr/contracts';
import { rectQuad } from '@ocr/testkit';
import type { ReadLine } from './readings.ts';
import { mergeSidewaysReading, runsUpOrDown } from './sideways-text.ts';

function line(text: string, confidence: number, box: Quad): ReadLine {
  return { text, confidence, box, characters: text.replace(/\s/g, '').length };
}

/** A box reading up the page, from its bottom-left corner. */
function upwards(left: number, top: number, right: number, bottom: number): Quad {
  return [[left, bottom], [left, top], [right, top], [right, bottom]];
}

describe('runsUpOrDown', () => {
  it('is true where a line runs up or down the page, not for upright lines, glyphs or slanted callouts', () => {
    expect(runsUpOrDown([line('35.36', 1, upwards(200, 900, 240, 1010))])).toBe(true);
    expect(runsUpOrDown([line('10.48', 1, [[1147, 600], [1147, 690], [1106, 690], [1106, 600]])])).toBe(true);
    expect(runsUpOrDown([line('DETAIL B', 1, rectQuad(100, 100, 300, 130)), line('8', 1, upwards(10, 10, 40, 40))])).toBe(false);
    // 45°: a leader's callout, read as it is.
    expect(runsUpOrDown([line('4x Ø6.60', 1, [[874, 608], [1063, 417], [1099, 452], [910, 643]])])).toBe(false);
  });
});

describe('mergeSidewaysReading', () => {
  it('takes the sideways reading where it holds clearly more: two vertical sizes the upright pass read as glyphs', () => {
    const upright = [line('28.', 0.89, rectQuad(978, 966, 1060, 1021)), line('88', 1, rectQuad(983, 1018, 1057, 1052)), line('7.00', 1, rectQuad(1151, 1025, 1240, 1068))];
    const sideways = [line('8.20', 1, upwards(982, 967, 1020, 1048)), line('8.00', 1, upwards(1018, 968, 1056, 1048))];
    expect(mergeSidewaysReading(upright, sideways).map((l) => l.text).sort()).toEqual(['7.00', '8.00', '8.20']);
  });

  it('keeps the upright reading where the sideways one holds about as much (an upright glyph read on its side)', () => {
    const upright = [line('3', 1, rectQuad(656, 2261, 687, 2301))];
    expect(mergeSidewaysReading(upright, [line('m', 0.95, upwards(656, 2261, 687, 2301))]).map((l) => l.text)).toEqual(['3']);
  });

  it('adds what only the sideways pass found where it reads surely and holds more than a glyph', () => {
    const found = [line('10.48', 0.99, upwards(372, 1297, 414, 1400)), line('T', 0.95, upwards(1587, 213, 1606, 244)), line('1l1', 0.6, upwards(500, 500, 520, 560))];
    expect(mergeSidewaysReading([], found).map((l) => l.text)).toEqual(['10.48']);
  });
});
