import { describe, expect, it } from 'vitest';
import type { PageImage } from '@ocr/contracts';
import { inkExtent, pageImage, rectQuad, renderPage, type TextBlock } from '@ocr/testkit';
import type { ReadLine } from './readings.ts';
import { tableDashes } from './table-dashes.ts';

const SIZE = 17;
const FACE = '"DejaVu Sans"';
/** Where each column's figures end (right-aligned) and each row's top. */
const COLUMN_RIGHTS = [220, 320, 420, 520];
const ROW_PITCH = 30;
const TOP = 20;

interface Table {
  image: PageImage;
  /** What the recogniser would have read: each cell that holds a figure, boxed as the detector boxes it. */
  figures: ReadLine[];
}

/** Each cell's box as the detector draws it round its ink, a few pixels out. */
function cellLine(text: string, right: number, top: number): ReadLine {
  const ink = inkExtent(text, SIZE, FACE);
  return { text, confidence: 0.95, box: rectQuad(right - (ink.right - ink.left) - 4, top - 3, right + 4, top + SIZE * 1.25), characters: text.length };
}

/**
 * `rows` of cells under COLUMN_RIGHTS, figures right-aligned, anything else centred under its
 * column's figures (a dash for an empty cell); with `ruled`, in a grid of 2 px rules; `lines`
 * drawn as well.
 */
async function table(rows: ReadonlyArray<readonly string[]>, { ruled = false, lines = [] as Array<[number, number, number, number]> } = {}): Promise<Table> {
  const blocks: TextBlock[] = [];
  const figures: ReadLine[] = [];
  rows.forEach((row, r) => {
    const top = TOP + r * ROW_PITCH;
    row.forEach((text, c) => {
      const ink = inkExtent(text, SIZE, FACE);
      const right = COLUMN_RIGHTS[c]!;
      const figure = /^\d/.test(text);
      const left = figure ? right - (ink.right - ink.left) : right - 16 - (ink.right - ink.left) / 2;
      blocks.push({ x: Math.round(left - ink.left), y: top, text, fontSize: SIZE, fontFamily: FACE });
      if (figure) figures.push(cellLine(text, right, top));
    });
  });
  const width = COLUMN_RIGHTS.at(-1)! + 60, height = TOP * 2 + rows.length * ROW_PITCH;
  const rules: Array<[number, number, number, number]> = [...lines];
  if (ruled) {
    for (let r = 0; r <= rows.length; r++) rules.push([60, TOP - 6 + r * ROW_PITCH, width - 30, TOP - 6 + r * ROW_PITCH]);
    for (const x of [60, ...COLUMN_RIGHTS.map((right) => right + 12)]) rules.push([x, TOP - 6, x, TOP - 6 + rows.length * ROW_PITCH]);
  }
  return { image: await pageImage(renderPage({ width, height, blocks, rules })), figures };
}

/** The dashes found, each as its text and the column it stands under. */
function dashesOf(lines: readonly ReadLine[], before: readonly ReadLine[]): Array<[string, number, number]> {
  return lines
    .filter((line) => !before.includes(line))
    .map((line): [string, number, number] => {
      const middle = (line.box[0][0] + line.box[1][0]) / 2;
      const row = Math.round((line.box[0][1] + line.box[2][1]) / 2 - TOP - SIZE / 2) / ROW_PITCH;
      return [line.text, Math.round(row), COLUMN_RIGHTS.findIndex((right) => middle > right - 50 && middle <= right + 4)];
    })
    .sort((a, b) => a[1] - b[1] || a[2] - b[2]);
}

describe('tableDashes', () => {
  it('finds the hyphens, en and em dashes of empty cells under columns of figures, which the detector misses', async () => {
    const { image, figures } = await table([
      ['1,204', '38.5', '-', '7'],
      ['966', '–', '12.0', '—'],
      ['-', '40.1', '9.5', '12'],
      ['72', '—', '–', '-'],
    ]);
    const dashes = dashesOf(tableDashes(image, figures), figures);
    expect(dashes).toEqual([
      ['-', 0, 2],
      ['–', 1, 1],
      ['—', 1, 3],
      ['-', 2, 0],
      ['—', 3, 1],
      ['–', 3, 2],
      ['-', 3, 3],
    ]);
    // Measured, not given: how solidly each bar fills its box.
    for (const line of tableDashes(image, figures).filter((l) => !figures.includes(l))) expect(line.confidence).toBeGreaterThan(0.6);
  });

  it('finds a column of dashes with no figure in it, where three rows of figures or more have one there', async () => {
    const { image, figures } = await table([
      ['1,204', '-', '38.5', '7'],
      ['966', '—', '12.0', '5'],
      ['318', '-', '9.5', '12'],
      ['72', '-', '40.1', '3'],
    ]);
    expect(dashesOf(tableDashes(image, figures), figures)).toEqual([
      ['-', 0, 1],
      ['—', 1, 1],
      ['-', 2, 1],
      ['-', 3, 1],
    ]);
    // Two are no column: a figure column's neighbour may hold a stray mark.
    const two = await table([['1,204', '-', '38.5'], ['966', '-', '12.0'], ['318', '4', '9.5']]);
    expect(dashesOf(tableDashes(two.image, two.figures), two.figures)).toEqual([]);
  });

  it('finds them in a ruled grid, whose rules are no dash, and takes them over a dash read as `=` or `二`', async () => {
    const { image, figures } = await table(
      [
        ['1,204', '38.5', '—', '7'],
        ['966', '-', '12.0', '—'],
        ['318', '40.1', '9.5', '12'],
      ],
      { ruled: true },
    );
    const misread = [
      { ...cellLine('——', 420, TOP), text: '二', confidence: 0.8 },
      { ...cellLine('-', 320 - 14, TOP + ROW_PITCH), text: '=', confidence: 0.6 },
    ];
    const lines = tableDashes(image, [...figures, ...misread]);
    expect(lines.filter((line) => misread.includes(line))).toEqual([]);
    expect(dashesOf(lines, [...figures, ...misread])).toEqual([
      ['—', 0, 2],
      ['-', 1, 1],
      ['—', 1, 3],
    ]);
  });

  it('leaves a cell with an equals sign, a full stop, an underscore, two bars (`二`) or a letter in it, a drawing’s centre line, and a dash under no column of figures', async () => {
    const { image, figures } = await table([
      ['1,204', '38.5', '=', '7'],
      ['966', '.', '12.0', '_'],
      ['318', '40.1', '9.5', '12'],
      ['72', 'x', '二', '5'],
    ]);
    const twoBars = { ...cellLine('二', 420 - 8, TOP + 3 * ROW_PITCH), confidence: 0.9 };
    const lines = tableDashes(image, [...figures, twoBars]);
    expect(dashesOf(lines, [...figures, twoBars])).toEqual([]);
    expect(lines).toContain(twoBars);

    // A drawing's centre lines through rows of sizes: long strokes with a short one between.
    const centre = (r: number): Array<[number, number, number, number]> => {
      const y = TOP + r * ROW_PITCH + 10;
      return [[240, y, 290, y], [298, y, 308, y], [316, y, 380, y]];
    };
    const drawing = await table([['1,204', '', '38.5'], ['966', '', '12.0'], ['318', '', '9.5']], { lines: [0, 1, 2].flatMap(centre) });
    expect(dashesOf(tableDashes(drawing.image, drawing.figures), drawing.figures)).toEqual([]);

    const alone = await table([['1,204', '-'], ['-', '-']]);
    expect(dashesOf(tableDashes(alone.image, alone.figures), alone.figures)).toEqual([]);
  });
});
