import { describe, expect, it } from 'vitest';
import type { PageImage } from '@ocr/contracts';
import { pageImage, rectQuad, renderPage } from '@ocr/testkit';
import { joinParts, splitLongBox } from './long-lines.ts';
import { stripWidth } from './strip-sampler.ts';

const STRIP_HEIGHT = 48;
const MAX_WIDTH = 4096;

/** Whether the page holds ink on the vertical line at x between top and bottom. */
function inkAt(page: PageImage, x: number, top: number, bottom: number): boolean {
  for (let y = top; y < bottom; y++) {
    const p = (y * page.width + Math.round(x)) * 3;
    if (Math.min(page.data[p]!, page.data[p + 1]!, page.data[p + 2]!) < 200) return true;
  }
  return false;
}

describe('splitLongBox', () => {
  const words = Array.from({ length: 40 }, (_, i) => `bolt M${8 + (i % 12)}x${30 + i} grade 8.8`).join(' ');

  it('leaves a box that fits the longest strip whole', async () => {
    const page = await pageImage(renderPage({ width: 1200, height: 80, blocks: [{ x: 20, y: 20, text: 'Weight: 3.6 kg', fontSize: 32 }] }));
    expect(splitLongBox(page, rectQuad(10, 10, 1190, 70), STRIP_HEIGHT, MAX_WIDTH)).toEqual([{ quad: rectQuad(10, 10, 1190, 70), spaceBefore: false }]);
  });

  it('cuts a longer box into parts that fit, in the gaps between words, marking them as spaces', async () => {
    const page = await pageImage(renderPage({ width: 16000, height: 80, blocks: [{ x: 20, y: 20, text: words, fontSize: 32 }] }));
    const quad = rectQuad(10, 14, 15990, 62);
    const parts = splitLongBox(page, quad, STRIP_HEIGHT, MAX_WIDTH);
    expect(parts.length).toBeGreaterThanOrEqual(Math.ceil(stripWidth(quad, STRIP_HEIGHT, Infinity) / MAX_WIDTH));
    for (const part of parts) expect(stripWidth(part.quad, STRIP_HEIGHT, Infinity)).toBeLessThanOrEqual(MAX_WIDTH);
    // The parts cover the box end to end, each starting where the one before ends.
    expect(parts[0]!.quad[0]).toEqual(quad[0]);
    expect(parts.at(-1)!.quad[1]).toEqual(quad[1]);
    parts.slice(1).forEach((part, i) => expect(part.quad[0]).toEqual(parts[i]!.quad[1]));
    for (const part of parts.slice(1)) {
      expect(inkAt(page, part.quad[0][0], 14, 62)).toBe(false);
      expect(part.spaceBefore).toBe(true);
    }
    expect(parts[0]!.spaceBefore).toBe(false);
  });

  it('cuts Chinese printed solid between characters', async () => {
    const text = '未注线性尺寸公差按国家标准执行零件加工后应去除毛刺锐边倒钝'.repeat(8);
    const page = await pageImage(renderPage({ width: 15000, height: 80, blocks: [{ x: 20, y: 20, text, fontSize: 32 }] }));
    const parts = splitLongBox(page, rectQuad(10, 14, 14990, 62), STRIP_HEIGHT, MAX_WIDTH);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts.slice(1)) {
      expect(inkAt(page, part.quad[0][0], 14, 62)).toBe(false);
    }
  });
});

describe('joinParts', () => {
  it('joins the parts’ readings with a space where the cut was one, none beside Chinese or its punctuation, weighting confidence by characters', () => {
    const read = (text: string, confidence: number) => ({ text, confidence, characters: text.replace(/\s/g, '').length });
    expect(
      joinParts([
        { spaceBefore: false, read: read('Item 1: hex', 0.9) },
        { spaceBefore: true, read: read('bolt M8x30', 0.6) },
        { spaceBefore: true, read: read('', 0) },
        { spaceBefore: false, read: read('grade', 1) },
      ]),
    ).toEqual({ text: 'Item 1: hex bolt M8x30grade', confidence: (9 * 0.9 + 9 * 0.6 + 5) / 23, characters: 23 });
    expect(joinParts([{ spaceBefore: false, read: read('未注线性', 1) }, { spaceBefore: true, read: read('尺寸公差', 1) }]).text).toBe('未注线性尺寸公差');
    expect(joinParts([{ spaceBefore: false, read: read('表面不得有裂纹；', 1) }, { spaceBefore: true, read: read('装配前', 1) }]).text).toBe('表面不得有裂纹；装配前');
  });

  it('spaces the cells either side of a table’s rule, Chinese ones too', () => {
    const read = (text: string) => ({ text, confidence: 1, characters: text.length });
    const cells = ['型号', '额定电压', '7.5kW'].map((text, i) => ({ spaceBefore: false, ruleBefore: i > 0, read: read(text) }));
    expect(joinParts(cells).text).toBe('型号 额定电压 7.5kW');
  });
});
