import { describe, expect, it } from 'vitest';
import { fixDigitLookalikes } from './digit-lookalikes.ts';

describe('fixDigitLookalikes', () => {
  it('reads o as zero inside numbers', () => {
    expect(fixDigitLookalikes('after 5oo hours, every 4ooo hours')).toBe('after 500 hours, every 4000 hours');
    expect(fixDigitLookalikes('within o.o5 mm, ±o.05, 2o%')).toBe('within 0.05 mm, ±0.05, 20%');
  });

  it('leaves words, letter-digit codes and lone letters alone', () => {
    const text = 'Do not go to 10 o clock; 42CrMo4, ISO 2768, No.5, o-ring, Oil 2O, oo';
    expect(fixDigitLookalikes(text)).toBe(text.replace('2O', '20'));
  });
});
