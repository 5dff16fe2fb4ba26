import { describe, expect, it } from 'vitest';
import type { PageImage, Quad } from '@ocr/contracts';
import { inkExtent, pageImage, rectQuad, renderPage } from '@ocr/testkit';
import { quadBounds } from './geometry.ts';
import { splitAtWideGaps } from './wide-gaps.ts';

const TOP = 20, BOTTOM = 70;
/** The detector's box height for 28 px text. */
const BOX = BOTTOM - TOP;

/** A page with `texts` set on one row at the given x, 28 px serif, as a scanned column's lines are. */
async function row(texts: ReadonlyArray<readonly [number, string]>): Promise<PageImage> {
  const blocks = texts.map(([x, text]) => ({ x, y: TOP + 10, text, fontSize: 28, fontFamily: '"DejaVu Serif"' }));
  return pageImage(renderPage({ width: 1600, height: 100, blocks }));
}

/** The leftmost and rightmost inked columns of a page. */
function inkSpan(page: PageImage): [number, number] {
  let left = page.width, right = -1;
  for (let i = 0; i < page.width * page.height; i++) {
    if (page.data[i * 3]! >= 128) continue;
    left = Math.min(left, i % page.width);
    right = Math.max(right, i % page.width);
  }
  return [left, right];
}

/**
 * `first` at x = 40, then each text its gap (in box heights) of paper after the ink before it;
 * the page, where each text's ink starts and ends, and a box around the whole row as the detector
 * would draw it across them.
 */
async function spaced(first: string, ...rest: Array<[number, string]>): Promise<{ page: PageImage; inks: Array<[number, number]>; box: Quad }> {
  const placed: Array<[number, string]> = [[40, first]];
  const inks: Array<[number, number]> = [inkSpan(await row(placed))];
  for (const [gap, text] of rest) {
    const [bearing, width] = inkSpan(await row([[0, text]]));
    const start = Math.round(inks.at(-1)![1] + 1 + gap * BOX);
    placed.push([start - bearing, text]);
    inks.push([start, start + width - bearing]);
  }
  return { page: await row(placed), inks, box: rectQuad(30, TOP, inks.at(-1)![1] + 10, BOTTOM) };
}

describe('splitAtWideGaps', () => {
  it('cuts a box drawn across a gutter into one box per column, around its own ink', async () => {
    // As the detector drew it on a two-column page: a paragraph's last line in each column.
    const { page, inks, box } = await spaced('tion. To overdub notes at specific points,', [1.4, 'music. See your dealer for a demonstration!']);
    const pieces = splitAtWideGaps(page, [box]).map(quadBounds);
    expect(pieces).toHaveLength(2);
    const [left, right] = pieces as [ReturnType<typeof quadBounds>, ReturnType<typeof quadBounds>];
    expect(left.left).toBeCloseTo(30, 5);
    expect(left.right).toBeGreaterThan(inks[0]![1]);
    expect(right.left).toBeLessThan(inks[1]![0]);
    // Paper between them: neither box reaches into the other's text.
    expect(left.right).toBeLessThan(right.left);
    expect(right.right).toBeCloseTo(quadBounds(box).right, 5);
    expect([right.top, right.bottom]).toEqual([TOP, BOTTOM]);
  });

  it('keeps a line whole across spaces up to a box height (a typewriter sets its words that far apart)', async () => {
    const { page, box } = await spaced('laurier, kruidnagel,', [1.1, 'kerrie, zout']);
    expect(splitAtWideGaps(page, [box])).toEqual([box]);
  });

  it('keeps whole a line whose every space is as wide (justified typewriter text)', async () => {
    const { page, box } = await spaced('the', [1.4, 'standard'], [1.4, 'population'], [1.4, '(McMillen'], [1.4, 'and'], [1.4, 'Sempos,']);
    expect(splitAtWideGaps(page, [box])).toEqual([box]);
  });

  it.each(['•', '12.'])('keeps %s with the text set far after it', async (mark) => {
    const { page, box } = await spaced(mark, [1.6, 'Each of the 100 sequences contains 32 tracks']);
    expect(splitAtWideGaps(page, [box])).toEqual([box]);
  });

  it('cuts a table row bridged over two gaps into its three cells', async () => {
    const { page, inks, box } = await spaced('Motor rating', [2, 'Continuous duty'], [3, 'S1 at 40 °C']);
    const pieces = splitAtWideGaps(page, [box]).map(quadBounds);
    expect(pieces).toHaveLength(3);
    pieces.forEach((piece, i) => {
      expect(piece.left).toBeLessThan(inks[i]![0]);
      expect(piece.right).toBeGreaterThan(inks[i]![1]);
    });
  });
});

describe('splitAtWideGaps at a narrow gutter', () => {
  const STEP = 40;
  const FONT = { fontSize: 24, fontFamily: '"DejaVu Serif"' };
  const inkWidth = (text: string) => {
    const ink = inkExtent(text, FONT.fontSize, FONT.fontFamily);
    return { width: ink.right - ink.left, bearing: ink.left };
  };
  /**
   * Rows of two texts set `gutter` px of paper apart, the left ones ending together as a justified
   * column's lines do, and the boxes the detector would draw across each row; where the gutter's paper starts.
   */
  async function twoColumns(rows: ReadonlyArray<readonly [string, string]>, gutter: number): Promise<{ page: PageImage; boxes: Quad[]; gutterAt: number }> {
    const gutterAt = 40 + Math.max(...rows.map(([left]) => inkWidth(left).width));
    const blocks = rows.flatMap(([left, right], i) => {
      const l = inkWidth(left), r = inkWidth(right);
      return [
        { x: Math.round(gutterAt - l.width - l.bearing), y: 20 + i * STEP, text: left, ...FONT },
        { x: Math.round(gutterAt + gutter - r.bearing), y: 20 + i * STEP, text: right, ...FONT },
      ];
    });
    const page = await pageImage(renderPage({ width: gutterAt + gutter + 500, height: 40 + rows.length * STEP, blocks }));
    return { page, boxes: rows.map((_, i) => rectQuad(30, 14 + i * STEP, gutterAt + gutter + 460, 50 + i * STEP)), gutterAt };
  }

  const ROWS: ReadonlyArray<readonly [string, string]> = [
    ['the new laboratory for testing', 'each pump is run for a hundred'],
    ['pumps opened its doors on the', 'hours at its rated flow before it'],
    ['campus last week with twelve', 'is shipped, and its head, power'],
    ['engineers and four technicians', 'and vibration are measured every'],
    ['from the works in the north; it', 'ten minutes during the run. A'],
    ['holds a flow loop two hundred', 'pump that fails is opened and'],
    ['metres long and a motor bench', 'tested again from the very start'],
  ];

  it('cuts every box a row of two columns set 0.6 box heights apart runs across, at the gutter the rows leave blank', async () => {
    const gutter = 22;
    const { page, boxes, gutterAt } = await twoColumns(ROWS, gutter);
    const pieces = splitAtWideGaps(page, boxes).map(quadBounds);
    expect(pieces).toHaveLength(2 * ROWS.length);
    for (let i = 0; i < ROWS.length; i++) {
      const [left, right] = [pieces[2 * i]!, pieces[2 * i + 1]!];
      expect(left.right).toBeGreaterThanOrEqual(gutterAt);
      expect(left.right).toBeLessThanOrEqual(right.left);
      expect(right.left).toBeLessThanOrEqual(gutterAt + gutter);
    }
  });

  it('keeps whole rows with the same gap too few to make a gutter (a monospaced face’s spaces line up in three lines of four), and rows whose gaps do not line up', async () => {
    const few = await twoColumns(ROWS.slice(0, 4), 22);
    expect(splitAtWideGaps(few.page, few.boxes)).toEqual(few.boxes);
    // Every space two wide, as wide as the gutter: where they fall wanders from row to row.
    const blocks = ROWS.map(([left, right], i) => ({ x: 40, y: 20 + i * STEP, text: `${left} ${right}`.replaceAll(' ', '  '), ...FONT }));
    const page = await pageImage(renderPage({ width: 1100, height: 40 + ROWS.length * STEP, blocks }));
    const boxes = ROWS.map((_, i) => rectQuad(30, 14 + i * STEP, 1060, 50 + i * STEP));
    expect(splitAtWideGaps(page, boxes)).toEqual(boxes);
  });
});
