import { describe, expect, it } from 'vitest';
import { fillRect, rectQuad, whitePage } from '@ocr/testkit';
import { quadBounds } from './geometry.ts';
import { cutAtRules } from './ruled-cells.ts';

const BOX = rectQuad(300, 120, 700, 160);

describe('cutAtRules', () => {
  it('cuts a box where a table rule runs through it and on past it, on white and on tinted paper', () => {
    for (const [paper, rule] of [
      [[255, 255, 255], [0, 0, 0]],
      [[190, 165, 165], [90, 90, 90]],
    ] as const) {
      const page = whitePage(1000, 300);
      fillRect(page, 0, 0, 1000, 300, paper);
      fillRect(page, 500, 40, 502, 260, rule);
      const pieces = cutAtRules(page, [BOX]).map(quadBounds);
      expect(pieces).toHaveLength(2);
      expect(pieces[0]).toMatchObject({ left: 300, right: 499 });
      expect(pieces[1]).toMatchObject({ left: 502, right: 700 });
    }
  });

  it('leaves a box on tinted paper with no rule whole', () => {
    const page = whitePage(1000, 300);
    fillRect(page, 0, 0, 1000, 300, [190, 165, 165]);
    expect(cutAtRules(page, [BOX])).toEqual([BOX]);
  });

  it('leaves a stroke that spans the box but stops at its edges (a Han character’s), and a cell’s own border at its end', () => {
    const page = whitePage(1000, 300);
    fillRect(page, 500, 120, 503, 160, [0, 0, 0]);
    fillRect(page, 310, 40, 312, 260, [0, 0, 0]);
    expect(cutAtRules(page, [BOX])).toEqual([BOX]);
  });

  it('leaves a short box whole (a footnote’s mark)', () => {
    const page = whitePage(1000, 300);
    fillRect(page, 509, 40, 511, 260, [0, 0, 0]);
    const mark = rectQuad(500, 100, 519, 112);
    expect(cutAtRules(page, [mark])).toEqual([mark]);
  });

  it('leaves the gap between light letters on a dark band, and a bar wider than a rule', () => {
    const band = whitePage(1000, 300);
    fillRect(band, 0, 60, 1000, 220, [80, 80, 80]);
    fillRect(band, 320, 125, 496, 155, [255, 255, 255]);
    fillRect(band, 501, 125, 690, 155, [255, 255, 255]);
    expect(cutAtRules(band, [BOX])).toEqual([BOX]);
    const bar = whitePage(1000, 300);
    fillRect(bar, 480, 40, 520, 260, [0, 0, 0]);
    expect(cutAtRules(bar, [BOX])).toEqual([BOX]);
  });
});
