import { describe, expect, it } from 'vitest';
import { renderedStrip, stepOf } from './ink-strips.ts';
import { neighbouringCells } from './monospace.ts';

const LINE = 'Tensile strength of the bolts: minimum 800 MPa.';

/** The steps of the glyphs at `left` and `left + 1` among the runs of `text` rendered in `face` (its glyphs apart, the i's dot in its column). */
async function pair(text: string, face: string, left: number) {
  const ink = await renderedStrip(text, 28, face);
  const runs = ink.runs();
  return { ink, before: stepOf(runs[left]!), after: stepOf(runs[left + 1]!) };
}

describe('neighbouringCells', () => {
  it('finds the i and l of `Tensile` in neighbouring cells of a monospaced line', async () => {
    const { ink, before, after } = await pair(LINE, '"Noto Sans Mono CJK SC"', 4);
    expect(neighbouringCells(ink, before, after)).toBe(true);
  });

  it('finds a word space two cells wide', async () => {
    // `Tensile` ends with the 7th glyph, `strength` starts with the 8th.
    const { ink, before, after } = await pair(LINE, '"Noto Sans Mono CJK SC"', 6);
    expect(neighbouringCells(ink, before, after)).toBe(false);
  });

  it('finds no cells in a proportional line, even one of letters of like width', async () => {
    for (const [text, face, left] of [[LINE, '"DejaVu Sans"', 4], ['Време је лепо данас, рекао је.', '"DejaVu Sans"', 4]] as const) {
      const { ink, before, after } = await pair(text, face, left);
      expect(neighbouringCells(ink, before, after)).toBe(false);
    }
  });
});
