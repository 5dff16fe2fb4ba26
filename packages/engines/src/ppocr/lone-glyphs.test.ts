import { describe, expect, it } from 'vitest';
import type { Quad } from '@ocr/contracts';
import { inkExtent, pageImage, rectQuad, renderPage, type TextBlock } from '@ocr/testkit';
import { quadBounds } from './geometry.ts';
import { loneGlyphBoxes } from './lone-glyphs.ts';
import type { ReadLine } from './readings.ts';

const SIZE = 17;
const FACE = '"DejaVu Sans"';

/** Where a glyph run drawn at (x, y) has its middle. */
function middle(text: string, x: number, y: number): [number, number] {
  const ink = inkExtent(text, SIZE, FACE);
  return [x + (ink.left + ink.right) / 2, y + SIZE * 0.6];
}

const holds = (box: Quad, [x, y]: [number, number]) => {
  const b = quadBounds(box);
  return b.left <= x && x <= b.right && b.top <= y && y <= b.bottom;
};

/**
 * A scanned pin table's part: ten signal names read (boxed as the detector boxes them), cell rules,
 * and what stands alone in the cells: `placed` glyph runs and `rules` besides the cells'.
 */
async function pinTable(placed: ReadonlyArray<[string, number, number]>, rules: Array<[number, number, number, number]> = []) {
  const blocks: TextBlock[] = [];
  const lines: ReadLine[] = [];
  for (let row = 0; row < 10; row++) {
    const text = `uart_sig_0_sel=${row} UART0_TXD`;
    const [x, y] = [300, 20 + row * 30];
    const ink = inkExtent(text, SIZE, FACE);
    blocks.push({ x, y, text, fontSize: SIZE, fontFamily: FACE });
    lines.push({ text, confidence: 0.95, box: rectQuad(x + ink.left - 4, y - 3, x + ink.right + 4, y + SIZE * 1.25), characters: text.length });
  }
  for (const [text, x, y] of placed) blocks.push({ x, y, text, fontSize: SIZE, fontFamily: FACE });
  const cells: Array<[number, number, number, number]> = [[120, 0, 120, 330], [220, 0, 220, 330], [0, 170, 220, 170]];
  const image = await pageImage(renderPage({ width: 800, height: 330, blocks, rules: [...cells, ...rules] }));
  return { image, lines };
}

describe('loneGlyphBoxes', () => {
  it('boxes numbers standing alone in a table’s cells, one box a number, at least as wide as high', async () => {
    const { image, lines } = await pinTable([['7', 60, 60], ['4', 160, 100], ['22', 155, 230]]);
    const boxes = loneGlyphBoxes(image, lines);
    expect(boxes).toHaveLength(3);
    for (const [text, x, y] of [['7', 60, 60], ['4', 160, 100], ['22', 155, 230]] as const) {
      expect(boxes.filter((box) => holds(box, middle(text, x, y)))).toHaveLength(1);
    }
    for (const box of boxes) {
      const b = quadBounds(box);
      expect(b.right - b.left).toBeGreaterThanOrEqual(b.bottom - b.top);
    }
  });

  it('leaves a ring, a tick, a glyph beside a line read, glyphs beside a rule, and specks', async () => {
    const { image, lines } = await pinTable(
      [['○', 60, 60], ['5', 300 + inkExtent('uart_sig_0_sel=9 UART0_TXD', SIZE, FACE).right + 6, 290], ['8', 124, 230]],
      [[170, 100, 170, 112], [60, 250, 61, 251]],
    );
    expect(loneGlyphBoxes(image, lines)).toEqual([]);
  });

  it('boxes a number in a tight frame, a schematic’s pin box, inside the frame; not one sharing its frame with another mark', async () => {
    const ink = inkExtent('12', SIZE, FACE);
    const [x, y] = [60, 60];
    // The digits' ink runs from about y + 1 to y + 13 at 17 px: the frame stands 2–3 px off all round.
    const [l, r, t, b] = [x + ink.left - 3, x + ink.right + 3, y - 2, y + 16];
    const frame: Array<[number, number, number, number]> = [[l, t, r, t], [l, b, r, b], [l, t, l, b], [r, t, r, b]];
    const framed = await pinTable([['12', x, y]], frame);
    const boxes = loneGlyphBoxes(framed.image, framed.lines);
    expect(boxes).toHaveLength(1);
    expect(holds(boxes[0]!, middle('12', x, y))).toBe(true);
    const inside = quadBounds(boxes[0]!);
    expect(inside.left).toBeGreaterThan(l);
    expect(inside.right).toBeLessThanOrEqual(r);
    expect(inside.top).toBeGreaterThan(t);
    expect(inside.bottom).toBeLessThanOrEqual(b);
    // A tick between the digits and a wider frame: no number standing alone there.
    const wider: Array<[number, number, number, number]> = [[l, t, r + 8, t], [l, b, r + 8, b], [l, t, l, b], [r + 8, t, r + 8, b]];
    const marked = await pinTable([['12', x, y]], [...wider, [r + 3, t + 6, r + 3, t + 12]]);
    expect(loneGlyphBoxes(marked.image, marked.lines)).toEqual([]);
    const open = await pinTable([['12', x, y]], [...wider]);
    expect(loneGlyphBoxes(open.image, open.lines)).toHaveLength(1);
  });

  it('leaves a pale mark on a tinted patch: a header’s dotted tint, no print', async () => {
    const { image, lines } = await pinTable([['7', 60, 60], ['4', 160, 100]]);
    expect(loneGlyphBoxes(image, lines)).toHaveLength(2);
    // The 7's cell tinted, its ink 175 and its ground 230: under the ink level, 55 below the ground.
    const data = Uint8Array.from(image.data);
    for (let y = 40; y < 100; y++) {
      for (let x = 40; x < 110; x++) {
        for (let c = 0; c < 3; c++) data[(y * image.width + x) * 3 + c] = 175 + Math.round((data[(y * image.width + x) * 3 + c]! / 255) * 55);
      }
    }
    const boxes = loneGlyphBoxes({ ...image, data }, lines);
    expect(boxes).toHaveLength(1);
    expect(holds(boxes[0]!, middle('4', 160, 100))).toBe(true);
  });

  it('looks for nothing on a page with too few lines read to measure its print by, or mostly ink', async () => {
    const { image, lines } = await pinTable([['7', 60, 60]]);
    expect(loneGlyphBoxes(image, lines.slice(0, 4))).toEqual([]);
    // The same table with two fifths of the page under a dark band: a negative's share of ink.
    const banded = await pinTable([['7', 60, 60]], Array.from({ length: 130 }, (_, k): [number, number, number, number] => [0, 200 + k, 800, 200 + k]));
    expect(loneGlyphBoxes(banded.image, banded.lines)).toEqual([]);
    expect(loneGlyphBoxes(image, lines)).toHaveLength(1);
  });
});
