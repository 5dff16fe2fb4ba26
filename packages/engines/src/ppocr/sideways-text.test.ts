import { describe, expect, it } from 'vitest';
import type { PageImage, Point, Quad } from '@ocr/contracts';
import { rectQuad } from '@ocr/testkit';
import { quadBounds } from './geometry.ts';
import type { ReadLine } from './readings.ts';
import { downwardDoubt, hasGlyphStack, mergeSidewaysReading, readsAsDrawing, runsUpOrDown, sidewaysView, slantedGlyphs, splitCellColumns } from './sideways-text.ts';

function line(text: string, confidence: number, box: Quad): ReadLine {
  return { text, confidence, box, characters: text.replace(/\s/g, '').length };
}

/** A box reading up the page, from its bottom-left corner. */
function upwards(left: number, top: number, right: number, bottom: number): Quad {
  return [[left, bottom], [left, top], [right, top], [right, bottom]];
}

describe('runsUpOrDown', () => {
  it('is true where a line runs up or down the page, not for upright lines, glyphs or slanted callouts', () => {
    expect(runsUpOrDown([line('35.36', 1, upwards(200, 900, 240, 1010))])).toBe(true);
    expect(runsUpOrDown([line('10.48', 1, [[1147, 600], [1147, 690], [1106, 690], [1106, 600]])])).toBe(true);
    expect(runsUpOrDown([line('DETAIL B', 1, rectQuad(100, 100, 300, 130)), line('8', 1, upwards(10, 10, 40, 40))])).toBe(false);
    // 45°: a leader's callout, read as it is.
    expect(runsUpOrDown([line('4x Ø6.60', 1, [[874, 608], [1063, 417], [1099, 452], [910, 643]])])).toBe(false);
  });
});

describe('hasGlyphStack', () => {
  it('is true for glyph boxes stacked close, as wide as each other: a vertical size cut into pieces', () => {
    expect(hasGlyphStack([rectQuad(63, 99, 95, 142), rectQuad(66, 142, 93, 162)])).toBe(true);
    // Overlapping a little: a GB drawing's narrow `148 ±0.1` read upright as `圳` over `8`.
    expect(hasGlyphStack([rectQuad(30, 588, 56, 624), rectQuad(30, 622, 55, 651)])).toBe(true);
  });

  it('is false for list numbers a line apart, glyphs side by side, and upright lines', () => {
    expect(hasGlyphStack([rectQuad(100, 100, 120, 125), rectQuad(100, 140, 120, 165)])).toBe(false);
    expect(hasGlyphStack([rectQuad(100, 100, 125, 125), rectQuad(127, 100, 152, 125)])).toBe(false);
    expect(hasGlyphStack([rectQuad(100, 100, 400, 125), rectQuad(100, 127, 400, 152)])).toBe(false);
    // A small glyph under a large one (a dot under a heading's letter) is no stack.
    expect(hasGlyphStack([rectQuad(100, 100, 160, 160), rectQuad(120, 162, 140, 182)])).toBe(false);
  });
});

describe('readsAsDrawing', () => {
  const area = { left: 0, top: 0, right: 1224, bottom: 822 };

  it('is true for a sheet of sizes that cover little of it', () => {
    // A GB drawing's upright sizes, its vertical ones missed altogether.
    const sizes = ['148 ±0.1', '25', '90', '10', '72', '3.2', '150', 'X'].map((text, i) => line(text, 0.99, rectQuad(100 + 100 * i, 400, 130 + 100 * i, 428)));
    expect(readsAsDrawing(sizes, area)).toBe(true);
  });

  it('is false for a page of text, for a table of figures that fills the page, and for a page with no sizes', () => {
    const prose = Array.from({ length: 12 }, (_, i) => line(`Tighten the bolts in ${i + 2} passes to 210 Nm`, 0.99, rectQuad(40, 40 + 60 * i, 1180, 80 + 60 * i)));
    expect(readsAsDrawing(prose, area)).toBe(false);
    const figures = Array.from({ length: 60 }, (_, i) => line(`${(i * 7.3).toFixed(1)}`, 0.99, rectQuad(40 + 200 * (i % 6), 40 + 70 * Math.floor(i / 6), 220 + 200 * (i % 6), 100 + 70 * Math.floor(i / 6))));
    expect(readsAsDrawing(figures, area)).toBe(false);
    expect(readsAsDrawing([line('STOP', 0.99, rectQuad(500, 400, 560, 430))], area)).toBe(false);
  });
});

describe('downwardDoubt', () => {
  it('doubts a reading down the page, not one up it or across it', () => {
    expect(downwardDoubt(upwards(569, 609, 593, 634))).toBe(0);
    expect(downwardDoubt([[593, 609], [593, 634], [569, 634], [569, 609]])).toBeGreaterThan(0);
    expect(downwardDoubt(rectQuad(100, 100, 200, 130))).toBe(0);
  });
});

describe('slantedGlyphs', () => {
  it('takes a box about as long as high at a slant for a glyph or two boxed askew, and a line or a level glyph for none', () => {
    // Goertek's contents page: a heading's `4` boxed at 45°, 17 px a side.
    expect(slantedGlyphs([[157, 560], [169, 548], [180, 559], [168, 571]])).toBe(true);
    expect(slantedGlyphs(rectQuad(157, 548, 180, 571))).toBe(false);
    expect(slantedGlyphs(upwards(157, 548, 180, 571))).toBe(false);
    // A size along a 30° slope holds a line.
    expect(slantedGlyphs([[100, 100], [187, 50], [197, 67], [110, 117]])).toBe(false);
  });
});

describe('mergeSidewaysReading', () => {
  it('takes the sideways reading where it holds clearly more: two vertical sizes the upright pass read as glyphs', () => {
    const upright = [line('28.', 0.89, rectQuad(978, 966, 1060, 1021)), line('88', 1, rectQuad(983, 1018, 1057, 1052)), line('7.00', 1, rectQuad(1151, 1025, 1240, 1068))];
    const sideways = [line('8.20', 1, upwards(982, 967, 1020, 1048)), line('8.00', 1, upwards(1018, 968, 1056, 1048))];
    expect(mergeSidewaysReading(upright, sideways).map((l) => l.text).sort()).toEqual(['7.00', '8.00', '8.20']);
  });

  it('leaves out sideways readings made with doubt: a chart’s axis and ticks read on their side', () => {
    const upright = [line('2', 1, rectQuad(360, 1660, 376, 1678)), line('4', 1, rectQuad(494, 1662, 508, 1676))];
    const sideways = [line('zt', 0.69, upwards(366, 1631, 383, 1676))];
    expect(mergeSidewaysReading(upright, sideways).map((l) => l.text)).toEqual(['2', '4']);
  });

  it('keeps a sure upright glyph against a sideways glyph box that reads more characters (a page number `5` read `ci`)', () => {
    const upright = [line('5', 1, rectQuad(1319, 259, 1339, 282))];
    expect(mergeSidewaysReading(upright, [line('ci', 0.93, upwards(1320, 257, 1340, 280))]).map((l) => l.text)).toEqual(['5']);
    // A short vertical size goes to the sideways reading where the upright one read a glyph of it, or read it with doubt.
    const glyph = [line('9', 0.98, rectQuad(10, 186, 32, 219))];
    expect(mergeSidewaysReading(glyph, [line('60', 1, upwards(10, 183, 34, 216))]).map((l) => l.text)).toEqual(['60']);
    const piece = [line('5', 0.98, rectQuad(481, 104, 502, 127))];
    expect(mergeSidewaysReading(piece, [line('15', 0.89, upwards(483, 102, 500, 123))]).map((l) => l.text)).toEqual(['15']);
    const doubtful = [line('8', 0.78, rectQuad(146, 1059, 187, 1115))];
    expect(mergeSidewaysReading(doubtful, [line('38', 1, upwards(146, 1059, 185, 1112))]).map((l) => l.text)).toEqual(['38']);
  });

  it('keeps an upright reading against glyph boxes side by side read on their side (an upright `28` read `2` and `00`)', () => {
    const upright = [line('28', 1, rectQuad(378, 310, 411, 342))];
    const sideways = [line('2', 0.92, [[397, 312], [398, 335], [382, 336], [381, 313]]), line('00', 0.81, [[409, 314], [409, 332], [395, 332], [395, 314]])];
    expect(mergeSidewaysReading(upright, sideways).map((l) => l.text)).toEqual(['28']);
    // Glyph boxes stacked up the page are a vertical line cut in pieces, and are read as such.
    const stacked = [line('9', 0.97, upwards(100, 140, 120, 160)), line('30', 0.95, upwards(100, 100, 120, 138))];
    expect(mergeSidewaysReading([line('m', 0.7, rectQuad(100, 100, 120, 160))], stacked).map((l) => l.text).sort()).toEqual(['30', '9']);
  });

  it('takes a row of numbers each set up the page, read surely on their sides, over an unsure reading across (pin numbers on a chip’s edge)', () => {
    // ESP32-S3's reference schematic: pins 56 to 51 boxed as one line, read across at 0.75.
    const across = [line('66 5 54 3 52 555', 0.747, rectQuad(827, 521, 920, 545))];
    const turned = ['56', '55', '54', '53', '52', '51'].map((text, i) => line(text, 0.998, upwards(828 + 16 * i, 521, 844 + 16 * i, 545)));
    expect(mergeSidewaysReading(across, turned).map((l) => l.text)).toEqual(['56', '55', '54', '53', '52', '51']);
    // Read across surely, or one read sideways with doubt or as one glyph: the row stays as read across.
    expect(mergeSidewaysReading([{ ...across[0]!, confidence: 0.85 }], turned).map((l) => l.text)).toEqual(['66 5 54 3 52 555']);
    const doubted = [...turned.slice(1), line('5', 0.998, upwards(828, 521, 844, 545))];
    expect(mergeSidewaysReading(across, doubted).map((l) => l.text)).toEqual(['66 5 54 3 52 555']);
  });

  it('takes a long line read whole on its side where the upright pass read only part of it (an arXiv stamp)', () => {
    // The recogniser's counts, which take in the spaces it saw.
    const upright = [{ ...line('Ø3.15348v2 [cs.CV] 21 Jun 2021', 0.9594, [[13, 492], [15, 213], [40, 213], [39, 492]]), characters: 29 }, line('2', 0.7872, rectQuad(21, 500, 32, 509))];
    const sideways = [{ ...line('arXiv:2103.15348v2 [cs.CV] 21 Jun 2021', 0.9615, upwards(15, 212, 38, 562)), characters: 36 }];
    expect(mergeSidewaysReading(upright, sideways).map((l) => l.text)).toEqual(['arXiv:2103.15348v2 [cs.CV] 21 Jun 2021']);
  });

  it('keeps the upright reading where the sideways one holds about as much (an upright glyph read on its side)', () => {
    const upright = [line('3', 1, rectQuad(656, 2261, 687, 2301))];
    expect(mergeSidewaysReading(upright, [line('m', 0.95, upwards(656, 2261, 687, 2301))]).map((l) => l.text)).toEqual(['3']);
  });

  it('adds what only the sideways pass found where it reads surely and holds more than a glyph', () => {
    const found = [line('10.48', 0.99, upwards(372, 1297, 414, 1400)), line('T', 0.95, upwards(1587, 213, 1606, 244)), line('1l1', 0.6, upwards(500, 500, 520, 560))];
    expect(mergeSidewaysReading([], found).map((l) => l.text)).toEqual(['10.48']);
    // A drawing's symbol read across its box: one digit and a dash.
    expect(mergeSidewaysReading([], [line('-5', 0.94, rectQuad(239, 103, 263, 123))])).toEqual([]);
  });

  it('leaves out a line of digits read sideways down a table’s column of cells, between its rows', () => {
    // Cells 20 px high in rows 24 px apart; the column at x 300–320 read down as one line.
    const cells = [0, 1, 2, 3].flatMap((r) => [line(String(r), 0.9, rectQuad(200, 100 + 24 * r, 240, 120 + 24 * r)), line('1,151', 0.9, rectQuad(400, 100 + 24 * r, 460, 120 + 24 * r))]);
    const down = line('0005', 0.95, upwards(300, 98, 320, 196));
    expect(mergeSidewaysReading(cells, [down])).toEqual(cells);
    // A size up a drawing, with no rows of text beside it, is kept.
    expect(mergeSidewaysReading(cells.slice(0, 2), [down])).toContain(down);
    // So is a glyph box read on its side, not taller than wide: a page number `38` beside a date in two boxes.
    const date = [line('Febuary', 0.95, rectQuad(340, 100, 480, 140)), line('2011', 0.95, rectQuad(500, 122, 580, 160))];
    const pageNumber = line('38', 0.99, upwards(300, 100, 350, 143));
    expect(mergeSidewaysReading(date, [pageNumber])).toContain(pageNumber);
  });

  it('takes a lone glyph read sideways only where it reads very surely (an upright `Z` read on its side is `N`)', () => {
    const upright = [line('z', 0.63, rectQuad(69, 142, 78, 152))];
    expect(mergeSidewaysReading(upright, [line('N', 0.82, upwards(69, 142, 77, 156))]).map((l) => l.text)).toEqual(['z']);
    expect(mergeSidewaysReading(upright, [line('5', 0.99, upwards(69, 142, 77, 156))]).map((l) => l.text)).toEqual(['5']);
  });
});

/** A white page with one black rectangle. */
function pageWithBlock(width: number, height: number, block: { left: number; top: number; right: number; bottom: number }): PageImage {
  const data = new Uint8Array(width * height * 3).fill(255);
  for (let y = block.top; y < block.bottom; y++) data.fill(0, (y * width + block.left) * 3, (y * width + block.right) * 3);
  return { width, height, channels: 3, data };
}

/** Middle of the black pixels of `page`. */
function inkMiddle(page: PageImage): Point {
  let sx = 0, sy = 0, n = 0;
  for (let y = 0; y < page.height; y++) {
    for (let x = 0; x < page.width; x++) {
      if (page.data[(y * page.width + x) * 3]! < 128) (sx += x + 0.5), (sy += y + 0.5), n++;
    }
  }
  return [sx / n, sy / n];
}

describe('sidewaysView', () => {
  it('turns the area a quarter clockwise, and maps its points back onto the page', async () => {
    const page = pageWithBlock(60, 40, { left: 20, top: 10, right: 30, bottom: 14 });
    const area = { left: 10, top: 5, right: 50, bottom: 35 };
    const { turned, toPage } = await sidewaysView(page, area);
    expect([turned.width, turned.height]).toEqual([30, 40]);
    // Its left edge is the area's bottom: the block near the area's top lands near the right.
    expect(inkMiddle(turned)).toEqual([23, 15]);
    expect(toPage(inkMiddle(turned))).toEqual([25, 12]);
  });

  it('shrinks an area longer than a large page is detected at, and maps back at full size', async () => {
    const page = pageWithBlock(6000, 60, { left: 3000, top: 20, right: 3060, bottom: 40 });
    const { turned, toPage } = await sidewaysView(page, { left: 0, top: 0, right: 6000, bottom: 60 });
    expect([turned.width, turned.height]).toEqual([48, 4800]);
    const [x, y] = toPage(inkMiddle(turned));
    expect(Math.abs(x - 3030)).toBeLessThan(2);
    expect(Math.abs(y - 30)).toBeLessThan(2);
  });
});

describe('splitCellColumns', () => {
  // Cells 20 px high in rows 24 px apart, in columns at x 200 and 400.
  const row = (r: number) => [line(String(r), 0.9, rectQuad(200, 100 + 24 * r, 240, 120 + 24 * r)), line('433', 0.9, rectQuad(400, 100 + 24 * r, 460, 120 + 24 * r))];

  it('cuts a line the detector found down a table’s column of one-glyph cells into a box for each row', () => {
    const cells = [0, 1, 2].flatMap(row);
    const column = line('4 0 0', 0.84, upwards(300, 98, 322, 170));
    const { split, boxes } = splitCellColumns([...cells, column]);
    expect([...split]).toEqual([column]);
    expect(boxes.map((box) => quadBounds(box))).toEqual([
      { left: 300, top: 98, right: 322, bottom: 122 },
      { left: 300, top: 122, right: 322, bottom: 146 },
      { left: 300, top: 146, right: 322, bottom: 170 },
    ]);
    // Beside an empty column: rows on one side, one for each cell it reads.
    const oneSide = [0, 1, 2].map((r) => row(r)[1]!);
    expect(splitCellColumns([...oneSide, column]).boxes).toHaveLength(3);
  });

  it('cuts a column read with spaces between some of its cells only into a box for each row', () => {
    // NICS's table turned upright: `9 0 0 00 100000000` down fifteen rows of counts.
    const cells = Array.from({ length: 6 }, (_, r) => row(r)).flat();
    const column = line('9 0 00 10', 0.84, upwards(300, 98, 322, 242));
    expect(splitCellColumns([...cells, column]).boxes).toHaveLength(6);
  });

  it('leaves vertical sizes beside rows they do not fill one to a cell, and upright lines', () => {
    const cells = [0, 1, 2, 3].flatMap(row);
    // A decimal size, and a number with fewer glyphs than the rows beside it hold.
    const sizes = [line('9.30', 0.95, upwards(300, 98, 322, 194)), line('2', 0.95, upwards(300, 98, 322, 194))];
    expect(splitCellColumns([...cells, ...sizes]).split.size).toBe(0);
    // An arXiv stamp's `12` up the margin, beside two lines of prose.
    const prose = [0, 1].map((r) => line('in the sense that the developer, given only a pen', 0.95, rectQuad(340, 100 + 24 * r, 900, 120 + 24 * r)));
    expect(splitCellColumns([...prose, line('12', 1, upwards(300, 98, 322, 146))]).split.size).toBe(0);
  });
});
