import { describe, expect, it } from 'vitest';
import { isSpecks } from './specks.ts';

describe('isSpecks', () => {
  it('calls lines of dots, ticks and stray punctuation specks', () => {
    for (const text of ['.', '··.·', ':.', '*..', '. ..·..', '..!.', "'", '?.....', '。、', '.-·... ·', '+.']) expect(isSpecks(text)).toBe(true);
  });

  it('keeps every line with a letter, digit, CJK character or drawing symbol', () => {
    for (const text of ['8.', 'S', '1.', '-', '—', '--', 'Ø', '±', '+', '±0.05', '⌀', '技', 'A.', '...3', '|', '#', '%', '→']) {
      expect(isSpecks(text)).toBe(false);
    }
  });
});
