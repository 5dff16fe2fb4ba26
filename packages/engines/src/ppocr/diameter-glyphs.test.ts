import { describe, expect, it } from 'vitest';
import { isDiameterMark, unreadDiameterMark } from './diameter-glyphs.ts';
import { renderedStrip, stepOf } from './ink-strips.ts';

const FACES = ['"DejaVu Sans"', '"DejaVu Serif"', '"Noto Sans CJK SC"'];

/** Whether the first glyph of `text`, rendered in `face`, is taken for a diameter mark opening the number after it. */
async function opensWithMark(text: string, face: string): Promise<boolean> {
  const ink = await renderedStrip(text, 36, face);
  const runs = ink.runs();
  return isDiameterMark(ink, stepOf(runs[0]!), stepOf(runs.at(-1)!) + 1);
}

/** Whether an unread mark is found before the digit that follows the first space of `text`, rendered in `face`. */
async function unreadMarkBeforeNumber(text: string, face: string): Promise<boolean> {
  const ink = await renderedStrip(text, 36, face);
  const runs = ink.runs();
  const word = text.indexOf(' ');
  // The runs: the word's letters, the mark, then the number's digits.
  return unreadDiameterMark(ink, stepOf(runs[word - 1]!), stepOf(runs[word + 1]!));
}

describe('isDiameterMark', () => {
  it.each(FACES)('takes Ø before a whole number for the mark, in %s (read `0120`, `825`)', async (face) => {
    expect(await opensWithMark('Ø120', face)).toBe(true);
    expect(await opensWithMark('Ø25', face)).toBe(true);
  });

  it.each(FACES)('leaves a 0, an 8 and an O opening a number, in %s', async (face) => {
    for (const text of ['0120', '825', '0815', 'O25']) expect(await opensWithMark(text, face)).toBe(false);
  });
});

describe('unreadDiameterMark', () => {
  it.each(FACES)('finds the mark left unread between a word and its number, in %s', async (face) => {
    expect(await unreadMarkBeforeNumber('Bore Ø40', face)).toBe(true);
  });

  it.each(FACES)('finds none for a depth mark, a bracket, a square or an O there, in %s', async (face) => {
    for (const text of ['Bore ↧40', 'Bore [40', 'Bore □40', 'Bore O40']) expect(await unreadMarkBeforeNumber(text, face)).toBe(false);
  });
});
