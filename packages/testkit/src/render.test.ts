import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { renderPage } from './render.ts';
import { characterErrorRate } from './cer.ts';

describe('renderPage', () => {
  it('draws dark glyph pixels where the text is and leaves the rest white', async () => {
    const png = renderPage({ width: 400, height: 100, blocks: [{ x: 10, y: 10, text: 'Hello 图纸', fontSize: 40 }] });
    const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
    let dark = 0;
    for (const v of data) if (v < 128) dark++;
    expect(info.width).toBe(400);
    expect(dark).toBeGreaterThan(300);
    expect(dark).toBeLessThan(data.length / 4);
  });
});

describe('characterErrorRate', () => {
  it('counts edits over code points, ignoring whitespace layout', () => {
    expect(characterErrorRate('技术要求', '技术要求')).toBe(0);
    expect(characterErrorRate('abcd', 'abxd')).toBe(0.25);
    expect(characterErrorRate('a  b\nc', 'a b c')).toBe(0);
  });
});
