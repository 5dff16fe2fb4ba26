import { describe, expect, it } from 'vitest';
import { unreadDegreeSign } from './degree-signs.ts';
import { inkedStrip } from './ink-strips.ts';

describe('unreadDegreeSign', () => {
  // A `0` at 4–22 (step 1), rows 8–34; a `C` at 50–70 (step 7).
  const zero = { start: 4, end: 22, top: 8, bottom: 34 };
  const c = { start: 50, end: 70, top: 8, bottom: 34 };

  it('finds a raised ring left unread between a number and its C, and the space before it', () => {
    expect(unreadDegreeSign(inkedStrip([zero, { start: 34, end: 44, top: 6, bottom: 16 }, c]), 1, 7)).toEqual({ spaced: true });
    expect(unreadDegreeSign(inkedStrip([zero, { start: 25, end: 35, top: 6, bottom: 16 }, c]), 1, 7)).toEqual({ spaced: false });
  });

  it('finds none where nothing, or ink on the line, stands between them', () => {
    expect(unreadDegreeSign(inkedStrip([zero, c]), 1, 7)).toBeUndefined();
    expect(unreadDegreeSign(inkedStrip([zero, { start: 34, end: 44, top: 20, bottom: 34 }, c]), 1, 7)).toBeUndefined();
  });

  it('finds none for a speck, nor where more than one mark stands between them', () => {
    expect(unreadDegreeSign(inkedStrip([zero, { start: 34, end: 36, top: 6, bottom: 8 }, c]), 1, 7)).toBeUndefined();
    const two = [{ start: 26, end: 34, top: 6, bottom: 16 }, { start: 38, end: 46, top: 6, bottom: 16 }];
    expect(unreadDegreeSign(inkedStrip([zero, ...two, c]), 1, 7)).toBeUndefined();
  });
});
