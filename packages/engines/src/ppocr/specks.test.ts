import { describe, expect, it } from 'vitest';
import { isDrawnPattern, isSpecks } from './specks.ts';

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

describe('isDrawnPattern', () => {
  it('calls one glyph read over and over, unsurely, a drawn pattern (a zig-zag border)', () => {
    expect(isDrawnPattern({ text: `${'8'.repeat(48)}Ω`, confidence: 0.672 })).toBe(true);
    expect(isDrawnPattern({ text: 'xxxxxxxxxxxxxx', confidence: 0.5 })).toBe(true);
  });

  it('keeps print read surely, short runs and lines of more than one other glyph', () => {
    expect(isDrawnPattern({ text: '0'.repeat(32), confidence: 0.97 })).toBe(false);
    expect(isDrawnPattern({ text: '8'.repeat(8), confidence: 0.6 })).toBe(false);
    expect(isDrawnPattern({ text: `Lot ${'x'.repeat(12)}`, confidence: 0.7 })).toBe(false);
  });
});
