import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Point, Quad } from '@ocr/contracts';
import { pageImage, rectQuad, renderPage } from '@ocr/testkit';
import { quadArea, quadBounds } from './geometry.ts';
import { resolveModelFiles } from './model-files.ts';
import { readingAngle } from './page-turn.ts';
import { detectBoxes } from './page-detection.ts';
import type { ReadLine } from './readings.ts';
import { openSession, type OrtSession } from './session.ts';
import { findSlantedLines, mergeSlantedReading, withoutSizeLineEnds, type Glyph } from './slanted-text.ts';

function line(text: string, confidence: number, box: Quad): ReadLine {
  return { text, confidence, box, characters: text.replace(/\s/g, '').length };
}

/** A box `length` × `height` reading up and to the right at 45°, from its top-left corner. */
function at45([x, y]: Point, length: number, height: number): Quad {
  const u = Math.SQRT1_2;
  return [[x, y], [x + length * u, y - length * u], [x + length * u + height * u, y - length * u + height * u], [x + height * u, y + height * u]];
}

function glyph(x: number, y: number, size: number): Glyph {
  const pixels = size * size;
  return { left: x - size / 2, right: x + size / 2, top: y - size / 2, bottom: y + size / 2, x, y, pixels, xx: (pixels * size * size) / 12, yy: (pixels * size * size) / 12, xy: 0 };
}

describe('mergeSlantedReading', () => {
  it('adds a slanted line where nothing was read', () => {
    const upright = [line('DETAIL C', 0.99, rectQuad(100, 800, 300, 830))];
    const merged = mergeSlantedReading(upright, [line('CH 5', 0.99, at45([400, 400], 90, 30))], []);
    expect(merged.map((l) => l.text)).toEqual(['DETAIL C', 'CH 5']);
  });

  it('takes the place of pieces of it read before, where it holds clearly more (`+0` of `+0.40`)', () => {
    const piece = line('+0', 0.86, at45([1326, 650], 60, 34));
    const callout = line('4x Φ 6.60 -0.10', 0.94, at45([1200, 860], 360, 36));
    const merged = mergeSlantedReading([callout, piece], [line('+0.40', 1, at45([1318, 662], 130, 40)), line('-0.10', 1, at45([1384, 676], 110, 36))], []);
    expect(merged.map((l) => l.text)).toEqual(['4x Φ 6.60 -0.10', '+0.40']);
  });

  it('takes the place of two pieces of it read before where it holds more at all (`+O.` and `40`)', () => {
    const pieces = [line('+O.', 0.86, at45([1330, 650], 60, 34)), line('40', 0.9, at45([1372, 608], 50, 34))];
    expect(mergeSlantedReading(pieces, [line('+0.40', 1, at45([1318, 662], 130, 40))], []).map((l) => l.text)).toEqual(['+0.40']);
  });

  it('keeps what was read where the slanted line holds about as much', () => {
    const read = [line('Φ6.15', 0.9, at45([744, 654], 180, 60))];
    expect(mergeSlantedReading(read, [line('D 6.15', 0.99, at45([744, 654], 185, 62))], []).map((l) => l.text)).toEqual(['Φ6.15']);
  });

  it('leaves out the end of a dimension line read after a size’s last digit', () => {
    const merged = mergeSlantedReading([], [line('20-', 0.98, at45([100, 300], 60, 30)), line('145..', 0.9, at45([300, 500], 90, 30)), line('-0.10', 1, at45([500, 700], 90, 30))], []);
    expect(merged.map((l) => l.text).sort()).toEqual(['-0.10', '145', '20']);
    expect(merged.find((l) => l.text === '145')!.characters).toBe(3);
  });

  it('leaves out lines read with doubt, single characters, and a line found twice', () => {
    const merged = mergeSlantedReading(
      [],
      [line('A7', 0.6, at45([100, 100], 60, 30)), line('5', 0.99, at45([300, 300], 30, 30)), line('30°', 0.95, at45([500, 500], 70, 30)), line('30', 0.9, at45([502, 498], 60, 30))],
      [],
    );
    expect(merged.map((l) => l.text)).toEqual(['30°']);
  });

  it('reads a small ring on the top half of the line at its end as a degree sign, and a full-size 0 as 0', () => {
    // Along a 45° box from (400, 400): digits 24 px at 20 and 45 px along, the ring 10 px at 68.
    const along = (t: number, down: number): [number, number] => [400 + (t + down) * Math.SQRT1_2, 400 + (down - t) * Math.SQRT1_2];
    const box = at45([400, 400], 80, 36);
    const digits = [glyph(...along(20, 18), 24), glyph(...along(45, 18), 24)];
    expect(mergeSlantedReading([], [line('450', 0.9, box)], [...digits, glyph(...along(68, 10), 10)])[0]!.text).toBe('45°');
    expect(mergeSlantedReading([], [line('45?', 0.9, box)], [...digits, glyph(...along(68, 10), 10)])[0]!.text).toBe('45°');
    expect(mergeSlantedReading([], [line('450', 0.9, box)], [...digits, glyph(...along(68, 18), 24)])[0]!.text).toBe('450');
    // A ring left out is put at the end: the line shows a piece more than it has characters.
    expect(mergeSlantedReading([], [line('45', 0.9, box)], [...digits, glyph(...along(68, 10), 10)])[0]!.text).toBe('45°');
    expect(mergeSlantedReading([], [line('45', 0.9, box)], digits)[0]!.text).toBe('45');
    // A dash there is a dimension line's end, not a ring.
    const dash = { ...glyph(...along(68, 10), 10), xx: 100, yy: 100, xy: 99 };
    expect(mergeSlantedReading([], [line('45', 0.9, box)], [...digits, dash])[0]!.text).toBe('45');
    // Read with doubt, it counts where the ring shows what the doubt was; `450` alone does not.
    expect(mergeSlantedReading([], [line('450', 0.75, box)], [...digits, glyph(...along(68, 10), 10)])[0]!.text).toBe('45°');
    expect(mergeSlantedReading([], [line('450', 0.75, box)], [...digits, glyph(...along(68, 18), 24)])).toEqual([]);
    // A small mark low on the line (a decimal point's place) is no degree sign.
    expect(mergeSlantedReading([], [line('450', 0.9, box)], [...digits, glyph(...along(68, 28), 10)])[0]!.text).toBe('450');
  });
});

describe('findSlantedLines', () => {
  let session: OrtSession;

  beforeAll(async () => {
    session = await openSession(resolveModelFiles().detection, 'detection', 1);
  });

  it('finds a short size set at a slant, and nothing in level text, hatching, or letters with superscripts', async () => {
    const label = await sharp(renderPage({ width: 90, height: 46, blocks: [{ x: 4, y: 3, text: '30°', fontSize: 34 }] }))
      .rotate(35, { background: '#ffffff' })
      .png()
      .toBuffer();
    // Hatching: 45° strokes inside a frame, each touching it.
    const hatching: Array<[number, number, number, number]> = Array.from({ length: 8 }, (_, i) => [600 + i * 20, 400, 600, 400 + i * 20]);
    const sheet = renderPage({
      width: 900,
      height: 600,
      blocks: [
        { x: 100, y: 500, text: 'DETAIL C SCALE 2:1', fontSize: 28 },
        { x: 100, y: 100, text: 'R25', fontSize: 28 },
        // A figure's labels: a letter and its superscript, unread, make a slanted run of upright glyphs.
        ...[500, 600, 700].flatMap((x) => [
          { x, y: 110, text: 'h', fontSize: 30, bold: true },
          { x: x + 18, y: 96, text: 'n', fontSize: 18, bold: true },
        ]),
      ],
      rules: [[600, 400, 760, 400], [600, 400, 600, 560], ...hatching],
    });
    const page = await pageImage(await sharp(sheet).composite([{ input: label, left: 300, top: 250 }]).png().toBuffer());
    // The level lines were read; the slanted size was not.
    const read = [line('DETAIL C SCALE 2:1', 0.99, rectQuad(98, 498, 380, 532)), line('R25', 0.99, rectQuad(98, 98, 150, 132))];
    const { boxes } = await findSlantedLines((part, area) => detectBoxes(session, part, area), page, read);
    expect(boxes).toHaveLength(1);
    const bounds = quadBounds(boxes[0]!);
    expect(bounds.left).toBeGreaterThan(290);
    expect(bounds.right).toBeLessThan(400);
    expect((readingAngle(boxes[0]!) * 180) / Math.PI).toBeCloseTo(35, -1);
  });

  it('finds a small size set at a slant on a low-resolution scan, its glyphs a pixel or two apart', async () => {
    // An isometric view's aligned size at 30°, its digits 9 px high, as a web-scraped drawing has them.
    const label = await sharp(renderPage({ width: 40, height: 20, blocks: [{ x: 2, y: 2, text: '70', fontSize: 13, fontFamily: '"DejaVu Serif"' }] }))
      .rotate(30, { background: '#ffffff' })
      .png()
      .toBuffer();
    const sheet = renderPage({ width: 500, height: 300, blocks: [{ x: 40, y: 250, text: 'ISOMETRIC VIEW', fontSize: 12 }], rules: [[100, 100, 300, 215]] });
    const page = await pageImage(await sharp(sheet).composite([{ input: label, left: 180, top: 110 }]).png().toBuffer());
    const read = [line('ISOMETRIC VIEW', 0.99, rectQuad(38, 247, 160, 259))];
    const { boxes } = await findSlantedLines((part, area) => detectBoxes(session, part, area), page, read);
    // In cells of 2 × 2 pixels its digits were one piece, too long for a glyph.
    expect(boxes).toHaveLength(1);
    const bounds = quadBounds(boxes[0]!);
    expect(bounds.left).toBeGreaterThan(170);
    expect(bounds.right).toBeLessThan(240);
  });

  it('finds a tolerance stacked on a slanted size read surely, whose box reaches over it', async () => {
    const label = await sharp(renderPage({ width: 300, height: 90, blocks: [{ x: 150, y: 8, text: '+0.40', fontSize: 30 }, { x: 4, y: 38, text: '4x Ø6.60 -0.10', fontSize: 30 }] }))
      .rotate(-45, { background: '#ffffff' })
      .png()
      .toBuffer();
    const sheet = renderPage({ width: 700, height: 600, blocks: [{ x: 40, y: 540, text: 'DETAIL A', fontSize: 28 }] });
    const page = await pageImage(await sharp(sheet).composite([{ input: label, left: 200, top: 150 }]).png().toBuffer());
    const detect = (part: typeof page, area: { left: number; top: number; right: number; bottom: number }) => detectBoxes(session, part, area);
    // The upright pass read the size surely, and the tolerance with doubt or not at all.
    const [size] = (await detect(page, { left: 0, top: 0, right: page.width, bottom: page.height })).sort((a, b) => quadArea(b) - quadArea(a));
    // Its box reaches a third of its height further over the tolerance, as a vector sheet's did.
    const [tl, tr, br, bl] = size!;
    const up = (p: Point, q: Point): Point => [p[0] + (p[0] - q[0]) / 3, p[1] + (p[1] - q[1]) / 3];
    const reaching: Quad = [up(tl, bl), up(tr, br), br, bl];
    const read = [line('4x Ø6.60 -0.10', 0.98, reaching), line('DETAIL A', 0.99, rectQuad(38, 536, 170, 572))];
    const { boxes } = await findSlantedLines(detect, page, read);
    const centre = (box: Quad) => [box.reduce((sum, [x]) => sum + x, 0) / 4, box.reduce((sum, [, y]) => sum + y, 0) / 4];
    const [x, y] = centre(size!);
    // One box above and to the right of the size's, across its line: the tolerance's.
    expect(boxes.some((box) => centre(box)[1]! < y! && centre(box)[0]! > x!)).toBe(true);
  });

  it('looks at nothing on a page with nothing read', async () => {
    const page = await pageImage(renderPage({ width: 200, height: 100, blocks: [] }));
    expect(await findSlantedLines(() => Promise.reject(new Error('not to be called')), page, [])).toEqual({ boxes: [], pieces: [] });
  });
});

describe('withoutSizeLineEnds', () => {
  it('leaves out the dimension line read after a size alone in its line, and keeps other lines', () => {
    const box = rectQuad(10, 10, 60, 30);
    const read = withoutSizeLineEnds([line('30-', 0.95, box), line('55.3 —', 0.9, box), line('-140', 0.9, box), line('M6-', 0.9, box), line('10-20', 0.9, box)]);
    expect(read.map(({ text }) => text)).toEqual(['30', '55.3', '-140', 'M6-', '10-20']);
    expect(read[0]!.characters).toBe(2);
  });
});
