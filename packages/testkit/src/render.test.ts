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

describe('subpixel smoothing', () => {
  it('gives black strokes warm and cool coloured edges and keeps the paper white', async () => {
    const spec = { width: 60, height: 40, blocks: [{ x: 10, y: 5, text: 'Il', fontSize: 24 }] };
    const { data, info } = await sharp(renderPage(spec, { subpixel: true })).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(info.width).toBe(60);
    let warm = 0, cool = 0, white = 0;
    for (let i = 0; i < data.length; i += 3) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (r - b > 60) warm++;
      if (b - r > 60) cool++;
      if (r === 255 && g === 255 && b === 255) white++;
    }
    expect(warm).toBeGreaterThan(10);
    expect(cool).toBeGreaterThan(10);
    expect(white).toBeGreaterThan((data.length / 3) * 0.7);
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

describe('colour', () => {
  it('draws a block in its colour, and a seal’s ink darkening the print below it as stamp ink does', async () => {
    const png = renderPage({
      width: 400,
      height: 400,
      blocks: [
        { x: 10, y: 10, text: 'RED', fontSize: 60, colour: '#d42a2a' },
        { x: 100, y: 180, text: '■■■■', fontSize: 60 },
      ],
      seals: [{ x: 200, y: 200, radius: 150, text: 'CONTROLLED COPY', colour: '#2f4fb5' }],
    });
    const { data } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    let red = 0;
    let blue = 0;
    let black = 0;
    for (let i = 0; i < data.length; i += 3) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (r > 180 && g < 80 && b < 80) red++;
      if (b > 150 && r < 80 && g < 110) blue++;
      if (r < 30 && g < 30 && b < 30) black++;
    }
    expect(red).toBeGreaterThan(500);
    expect(blue).toBeGreaterThan(2000);
    // The black squares stay black under the blue ink.
    expect(black).toBeGreaterThan(5000);
  });
});
