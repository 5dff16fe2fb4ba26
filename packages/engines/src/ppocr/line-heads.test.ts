import { describe, expect, it } from 'vitest';
import type { PageImage, Quad } from '@ocr/contracts';
import type { ReadLine } from './readings.ts';
import { readsMoreWhole, unreadBesideLines, withoutEchoes } from './line-heads.ts';

const rect = (left: number, top: number, right: number, bottom: number): Quad => [[left, top], [right, top], [right, bottom], [left, bottom]];
const line = (text: string, box: Quad, confidence = 0.98): ReadLine => ({ text, confidence, box, characters: text.replace(/\s/g, '').length });

/** White paper 300 × 150 px with black rectangles inked on it. */
function paper(...inked: Quad[]): PageImage {
  const width = 300, height = 150;
  const data = new Uint8Array(width * height * 3).fill(255);
  for (const [[left, top], , [right, bottom]] of inked) {
    for (let y = top; y < bottom; y++) data.fill(0, (y * width + left) * 3, (y * width + right) * 3);
  }
  return { width, height, channels: 3, data };
}
const blank = paper();

describe('unreadBesideLines', () => {
  // A scanned `二、填空题`: the line's box, and `二` and `、` boxed apart and read as nothing.
  const text = line('填空题（每空2分）', rect(66, 59, 259, 93));
  const two = rect(30, 62, 62, 86), comma = rect(59, 67, 73, 80);

  it('grows a line’s box over the unread boxes just before it on its row, with some paper beyond', () => {
    const [head, ...rest] = unreadBesideLines(blank, [text.box, two, comma], [text]);
    expect(rest).toEqual([]);
    expect(head!.line).toBe(text);
    expect(head!.box).toEqual(rect(30 - 0.5 * 34, 59, 259, 93));
  });

  it('leaves boxes a line reads, boxes off its row or too far, too tall, or reaching into another line', () => {
    expect(unreadBesideLines(blank, [text.box], [text])).toEqual([]);
    expect(unreadBesideLines(blank, [rect(30, 100, 62, 124)], [text])).toEqual([]);
    expect(unreadBesideLines(blank, [rect(0, 62, 20, 86)], [text])).toEqual([]);
    expect(unreadBesideLines(blank, [rect(30, 20, 62, 130)], [text])).toEqual([]);
    // `二、` read as a line of its own: the glyphs between it and the text belong to neither alone.
    const number = line('二、', rect(22, 63, 56, 84));
    expect(unreadBesideLines(blank, [rect(48, 64, 71, 79)], [number, text])).toEqual([]);
  });

  it('grows a line of Chinese over print in no box just before it, in the middle of its row, and the number read apart before that', () => {
    // A scanned `一、 计算题`: the stroke had no box.
    const heading = line('计算题。（共38分）', rect(53, 19, 267, 52));
    const [head] = unreadBesideLines(paper(rect(28, 34, 47, 37), rect(52, 40, 56, 44)), [heading.box], [heading]);
    expect(head!.box).toEqual(rect(28 - 0.5 * 33, 19, 267, 52));
    // `三` read as a line, its `、` in no box.
    const three = line('三', rect(30, 60, 60, 90)), text = line('技术要求', rect(90, 58, 210, 92));
    const [grown] = unreadBesideLines(paper(rect(68, 80, 74, 86)), [three.box, text.box], [three, text]);
    expect(grown!.box).toEqual(rect(30 - 0.5 * 34, 58, 210, 92));
    // Not before a line of Latin print, nor for ink above or below the row's middle, or another box's.
    expect(unreadBesideLines(paper(rect(28, 34, 47, 37)), [], [line('Total 38', rect(53, 19, 267, 52))])).toEqual([]);
    expect(unreadBesideLines(paper(rect(28, 20, 47, 24)), [], [heading])).toEqual([]);
    // A form's rule between a label's cell and this one, and a label read as a line before it.
    expect(unreadBesideLines(paper(rect(40, 10, 42, 60)), [], [heading])).toEqual([]);
    const label = line('单位', rect(0, 60, 50, 90)), value = line('现聘用单位', rect(70, 58, 250, 92));
    expect(unreadBesideLines(paper(rect(58, 40, 60, 110), rect(66, 74, 70, 76)), [label.box, value.box], [label, value])[0]?.box).toEqual(rect(66 - 0.5 * 34, 58, 250, 92));
    expect(unreadBesideLines(paper(rect(28, 34, 47, 37)), [rect(20, 30, 50, 40)], [heading, line('x', rect(20, 30, 50, 40))])).toEqual([]);
  });

  it('grows no line after its end, nor a line of Latin print, nor into another line', () => {
    expect(unreadBesideLines(blank, [rect(262, 62, 280, 86)], [text])).toEqual([]);
    expect(unreadBesideLines(blank, [two], [line('Fill in (2 points)', rect(66, 59, 259, 93))])).toEqual([]);
    // A gutter's speck before a column's line: the grown box would reach into the other column's.
    const other = line('pages can be used', rect(0, 58, 120, 92));
    expect(unreadBesideLines(blank, [rect(122, 62, 130, 86)], [other, line('页面可以用', rect(150, 59, 290, 93))])).toEqual([]);
    // A date's `年 9` is short, but no heading's number: `月 22` grown into it read `9月 22` after it.
    const year = line('年 9', rect(60, 58, 140, 92));
    expect(unreadBesideLines(blank, [rect(142, 62, 150, 86)], [year, line('月 22', rect(160, 59, 250, 93))])).toEqual([]);
  });
});

describe('readsMoreWhole', () => {
  const own = line('计算题。（共38分）', rect(53, 19, 267, 52));
  it('takes a whole reading that reads the line’s text and characters more before it', () => {
    expect(readsMoreWhole(own, line('一、计算题。（共38分）', own.box, 0.956))).toBe(true);
  });
  it('refuses one that adds specks only or after the line, reads the line otherwise or much less surely', () => {
    expect(readsMoreWhole(own, line('计算题。（共38分）2', own.box))).toBe(false);
    expect(readsMoreWhole(line('招商银行', own.box), line('M 招商银行', own.box))).toBe(false);
    expect(readsMoreWhole(own, line('、计算题。（共38分）', own.box))).toBe(false);
    expect(readsMoreWhole(own, line('一、计算题。（共88分）', own.box))).toBe(false);
    expect(readsMoreWhole(own, line('一、计算题。（共38分）', own.box, 0.9))).toBe(false);
  });
});

describe('withoutEchoes', () => {
  // Milk-V's CV1800B brief: `– 集成Key scan`, the dash boxed apart, its box 47% over the line's.
  const item = line('集成Key scan、Wiegand', rect(900, 1349, 1308, 1388));
  const dash = line('集', rect(882, 1358, 916, 1382));

  it('leaves out a glyph read again in a box lying over a line’s start, as the line reads it there', () => {
    expect(withoutEchoes([dash, item])).toEqual([item]);
    // At the line's end, reading its last glyph, too.
    const tail = line('d', rect(1296, 1358, 1330, 1382));
    expect(withoutEchoes([item, tail])).toEqual([item]);
  });

  it('keeps a glyph that reads otherwise, that barely touches the line, or that is a line of its own', () => {
    const mark = line('·', rect(882, 1358, 916, 1382));
    expect(withoutEchoes([mark, item])).toEqual([mark, item]);
    const beside = line('集', rect(870, 1358, 904, 1382));
    expect(withoutEchoes([beside, item])).toEqual([beside, item]);
    const word = line('集成K', rect(882, 1358, 960, 1382));
    expect(withoutEchoes([word, item])).toEqual([word, item]);
  });
});
