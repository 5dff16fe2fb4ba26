import { describe, expect, it } from 'vitest';
import { inkedStrip, stepOf } from './ink-strips.ts';
import { joinFirstCapitals, spaceWordGaps, unspaceLetterGaps } from './word-spaces.ts';

/** A glyph's ink width in strip pixels; its gap to the next glyph is given with it. */
const GLYPH = 14;

/**
 * A decoded line as `decodeLine` builds it, over a strip inked glyph by glyph: `glyphs` are each a
 * character and the blank after its ink (strip pixels); `spaces` the spaces read, by the glyph
 * they follow, `sure` where the space class was the recogniser's top class there.
 */
function decoded(glyphs: ReadonlyArray<readonly [string, number]>, spaces: ReadonlyMap<number, 'sure' | 'placed'>) {
  const runs: Array<{ start: number; end: number }> = [];
  let x = 4;
  for (const [, blank] of glyphs) {
    runs.push({ start: x, end: x + GLYPH });
    x += GLYPH + blank;
  }
  const ink = inkedStrip(runs, { width: x + 8 });
  const chars: string[] = [], probabilities: Array<number | undefined> = [], starts: number[] = [];
  glyphs.forEach(([char], i) => {
    const space = spaces.get(i - 1);
    if (space) {
      chars.push(' ');
      probabilities.push(space === 'sure' ? 0.9 : undefined);
      starts.push(stepOf(runs[i]!));
    }
    chars.push(char);
    probabilities.push(0.99);
    starts.push(stepOf(runs[i]!));
  });
  return { chars, probabilities, starts, ink };
}

/** `text`'s glyphs, 3 px apart within a word, `wordBlank` between words, and `tight` (a gap index) as close as letters. */
function line(text: string, spaceRead: (gap: number) => 'sure' | 'placed', wordBlank = 26) {
  const glyphs: Array<[string, number]> = [];
  const spaces = new Map<number, 'sure' | 'placed'>();
  const words = text.split(' ');
  words.forEach((word, w) => {
    [...word].forEach((char, i) => {
      const last = i === word.length - 1 && w < words.length - 1;
      glyphs.push([char, last ? (word.endsWith('|') ? 3 : wordBlank) : 3]);
      if (last) spaces.set(glyphs.length - 1, spaceRead(w));
    });
  });
  // `|` marks a word cut where letters stand as close as in a word (`m|ainly`): it is no glyph of its own.
  const merged = glyphs.filter(([char]) => char !== '|');
  const bars = glyphs.flatMap(([char], i) => (char === '|' ? [i] : []));
  const shifted = new Map([...spaces].map(([at, how]) => [at - bars.filter((bar) => bar <= at).length, how]));
  return decoded(merged, shifted);
}

describe('unspaceLetterGaps', () => {
  it('takes out a space placed from a faint P(space) where the letters stand as close as in a word, by the line’s sure spaces', () => {
    // `Edgar m ainly followed the`: the space between m and a placed, the others sure.
    const d = line('Edgar m| ainly followed the', (w) => (w === 1 ? 'placed' : 'sure'));
    unspaceLetterGaps(d.chars, d.probabilities, d.starts, d.ink);
    expect(d.chars.join('')).toBe('Edgar mainly followed the');
    expect([d.probabilities.length, d.starts.length]).toEqual([d.chars.length, d.chars.length]);
  });

  it('keeps a placed space where the strip leaves as much blank as between the line’s other words', () => {
    const d = line('Edgar mainly followed the', (w) => (w === 1 ? 'placed' : 'sure'));
    unspaceLetterGaps(d.chars, d.probabilities, d.starts, d.ink);
    expect(d.chars.join('')).toBe('Edgar mainly followed the');
  });

  it('keeps the spaces the recogniser reads surely, however close, and leaves a line with none of them as read', () => {
    const sure = line('Edgar m| ainly followed the', () => 'sure');
    unspaceLetterGaps(sure.chars, sure.probabilities, sure.starts, sure.ink);
    expect(sure.chars.join('')).toBe('Edgar m ainly followed the');
    const none = line('m| ainly', () => 'placed');
    unspaceLetterGaps(none.chars, none.probabilities, none.starts, none.ink);
    expect(none.chars.join('')).toBe('m ainly');
  });

  it('measures by a short line’s one sure space (a receipt’s `Tax Invoi ce`)', () => {
    const d = line('Tax Invoi| ce', (w) => (w === 1 ? 'placed' : 'sure'));
    unspaceLetterGaps(d.chars, d.probabilities, d.starts, d.ink);
    expect(d.chars.join('')).toBe('Tax Invoice');
  });

  it('leaves the placed spaces of a line whose sure spaces leave hardly more blank than its letters', () => {
    // An ICDAR table's small print: `I feel in control`, its words a sixth of the strip's height apart.
    const d = line('feel| in control of what', (w) => (w === 0 ? 'placed' : 'sure'), 8);
    unspaceLetterGaps(d.chars, d.probabilities, d.starts, d.ink);
    expect(d.chars.join('')).toBe('feel in control of what');
  });

  it('leaves a placed space beside a letter whose strokes lean over the gap (`a while`, `of a`)', () => {
    for (const text of ['on a| while of a', 'of| a hill of a']) {
      const d = line(text, (w) => (w === 1 || (text.startsWith('of') && w === 0) ? 'placed' : 'sure'));
      unspaceLetterGaps(d.chars, d.probabilities, d.starts, d.ink);
      expect(d.chars.join('')).toBe(text.replace('|', ''));
    }
  });

  it('leaves a placed space before a capital, where a blurred word gap can close up', () => {
    // camelot's plot image: `Drive Profile Subsample`, the e and the S on one run of ink.
    const d = line('Drive Profile| Subsample from Real', (w) => (w === 1 ? 'placed' : 'sure'));
    unspaceLetterGaps(d.chars, d.probabilities, d.starts, d.ink);
    expect(d.chars.join('')).toBe('Drive Profile Subsample from Real');
  });

  it('leaves a placed space beside a digit or a mark, which the strip is asked about elsewhere', () => {
    const d = line('Edgar 9| ainly followed the,| x', (w) => (w === 1 || w === 4 ? 'placed' : 'sure'));
    unspaceLetterGaps(d.chars, d.probabilities, d.starts, d.ink);
    expect(d.chars.join('')).toBe('Edgar 9 ainly followed the, x');
  });
});

describe('spaceWordGaps', () => {
  /** `please referto the`, its spaces read but the one between `refer` and `to`, which stands `blank` apart. */
  function unspaced(blank: number) {
    const glyphs: Array<[string, number]> = [...'please referto the'.replaceAll(' ', '')].map((char, i) => [char, [5, 10, 12].includes(i) ? (i === 10 ? blank : 26) : 3]);
    const d = decoded(glyphs, new Map([[5, 'placed'], [12, 'placed']]));
    // The recogniser's gap before the `t`: where it left the space out.
    return { ...d, step: d.starts[d.chars.indexOf('t', 8)]! };
  }

  it('puts a space where the recogniser gave one some P(space) and the strip shows a word’s blank (Taoglas’ `referto`)', () => {
    const d = unspaced(24);
    spaceWordGaps(d.chars, d.probabilities, d.starts, d.ink, [{ step: d.step, pSpace: 0.075 }]);
    expect(d.chars.join('')).toBe('please refer to the');
    expect([d.probabilities.length, d.starts.length]).toEqual([d.chars.length, d.chars.length]);
  });

  it('leaves letters a letter’s blank apart, and a gap the recogniser gave no P(space)', () => {
    const close = unspaced(5);
    spaceWordGaps(close.chars, close.probabilities, close.starts, close.ink, [{ step: close.step, pSpace: 0.075 }]);
    expect(close.chars.join('')).toBe('please referto the');
    const faint = unspaced(24);
    spaceWordGaps(faint.chars, faint.probabilities, faint.starts, faint.ink, [{ step: faint.step, pSpace: 0.002 }]);
    expect(faint.chars.join('')).toBe('please referto the');
  });
});

describe('joinFirstCapitals', () => {
  it('takes out a placed space after a word’s first capital where the strip shows less than the line’s word spaces (Sony’s `P roducts`)', () => {
    const d = line('Use of the P| roducts for', (w) => (w === 3 ? 'placed' : 'sure'));
    joinFirstCapitals(d.chars, d.probabilities, d.starts, d.ink);
    expect(d.chars.join('')).toBe('Use of the Products for');
    expect([d.probabilities.length, d.starts.length]).toEqual([d.chars.length, d.chars.length]);
  });

  it('keeps a capital standing as a word a word space off, A and I, and a space read surely', () => {
    for (const text of ['Use a Type C connector', 'Use a Type A| connector', 'Use a Type I| connector']) {
      const d = line(text, (w) => (w === 3 ? 'placed' : 'sure'));
      joinFirstCapitals(d.chars, d.probabilities, d.starts, d.ink);
      expect(d.chars.join('')).toBe(text.replace('|', ''));
    }
    const sure = line('Use of the P| roducts for', () => 'sure');
    joinFirstCapitals(sure.chars, sure.probabilities, sure.starts, sure.ink);
    expect(sure.chars.join('')).toBe('Use of the P roducts for');
  });
});

