import { describe, expect, it } from 'vitest';
import { inkedStrip } from './ink-strips.ts';
import { isOpeningNumber, spacedAfterNumber, spacedBetweenDigits } from './number-gap.ts';

describe('isOpeningNumber', () => {
  it('takes list and section numbers, not longer numbers or words', () => {
    for (const read of ['1.', '12.', '3', '3.2', '4.1.2', '4.1.2.']) expect(isOpeningNumber([...read])).toBe(true);
    for (const read of ['2024', '123.', 'A.', '1..', '(1)', '1、', '']) expect(isOpeningNumber([...read])).toBe(false);
  });
});

describe('spacedAfterNumber', () => {
  // `1.` then a Han character: the digit at 6–20, the stop at 26–31 (step 3), the Han character from `han` on.
  const list = (han: number) => inkedStrip([{ start: 6, end: 20 }, { start: 26, end: 31 }, { start: han, end: han + 36 }]);

  it('finds the space a list number is printed with: a blank after its stop a quarter of the strip high or more', () => {
    expect(spacedAfterNumber(list(50), 3, 8)).toBe(true);
  });

  it('finds none where the Han character follows as close as a glyph of its own', () => {
    expect(spacedAfterNumber(list(38), 3, 6)).toBe(false);
  });

  it('finds none where the blank after the stop is no wider than the number’s own (a monospaced face)', () => {
    // Digit to stop 12 blank, stop to Han 14: a stop in half a cell, no space.
    const ink = inkedStrip([{ start: 4, end: 16 }, { start: 28, end: 33 }, { start: 47, end: 83 }]);
    expect(spacedAfterNumber(ink, 3, 7)).toBe(false);
  });

  it('takes a faint stop on a blurred scan for ink, not paper', () => {
    // Paper at 20, strokes at 130, the stop a smudge at 60: a fixed threshold of 64 saw a 20-pixel blank.
    const ink = inkedStrip(
      [{ start: 6, end: 20, darkness: 130 }, { start: 26, end: 31, darkness: 60 }, { start: 40, end: 76, darkness: 130 }],
      { paper: 20 },
    );
    expect(spacedAfterNumber(ink, 3, 6)).toBe(false);
  });

  it('tells nothing where paper and ink hardly differ', () => {
    const ink = inkedStrip(
      [{ start: 6, end: 20, darkness: 50 }, { start: 26, end: 31, darkness: 50 }, { start: 50, end: 86, darkness: 50 }],
      { paper: 20 },
    );
    expect(spacedAfterNumber(ink, 3, 8)).toBe(false);
  });

  it('finds none where nothing is inked after the number within the next character’s step', () => {
    expect(spacedAfterNumber(inkedStrip([{ start: 6, end: 20 }, { start: 26, end: 31 }, { start: 90, end: 96 }]), 3, 8)).toBe(false);
  });
});

describe('spacedBetweenDigits', () => {
  // Two digits: the first at 6–26 (step 2), the second from `next` on, 20 wide.
  const digits = (next: number) => inkedStrip([{ start: 6, end: 26 }, { start: next, end: next + 20 }], { width: 120 });
  const stepOf = (next: number) => Math.floor((next + 10) / 8);

  it('places a space the model reads faintly where the blank between the digits is 0.3 of the strip high or more', () => {
    expect(spacedBetweenDigits(digits(41), 2, stepOf(41), false, 0.005, false)).toBe(true);
    expect(spacedBetweenDigits(digits(34), 2, stepOf(34), false, 0.005, false)).toBe(false);
    // Fainter than that, the strip is not asked: a tabular 1 leaves as wide a blank.
    expect(spacedBetweenDigits(digits(41), 2, stepOf(41), false, 0.001, false)).toBe(false);
  });

  it('drops a faint space where the digits stand closer than 0.2 of the strip (`$1 50,000`), and keeps a sure one', () => {
    expect(spacedBetweenDigits(digits(34), 2, stepOf(34), true, 0.03, false)).toBe(false);
    expect(spacedBetweenDigits(digits(38), 2, stepOf(38), true, 0.03, false)).toBe(true);
    expect(spacedBetweenDigits(digits(34), 2, stepOf(34), true, 0.03, true)).toBe(true);
    expect(spacedBetweenDigits(digits(34), 2, stepOf(34), true, 0.2, false)).toBe(true);
  });

  it('leaves the scores’ answer where other ink stands between the digits', () => {
    const speck = inkedStrip([{ start: 6, end: 26 }, { start: 32, end: 36 }, { start: 48, end: 68 }], { width: 120 });
    expect(spacedBetweenDigits(speck, 2, 7, false, 0.005, false)).toBe(false);
    expect(spacedBetweenDigits(speck, 2, 7, true, 0.03, false)).toBe(true);
  });
});
