import { describe, expect, it } from 'vitest';
import { rectQuad } from '@ocr/testkit';
import type { ReadLine } from './readings.ts';
import { restoreFrameSymbols, restoreLonePositionSymbols } from './frame-symbols.ts';

function line(text: string, left: number, top: number, right: number, bottom: number): ReadLine {
  return { text, confidence: 0.9, box: rectQuad(left, top, right, bottom), characters: text.replace(/\s/g, '').length };
}

describe('restoreFrameSymbols', () => {
  it('puts back the position symbol and the material condition modifiers of a feature control frame', () => {
    expect(restoreFrameSymbols('中 0.2 A B')).toBe('⌖ 0.2 A B');
    expect(restoreFrameSymbols('中 0.1@ A B')).toBe('⌖ 0.1Ⓜ A B');
    expect(restoreFrameSymbols('甲 0.2 A B M')).toBe('⌖ 0.2 A B M');
    expect(restoreFrameSymbols('中Ø0.05 A, 中 .005 A')).toBe('⌖Ø0.05 A, ⌖ .005 A');
    expect(restoreFrameSymbols('1.5①A B C 0.25①A B')).toBe('1.5Ⓛ A B C 0.25Ⓛ A B');
    expect(restoreFrameSymbols('0.3@ A B')).toBe('0.3Ⓜ A B');
    expect(restoreFrameSymbols('Q 0.1@')).toBe('Q 0.1Ⓜ');
  });

  it('leaves Chinese text, spacing callouts, balloons and addresses alone', () => {
    for (const text of ['3X @120', '3X @ 120°', '居中 0.2 A', '中心距 0.5', '中 50 A', '①0.5mm', 'info@example.com', '2.5@ 3 pcs', '中间0.5', '② 0.5 A']) {
      expect(restoreFrameSymbols(text), text).toBe(text);
    }
  });
});

describe('restoreLonePositionSymbols', () => {
  it('puts back a position symbol boxed apart from the tolerance next along its row', () => {
    const frame = [line('中', 140, 21, 156, 33), line('0.2 A B', 162, 19, 241, 36)];
    expect(restoreLonePositionSymbols(frame).map((l) => l.text)).toEqual(['⌖', '0.2 A B']);
  });

  it('leaves 中 alone in a table cell, beside words, or a row away from a tolerance', () => {
    const lines = [
      line('中', 100, 100, 120, 120), line('Medium', 130, 100, 200, 120),
      line('甲', 100, 200, 120, 220), line('0.5', 100, 230, 130, 250),
      line('中', 300, 300, 320, 320), line('0.1 A', 400, 300, 460, 320),
    ];
    expect(restoreLonePositionSymbols(lines).map((l) => l.text)).toEqual(['中', 'Medium', '甲', '0.5', '中', '0.1 A']);
  });
});
