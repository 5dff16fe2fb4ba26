import { describe, expect, it } from 'vitest';
import { inkedStrip } from './ink-strips.ts';
import { raisedDigit } from './superscripts.ts';

describe('raisedDigit', () => {
  // An `m` at 8–30 (step 2) from x-height to foot, rows 14–36; a digit around step 4.
  const m = { start: 8, end: 30, top: 14, bottom: 36 };

  it('writes a 2 or 3 whose ink ends above the middle of the letter before it, and rises above its top, as ² or ³', () => {
    const ink = inkedStrip([m, { start: 34, end: 46, top: 2, bottom: 20 }]);
    expect(raisedDigit(ink, '2', 2, 4)).toBe('²');
    expect(raisedDigit(ink, '3', 2, 4)).toBe('³');
  });

  it('reads it raised where its ink touches the letter before and the slash after (`m²/h`)', () => {
    const slash = { start: 42, end: 56, top: 2, bottom: 40 };
    expect(raisedDigit(inkedStrip([m, { start: 30, end: 42, top: 2, bottom: 20 }, slash]), '2', 2, 4)).toBe('²');
  });

  it('leaves a digit that reaches the foot of the line', () => {
    expect(raisedDigit(inkedStrip([m, { start: 34, end: 46, top: 4, bottom: 36 }]), '2', 2, 4)).toBe('2');
  });

  it('leaves ink high up that does not rise above the letter (an `r`’s arm, a `P`’s bowl)', () => {
    // The arm (columns 14–24) lies in the digit's window (steps 2–4) and ends above the r's middle.
    const r = [{ start: 8, end: 14, top: 14, bottom: 36 }, { start: 14, end: 24, top: 14, bottom: 20 }];
    expect(raisedDigit(inkedStrip([...r, { start: 26, end: 38, top: 4, bottom: 36 }]), '2', 1, 3)).toBe('2');
  });

  it('leaves a smudge narrower than a digit, and digits that have no raised form here', () => {
    expect(raisedDigit(inkedStrip([m, { start: 34, end: 38, top: 2, bottom: 20 }]), '2', 2, 4)).toBe('2');
    expect(raisedDigit(inkedStrip([m, { start: 34, end: 46, top: 2, bottom: 20 }]), '5', 2, 4)).toBe('5');
  });
});
