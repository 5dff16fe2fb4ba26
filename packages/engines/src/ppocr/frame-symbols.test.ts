import { describe, expect, it } from 'vitest';
import { restoreFrameSymbols } from './frame-symbols.ts';

describe('restoreFrameSymbols', () => {
  it('puts back the position symbol and the maximum material modifier of a feature control frame', () => {
    expect(restoreFrameSymbols('中 0.2 A B')).toBe('⌖ 0.2 A B');
    expect(restoreFrameSymbols('中 0.1@ A B')).toBe('⌖ 0.1Ⓜ A B');
    expect(restoreFrameSymbols('甲 0.2 A B M')).toBe('⌖ 0.2 A B M');
    expect(restoreFrameSymbols('中Ø0.05 A, 中 .005 A')).toBe('⌖Ø0.05 A, ⌖ .005 A');
    expect(restoreFrameSymbols('1.5①A B C 0.25①A B')).toBe('1.5Ⓜ A B C 0.25Ⓜ A B');
    expect(restoreFrameSymbols('0.3@ A B')).toBe('0.3Ⓜ A B');
    expect(restoreFrameSymbols('Q 0.1@')).toBe('Q 0.1Ⓜ');
  });

  it('leaves Chinese text, spacing callouts, balloons and addresses alone', () => {
    for (const text of ['3X @120', '3X @ 120°', '居中 0.2 A', '中心距 0.5', '中 50 A', '①0.5mm', 'info@example.com', '2.5@ 3 pcs', '中间0.5', '② 0.5 A']) {
      expect(restoreFrameSymbols(text), text).toBe(text);
    }
  });
});
