import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pageImage, rectQuad, renderPage, tightTablePage } from '@ocr/testkit';
import { quadBounds } from './geometry.ts';
import { splitAtRules } from './ruled-cells.ts';

const CELLS = [
  ['Processing', 'total chunks', 'mean chunks (std)', 'tables'],
  ['Base 128', '64,058', '800.73 (484.11)', 'N/A'],
  ['Chipper', '20,843', '260.57 (145.80)', '96.20'],
];

const table = tightTablePage(CELLS, 28, '"DejaVu Serif"');

/** A box across row `r` from `left` to `right` as the detector draws it: the row's height less 4 px a side. */
function rowBox(r: number, left: number, right: number) {
  return rectQuad(left, table.rows[r]! + 4, right, table.rows[r + 1]! - 4);
}

describe('splitAtRules', () => {
  it('cuts a box across a row whose text stands against the rules into a box per cell, between its rules', async () => {
    const page = await pageImage(renderPage(table.spec));
    for (const r of [0, 1, 2]) {
      const pieces = splitAtRules(page, rowBox(r, table.rules[0]! + 3, table.rules.at(-1)! - 3)).map(quadBounds);
      expect(pieces).toHaveLength(4);
      pieces.forEach((piece, c) => {
        expect(piece.left).toBeGreaterThan(table.rules[c]!);
        expect(piece.right).toBeLessThan(table.rules[c + 1]!);
        // Only the rule and its edge are left out: the cell's ink, 1 px from it, stays whole.
        expect(piece.left).toBeLessThanOrEqual(table.rules[c]! + 3);
        expect(piece.right).toBeGreaterThanOrEqual(table.rules[c + 1]! - 3);
        expect([piece.top, piece.bottom]).toEqual([table.rows[r]! + 4, table.rows[r + 1]! - 4]);
      });
    }
  });

  it('leaves out the table’s outer rules and the paper beyond them, where the box takes them in', async () => {
    const page = await pageImage(renderPage(table.spec));
    const pieces = splitAtRules(page, rowBox(1, 60, table.rules.at(-1)! + 40)).map(quadBounds);
    expect(pieces).toHaveLength(4);
    expect(pieces[0]!.left).toBeGreaterThan(table.rules[0]!);
    expect(pieces[3]!.right).toBeLessThan(table.rules[4]!);
  });

  it('leaves a line of text with bars in it whole: they end with the line', async () => {
    const page = await pageImage(renderPage({ width: 900, height: 200, blocks: [{ x: 40, y: 60, text: 'Size | Pitch | Torque (Nm) | Material', fontSize: 28 }] }));
    const box = rectQuad(34, 56, 620, 100);
    expect(splitAtRules(page, box)).toEqual([box]);
  });

  it('leaves a box whose frame’s sides are no taller than it whole (a label in a box)', async () => {
    const page = await pageImage(
      renderPage({
        width: 600,
        height: 200,
        blocks: [{ x: 50, y: 70, text: 'SECTION A-A', fontSize: 28 }],
        rules: [[40, 64, 300, 64], [40, 110, 300, 110], [40, 64, 40, 110], [300, 64, 300, 110]],
      }),
    );
    const box = rectQuad(36, 62, 304, 112);
    expect(splitAtRules(page, box)).toEqual([box]);
  });

  it('leaves a line light on a dark ground whole, where the ground between its glyphs runs on past it', async () => {
    const png = renderPage({ width: 900, height: 200, blocks: [{ x: 40, y: 60, text: 'INFO: Started server process [28174]', fontSize: 20, fontFamily: '"DejaVu Sans Mono"' }] });
    const page = await pageImage(await sharp(png).negate({ alpha: false }).png().toBuffer());
    const box = rectQuad(34, 56, 500, 90);
    expect(splitAtRules(page, box)).toEqual([box]);
  });

  it('leaves a row of one character a cell whole (an account book’s `千百十万`): cut apart, they read as noise', async () => {
    const grid = tightTablePage([['千', '百', '十', '万', '千', '百'], ['1', '2', '3', '4', '5', '6'], ['7', '8', '9', '0', '1', '2']], 20, '"Noto Sans CJK SC"');
    const page = await pageImage(renderPage(grid.spec));
    const box = rectQuad(grid.rules[0]! + 2, grid.rows[0]! + 3, grid.rules.at(-1)! - 2, grid.rows[1]! - 3);
    expect(splitAtRules(page, box)).toEqual([box]);
  });

  it('leaves a box whole that a coloured frame drawn over the page crosses', async () => {
    const png = renderPage({ width: 900, height: 300, blocks: [{ x: 40, y: 130, text: 'Registration number 91440300MA5F', fontSize: 28 }] });
    const canvas = await sharp(png)
      .composite([{ input: Buffer.from('<svg width="900" height="300"><rect x="260" y="40" width="400" height="160" fill="none" stroke="#d42a2a" stroke-width="3"/></svg>'), top: 0, left: 0 }])
      .png()
      .toBuffer();
    const box = rectQuad(34, 124, 560, 170);
    expect(splitAtRules(await pageImage(canvas), box)).toEqual([box]);
  });
});
