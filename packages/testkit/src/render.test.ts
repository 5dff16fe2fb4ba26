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

describe('upside-down blocks', () => {
  it('draw the text turned round in the same area', async () => {
    const spec = { width: 400, height: 120, blocks: [{ x: 10, y: 10, text: 'T', fontSize: 80 }] };
    /** Ink rows and the row with the most ink (the bar of the T). */
    const ink = async (png: Buffer) => {
      const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
      const counts = Array.from({ length: info.height }, (_, y) => data.subarray(y * info.width, (y + 1) * info.width).filter((v) => v < 128).length);
      const rows = counts.flatMap((count, y) => (count > 0 ? [y] : []));
      return { first: rows[0]!, last: rows.at(-1)!, bar: counts.indexOf(Math.max(...counts)) };
    };
    const upright = await ink(renderPage(spec));
    const flipped = await ink(renderPage({ ...spec, blocks: [{ ...spec.blocks[0]!, upsideDown: true }] }));
    expect(upright.bar - upright.first).toBeLessThan(12);
    expect(flipped.last - flipped.bar).toBeLessThan(12);
    expect(Math.abs(flipped.first - upright.first)).toBeLessThan(30);
  });
});
