import { describe, expect, it } from 'vitest';
import { stretchedReadsBetter } from './recognizer.ts';

describe('stretchedReadsBetter', () => {
  it('takes a stretched reading that is sure and surer than the first by a margin', () => {
    expect(stretchedReadsBetter(0.8, 0.8, 0.92)).toBe(true);
    expect(stretchedReadsBetter(0.88, 0.88, 0.91)).toBe(false);
  });

  it('takes one under the sure level only where it is much surer than the first', () => {
    expect(stretchedReadsBetter(0.62, 0.62, 0.86)).toBe(true);
    expect(stretchedReadsBetter(0.8, 0.8, 0.88)).toBe(false);
  });

  it('never takes one less sure than a stretched reading already kept', () => {
    expect(stretchedReadsBetter(0.62, 0.89, 0.86)).toBe(false);
    expect(stretchedReadsBetter(0.62, 0.86, 0.89)).toBe(true);
  });
});
