import { describe, expect, it } from 'vitest';
import { inkedStrip, renderedStrip, stepOf } from './ink-strips.ts';
import { inEvenCells, neighbouringCells } from './monospace.ts';

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

describe('neighbouringCells in a line of even letters', () => {
  it('finds no cells where no gap leaves a cell blank (`Total Ending Balance`: proportional letters that run evenly)', () => {
    // The glyphs' middles as a table cell's line gave them (to the pixel), 14 of 18 on a grid of 22.5 px; its spaces, after the 5th and 11th glyph, 29 and 33 px.
    const middles = [12, 35, 56, 76, 92, 121, 143, 168, 188, 207, 232, 265, 288, 304, 322, 345, 369, 392];
    const blocks = middles.map((middle) => ({ start: middle - 7, end: middle + 7, top: 12, bottom: 36 }));
    const ink = inkedStrip(blocks, { width: 410 });
    expect(neighbouringCells(ink, stepOf(blocks[4]!), stepOf(blocks[5]!))).toBe(false);
  });
});

describe('neighbouringCells in a line of glyphs run together', () => {
  it('finds no cells where many ink runs are wider than a cell (NXP’s bold `Contactless Reader IC`, scanned)', () => {
    // Its ink runs to the pixel: 12 of 15 middles within 0.15 of a grid of 23 px, but 5 runs over a cell wide.
    const runs = [[1, 29], [31, 56], [58, 81], [83, 142], [143, 158], [159, 167], [170, 193], [195, 216], [218, 239], [254, 282], [284, 355], [358, 380], [382, 397], [411, 419], [422, 450]] as const;
    const blocks = runs.map(([start, end]) => ({ start, end, top: 12, bottom: 36 }));
    const ink = inkedStrip(blocks, { width: 460 });
    // The r of `Reader` and the I of `IC`.
    expect(neighbouringCells(ink, stepOf(blocks[12]!), stepOf(blocks[13]!))).toBe(false);
  });
});

describe('inEvenCells', () => {
  /** Whether the glyphs of `runs` (start, end in strip pixels) at `left` and `left + 1` stand in even cells with their neighbours. */
  const even = (runs: ReadonlyArray<readonly [number, number]>, left: number) => {
    const blocks = runs.map(([start, end]) => ({ start, end, top: 12, bottom: 36 }));
    return inEvenCells(inkedStrip(blocks, { width: runs.at(-1)![1] + 10 }), stepOf(blocks[left]!), stepOf(blocks[left + 1]!));
  };

  it('finds the glyphs of a word in a typewriter face inside proportional text in even cells (`ma in`)', () => {
    // A scanned paper's `main`, its middles 25.5, 25.5 and 26 apart.
    expect(even([[10, 37], [38, 60], [65, 84], [89, 112]], 1)).toBe(true);
  });

  it('finds none where a proportional face’s space leaves the middles near even but the blank across it wider than beside it', () => {
    // A drawing's note: `o`, `t`, space, `i`, `n`, middles 16.5, 19 and 14.5 apart, blanks 2, 11 and 4.
    expect(even([[10, 28], [30, 41], [52, 57], [61, 77]], 1)).toBe(false);
    // A report's `percent in`: `n`, `t`, space, `i`, `n`, middles 25, 27 and 23 apart, blanks 3, 13 and 5.
    expect(even([[359, 385], [388, 406], [419, 429], [434, 460]], 1)).toBe(false);
  });

  it('finds none where ink runs wider than a cell (glyphs run together) or cells wider than a monospaced face’s', () => {
    expect(even([[10, 45], [46, 58], [62, 70], [72, 84]], 1)).toBe(false);
    expect(even([[10, 40], [48, 78], [86, 116], [124, 154]], 1)).toBe(false);
  });
});
