import { describe, expect, it } from 'vitest';
import { inkedStrip } from './ink-strips.ts';
import { raisedDigit, unreadSquare } from './superscripts.ts';

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

describe('unreadSquare', () => {
  // An `I` at 8–13 (step 1) from cap height to foot, rows 13–36; a `C` at step 3.
  const i = { start: 8, end: 13, top: 13, bottom: 36 };
  const c = { start: 26, end: 47, top: 12, bottom: 36 };

  it('finds the raised 2 of I²C standing alone or touching the C', () => {
    expect(unreadSquare(inkedStrip([i, { start: 15, end: 25, top: 12, bottom: 25 }, c]), 1, 3)).toBe(true);
    expect(unreadSquare(inkedStrip([i, { start: 15, end: 26, top: 13, bottom: 24 }, { ...c, start: 26 }]), 1, 3)).toBe(true);
  });

  it('finds none where the C follows the I, or a hyphen or a speck stands between them', () => {
    expect(unreadSquare(inkedStrip([i, { ...c, start: 16 }]), 1, 3)).toBe(false);
    expect(unreadSquare(inkedStrip([i, { start: 15, end: 25, top: 22, bottom: 26 }, c]), 1, 3)).toBe(false);
    expect(unreadSquare(inkedStrip([i, { start: 15, end: 18, top: 12, bottom: 16 }, c]), 1, 3)).toBe(false);
  });
});
