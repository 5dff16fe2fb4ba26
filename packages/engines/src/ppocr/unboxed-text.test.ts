import { describe, expect, it } from 'vitest';
import type { PageTextChar, Quad } from '@ocr/contracts';
import { quadBounds } from './geometry.ts';
import { unboxedText, withUnboxedRuns } from './unboxed-text.ts';

/** `text` set in `size` px type from (x, y) along +x, its glyphs' middles 0.55 of the size apart. */
function set(text: string, x: number, y: number, size = 20): PageTextChar[] {
  return [...text].map((char, i) => ({ char, x: x + i * 0.55 * size, y, size }));
}

const PAGE = { width: 1000, height: 800 };

describe('unboxedText', () => {
  it('boxes each run of the text no line lies on: a calendar row’s days, one box a day', () => {
    const row = [...set('01', 100, 300), ...set('02', 200, 300), ...set('03', 300, 300)];
    const boxes = unboxedText(row, [], PAGE);
    expect(boxes).toHaveLength(3);
    const first = quadBounds(boxes[0]!);
    // The glyphs' middles 11 px apart, the box 0.6 of the size past them and either side.
    expect(first).toEqual({ left: 88, top: 288, right: 123, bottom: 312 });
  });

  it('runs words on across their spaces, and stops at a gap wider than a word space', () => {
    const text = [...set('Room 2.48', 100, 300), ...set('FWB', 300, 300)];
    const boxes = unboxedText(text, [], PAGE).map(quadBounds);
    expect(boxes).toHaveLength(2);
    expect(boxes[0]!.right).toBeCloseTo(100 + 8 * 11 + 12);
  });

  it('leaves out the text lines read already lie on, and a run mostly under a line’s box', () => {
    const read: Quad = [[90, 285], [400, 285], [400, 315], [90, 315]];
    const text = [...set('Read already', 100, 300), ...set('unread', 100, 400)];
    const boxes = unboxedText(text, [{ box: read }], PAGE);
    expect(boxes.map((box) => quadBounds(box).top)).toEqual([388]);
  });

  it('follows a run up the page, its box’s top edge along it', () => {
    const up = [...'UP'].map((char, i) => ({ char, x: 500, y: 400 - i * 11, size: 20 }));
    const [box] = unboxedText(up, [], PAGE);
    // Read from its start: the top edge runs from the bottom of the page upwards, on its left.
    expect(box![0][1]).toBeGreaterThan(box![1][1]);
    expect(box![0][0]).toBeLessThan(500);
  });

  it('runs ideographs on, a whole size apart and more (justified), as one run', () => {
    const han = [...'电源转换'].map((char, i) => ({ char, x: 100 + i * 22, y: 300, size: 20 }));
    const boxes = unboxedText(han, [], PAGE).map(quadBounds);
    expect(boxes).toEqual([{ left: 88, top: 288, right: 178, bottom: 312 }]);
  });

  it('starts no run down a column of one-character cells a line apart, nor across sizes', () => {
    const column = [...set('1', 100, 300), ...set('2', 100, 330), ...set('3', 100, 360)];
    expect(unboxedText(column, [], PAGE)).toHaveLength(3);
    const sizes = [...set('A', 100, 300, 20), ...set('B', 111, 300, 40)];
    expect(unboxedText(sizes, [], PAGE)).toHaveLength(2);
  });

  it('starts no run down a column of page numbers set tighter than their size, where a number set sideways runs on', () => {
    // Goertek's contents page: its sub-entries' page numbers `7`, 0.9 of their size apart, read `77 7 7` as one run.
    const sevens = [0, 1, 2, 3].map((k) => ({ char: '7', x: 700, y: 300 + k * 18, size: 20 }));
    expect(unboxedText(sevens, [], PAGE)).toHaveLength(4);
    const sideways = [...'2024'].map((char, k) => ({ char, x: 700, y: 400 - k * 11, size: 20 }));
    expect(unboxedText(sideways, [], PAGE)).toHaveLength(1);
  });

  it('spans the marks inside a run but makes none of marks alone (a contents page’s dot leaders)', () => {
    expect(unboxedText(set('. . . . . .', 100, 300), [], PAGE)).toEqual([]);
    const [room] = unboxedText(set('2.48', 100, 300), [], PAGE).map(quadBounds);
    expect(room).toMatchObject({ left: 88, right: 100 + 33 + 12 });
  });

  it('leaves out text off the page and characters without a font size', () => {
    expect(unboxedText(set('off', 990, 300), [], PAGE)).toEqual([]);
    expect(unboxedText([{ char: 'x', x: 100, y: 100 }], [], PAGE)).toEqual([]);
  });
});

describe('withUnboxedRuns', () => {
  const read = (text: string, [left, top, right, bottom]: [number, number, number, number]) => ({
    text,
    confidence: 0.9,
    box: [[left, top], [right, top], [right, bottom], [left, bottom]] as Quad,
    characters: text.replace(/\s/g, '').length,
  });

  it('leaves out a line a run reads again whole: a glyph of it the detector boxed alone', () => {
    // GigaDevice's GD32L233C-START guide: the contents' `16` boxed round its `6` alone.
    const six = read('6', [1467, 389, 1478, 400]);
    const sixteen = read('16', [1441, 375, 1476, 410]);
    expect(withUnboxedRuns([six], [sixteen])).toEqual([sixteen]);
    // A line of other text there, or one mostly outside the run's box, stays.
    expect(withUnboxedRuns([read('8', [1467, 389, 1478, 400])], [sixteen])).toHaveLength(2);
    expect(withUnboxedRuns([read('6', [1470, 389, 1500, 400])], [sixteen])).toHaveLength(2);
  });
});
