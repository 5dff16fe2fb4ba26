import { describe, expect, it } from 'vitest';
import { inkedStrip, renderedStrip, stepOf, type InkBlock } from './ink-strips.ts';
import { isProductDot, spacedAfterMark, stopMarkShown, unreadLastMark } from './stop-marks.ts';

/** Letters standing on the baseline at row 34, 16 columns apart, as `inkedStrip` draws glyphs. */
const LETTERS = [10, 26, 42, 58, 74].map((start) => ({ start, end: start + 12, top: 16, bottom: 35 }));

describe('stopMarkShown', () => {
  it('tells a comma, a stop and a hyphen ending a rendered line apart', async () => {
    for (const fontFamily of ['"DejaVu Serif"', '"Noto Sans CJK SC"']) {
      for (const [text, mark] of [['a big,', ','], ['be seen.', '.'], ['They be-', '-']] as const) {
        const ink = await renderedStrip(text, 36, fontFamily);
        const last = ink.runs().at(-1)!;
        expect(stopMarkShown(ink, stepOf(last), stepOf(last) + 2, true), `${fontFamily} ${text}`).toBe(mark);
      }
    }
  });

  it('takes a hyphen only at the line’s end, where a word is cut', () => {
    const ink = inkedStrip([...LETTERS, { start: 90, end: 100, top: 24, bottom: 28 }, { start: 104, end: 116, top: 16, bottom: 35 }], { width: 128 });
    expect(stopMarkShown(ink, 11, 13, true)).toBe('-');
    expect(stopMarkShown(ink, 11, 13, false)).toBe('.');
  });

  it('leaves a stop where there are too few glyphs to find the baseline by, or the mark has run into a glyph', () => {
    const comma = { start: 90, end: 94, top: 30, bottom: 41 };
    expect(stopMarkShown(inkedStrip([...LETTERS, comma], { width: 112 }), 11, 13, true)).toBe(',');
    expect(stopMarkShown(inkedStrip([...LETTERS.slice(3), comma], { width: 112 }), 11, 13, true)).toBe('.');
    expect(stopMarkShown(inkedStrip([...LETTERS, { ...comma, start: 86 }], { width: 112 }), 11, 13, true)).toBe('.');
  });
});

describe('unreadLastMark', () => {
  it('finds the stop, comma or hyphen standing alone after the last glyph read', () => {
    const last = stepOf(LETTERS.at(-1)!);
    const after = (mark: InkBlock) => unreadLastMark(inkedStrip([...LETTERS, mark], { width: 112 }), last);
    expect(after({ start: 90, end: 96, top: 29, bottom: 35 })).toBe('.');
    expect(after({ start: 90, end: 94, top: 30, bottom: 41 })).toBe(',');
    expect(after({ start: 90, end: 100, top: 24, bottom: 28 })).toBe('-');
  });

  it('finds none after a line without one, nor a speck, a stroke below the line or a mark standing far off', () => {
    const last = stepOf(LETTERS.at(-1)!);
    const after = (...marks: InkBlock[]) => unreadLastMark(inkedStrip([...LETTERS, ...marks], { width: 128 }), last);
    expect(unreadLastMark(inkedStrip(LETTERS), last)).toBeUndefined();
    expect(after({ start: 90, end: 92, top: 33, bottom: 35 })).toBeUndefined();
    expect(after({ start: 90, end: 93, top: 40, bottom: 47 })).toBeUndefined();
    expect(after({ start: 104, end: 110, top: 29, bottom: 35 })).toBeUndefined();
    expect(after({ start: 90, end: 96, top: 29, bottom: 35 }, { start: 104, end: 110, top: 29, bottom: 35 })).toBeUndefined();
  });
});

describe('isProductDot', () => {
  it('takes a small square mark at the letters’ middle for a raised dot, and a hyphen or a stop for none', () => {
    const mark = (block: InkBlock) => isProductDot(inkedStrip([...LETTERS, block, { start: 104, end: 116, top: 16, bottom: 35 }], { width: 128 }), 11, 13);
    expect(mark({ start: 91, end: 96, top: 23, bottom: 28 })).toBe(true);
    expect(mark({ start: 90, end: 100, top: 24, bottom: 28 })).toBe(false);
    expect(mark({ start: 91, end: 96, top: 30, bottom: 35 })).toBe(false);
    expect(mark({ start: 91, end: 93, top: 25, bottom: 27 })).toBe(false);
  });
});

describe('spacedAfterMark', () => {
  const comma = { start: 90, end: 95, top: 30, bottom: 40 };
  const after = (start: number) => ({ start, end: start + 12, top: 16, bottom: 35 });
  const spaced = (blocks: InkBlock[]) => spacedAfterMark(inkedStrip(blocks, { width: 136 }), 11, 14);

  it('finds a word space where the blank after the mark is wide and twice the blank before it', () => {
    expect(spaced([...LETTERS, comma, after(107)])).toBe(true);
  });

  it('finds none where the mark stands as far from both neighbours as in a number (`12. 35` read in a monospaced face)', () => {
    expect(spaced([...LETTERS.slice(0, 4), { ...LETTERS[4]!, end: 80 }, comma, after(107)])).toBe(false);
    expect(spaced([...LETTERS, comma, after(100)])).toBe(false);
  });

  it('cannot tell between those, nor beside a run too wide for a lone mark', () => {
    expect(spaced([...LETTERS, comma, after(103)])).toBeUndefined();
    expect(spaced([...LETTERS, { ...comma, end: 102 }, after(114)])).toBeUndefined();
  });
});
