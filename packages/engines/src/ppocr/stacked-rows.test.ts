import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { PageImage, Quad } from '@ocr/contracts';
import { pageImage, rectQuad, renderPage } from '@ocr/testkit';
import { loadDictionary } from './dictionary.ts';
import { quadBounds } from './geometry.ts';
import { fastRecognizer } from './index.ts';
import { resolveModelFiles } from './model-files.ts';
import { Recognizer } from './recognizer.ts';
import { openSession, type OrtSession } from './session.ts';
import type { ReadLine } from './readings.ts';
import { countedRowTries, numberRows, readsAsCount, readsAsNumbers, readsBetterAcross, stackedRows, withCountedRows } from './stacked-rows.ts';

let session: OrtSession;
let recognizer: Recognizer;

beforeAll(async () => {
  // As the engine runs it (see `fastRecognizer`).
  const files = resolveModelFiles();
  const dictionary = loadDictionary(files.dictionary);
  session = await openSession(files.recognition, 'recognition', 1, fastRecognizer(dictionary));
  recognizer = new Recognizer(session, dictionary);
});

afterAll(async () => {
  await session.release();
});

const NUMBERS = ['285', '287', '288', '290', '292', '294', '295', '297'];
const PITCH = 27, LEFT = 40, WIDTH = 52, TOP = 20;
const BOTTOM = TOP + NUMBERS.length * PITCH;

/** A box from its corners as the detector gives one read down the page: top-right, bottom-right, bottom-left, top-left. */
const downThePage = (left: number, top: number, right: number, bottom: number): Quad => [[right, top], [right, bottom], [left, bottom], [left, top]];

/** A contents page's column of page numbers, each in its own frame, the frames stacked edge to edge. */
async function framedColumn(): Promise<PageImage> {
  const blocks = NUMBERS.map((text, i) => ({ x: LEFT + 6, y: TOP + i * PITCH + 2, text, fontSize: 26, fontFamily: '"DejaVu Serif"' }));
  const rules = NUMBERS.flatMap((_, i): Array<[number, number, number, number]> => {
    const top = TOP + i * PITCH;
    return [[LEFT, top, LEFT + WIDTH, top], [LEFT, top, LEFT, top + PITCH], [LEFT + WIDTH, top, LEFT + WIDTH, top + PITCH]];
  });
  rules.push([LEFT, BOTTOM, LEFT + WIDTH, BOTTOM]);
  return pageImage(renderPage({ width: 140, height: BOTTOM + 30, blocks, rules }));
}

/** `text` in a line up the page, as a drawing's vertical note stands, and the box along it. */
async function upThePage(text: string, fontSize: number): Promise<{ page: PageImage; box: Quad }> {
  const across = renderPage({ width: 40 + Math.round(text.length * fontSize * 0.75), height: fontSize * 2, blocks: [{ x: 20, y: fontSize / 2, text, fontSize }] });
  const page = await pageImage(await sharp(across).rotate(-90).png().toBuffer());
  // Reading up the page: from the bottom-left corner of the line's box towards its top.
  const box: Quad = [[fontSize * 0.3, page.height - 14], [fontSize * 0.3, 14], [fontSize * 1.7, 14], [fontSize * 1.7, page.height - 14]];
  return { page, box };
}

describe('stackedRows', () => {
  it('gives a row for each of the framed numbers stacked in a box read down the page, each round its own number', async () => {
    const page = await framedColumn();
    const rows = stackedRows(page, downThePage(LEFT - 4, TOP - 2, LEFT + WIDTH + 4, BOTTOM + 2))!.map(quadBounds);
    expect(rows).toHaveLength(NUMBERS.length);
    rows.forEach((row, i) => {
      const middle = (row.top + row.bottom) / 2;
      expect(middle).toBeGreaterThan(TOP + i * PITCH);
      expect(middle).toBeLessThan(TOP + (i + 1) * PITCH);
      // Wider than high, as text across is.
      expect(row.right - row.left).toBeGreaterThan(row.bottom - row.top);
    });
  });

  it('finds no rows in Chinese set down the page, whose characters are as high as wide', async () => {
    const page = await pageImage(renderPage({ width: 80, height: 260, blocks: [{ x: 20, y: 10, text: '技\n术\n要\n求\n说\n明', fontSize: 28, lineHeight: 1.4 }] }));
    expect(stackedRows(page, downThePage(14, 6, 56, 250))).toBeUndefined();
  });
});

describe('numberRows', () => {
  // Milk-V's Duo datasheet: a contents page's one-digit page numbers, 33 px apart at 200 dpi, which
  // the detector took for one line down the page and read `22333578`.
  const PAGES = ['2', '2', '3', '3', '3', '5', '7', '8'];
  const ENTRY_PITCH = 33;
  async function contents(): Promise<{ page: PageImage; entries: Quad[]; column: Quad }> {
    const blocks = PAGES.flatMap((text, i) => [
      { x: 30, y: 20 + i * ENTRY_PITCH, text: `1.2.${i} Section ${i}`, fontSize: 24, fontFamily: '"DejaVu Serif"' },
      { x: 400, y: 20 + i * ENTRY_PITCH, text, fontSize: 24, fontFamily: '"DejaVu Serif"' },
    ]);
    const page = await pageImage(renderPage({ width: 460, height: 320, blocks }));
    const entries = PAGES.map((_, i) => rectQuad(26, 20 + i * ENTRY_PITCH - 2, 220, 20 + i * ENTRY_PITCH + 28));
    return { page, entries, column: downThePage(395, 16, 420, 20 + PAGES.length * ENTRY_PITCH) };
  }

  it('gives a row for each one-digit number of a column level with the lines beside it, each reading its number', async () => {
    const { page, entries, column } = await contents();
    // Each digit is taller than wide: no stack of lines running across.
    expect(stackedRows(page, column)).toBeUndefined();
    const rows = numberRows(page, column, entries)!;
    expect(rows).toHaveLength(PAGES.length);
    const reads = await recognizer.read(page, rows);
    expect(reads.map((read) => read.text)).toEqual(PAGES);
    expect(readsAsNumbers(reads)).toBe(true);
  });

  it('gives none where no line stands level with its rows, as beside Chinese set down the page', async () => {
    const { page, column } = await contents();
    expect(numberRows(page, column, [])).toBeUndefined();
    const chinese = await pageImage(renderPage({ width: 80, height: 260, blocks: [{ x: 20, y: 10, text: '技\n术\n要\n求\n说\n明', fontSize: 28, lineHeight: 1.4 }] }));
    expect(numberRows(chinese, downThePage(14, 6, 56, 250), [])).toBeUndefined();
  });

  it('takes rows as numbers only where every one reads as a few digits, surely', () => {
    const read = (text: string, confidence = 0.9) => ({ text, confidence, characters: text.length });
    expect(readsAsNumbers([read('2'), read('13'), read('118')])).toBe(true);
    expect(readsAsNumbers([read('2'), read('技')])).toBe(false);
    expect(readsAsNumbers([read('2'), read('3', 0.3)])).toBe(false);
    expect(readsAsNumbers([])).toBe(false);
  });
});

describe('readsBetterAcross', () => {
  it('takes the rows of a stack of numbers, which read across as printed, over its box read down the page', async () => {
    const page = await framedColumn();
    const box = downThePage(LEFT - 4, TOP - 2, LEFT + WIDTH + 4, BOTTOM + 2);
    const rows = stackedRows(page, box)!;
    const [along, ...across] = await recognizer.read(page, [box, ...rows]);
    expect(across.map((read) => read.text)).toEqual(NUMBERS);
    expect(readsBetterAcross(across, along!)).toBe(true);
  });

  it.each([
    ['a vertical size', '1250', 30],
    ['a section’s name', 'SECTION A-A', 30],
    ['a note', 'Drill through 4 holes', 24],
  ])('leaves %s up the page read along it, whatever its glyphs read across', async (_, text, fontSize) => {
    const { page, box } = await upThePage(text, fontSize);
    const [along] = await recognizer.read(page, [box]);
    expect(along!.text.replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
    const rows = stackedRows(page, box) ?? [];
    expect(readsBetterAcross(await recognizer.read(page, rows), along!)).toBe(false);
  });
});

describe('readsAsCount', () => {
  // GigaDevice's GD32150G-START schematic: a header's pins numbered 1 to 11 inside its frame, 19 px
  // apart at 200 dpi, found sideways as one line and read `12345678901`; nothing beside the rows.
  const PINS = Array.from({ length: 11 }, (_, i) => String(i + 1));
  const PIN_PITCH = 19;

  it('takes a column of numbers counting one by one, its rows each read across, with no line level with them', async () => {
    const blocks = PINS.map((text, i) => ({ x: 20, y: 10 + i * PIN_PITCH, text, fontSize: 17, fontFamily: '"DejaVu Serif"' }));
    const page = await pageImage(renderPage({ width: 80, height: 240, blocks, rules: [[12, 6, 12, 224]] }));
    const column = downThePage(16, 8, 46, 10 + PINS.length * PIN_PITCH);
    expect(numberRows(page, column, [])).toBeUndefined();
    const [rows] = countedRowTries(page, column, 13);
    const reads = await recognizer.read(page, rows!);
    expect(reads.map((read) => read.text)).toEqual(PINS);
    expect(readsAsCount(rows!, reads)).toBe(true);
    // Each row at least as wide as high, so that a lone digit reads.
    for (const row of rows!) expect(quadBounds(row).right - quadBounds(row).left).toBeGreaterThanOrEqual(quadBounds(row).bottom - quadBounds(row).top - 0.01);
  });

  it('looks at a column a row past either end of its box, which the detector drew short (`32` over the pins `3 2 1`)', async () => {
    const pins = ['3', '2', '1'];
    const blocks = pins.map((text, i) => ({ x: 20, y: 10 + i * PIN_PITCH, text, fontSize: 17, fontFamily: '"DejaVu Serif"' }));
    const page = await pageImage(renderPage({ width: 60, height: 90, blocks }));
    // The box stops halfway down the `1`.
    const short = downThePage(16, 8, 36, 10 + 2.5 * PIN_PITCH);
    const tries = countedRowTries(page, short, 2);
    expect(tries).toHaveLength(2);
    const reads = await recognizer.read(page, tries[0]!);
    expect(reads.map((read) => read.text)).toEqual(pins);
    expect(readsAsCount(tries[0]!, reads)).toBe(true);
  });

  it('takes no sizes up the page for a count, though their digits run one by one', async () => {
    for (const text of ['12', '123', '1250']) {
      const { page, box } = await upThePage(text, 30);
      const tries = countedRowTries(page, box, text.length);
      expect(tries.length).toBeGreaterThan(0);
      for (const rows of tries) expect(readsAsCount(rows, await recognizer.read(page, rows))).toBe(false);
    }
  });

  it('takes rows that count up or down by one, two or more of them, each read surely', () => {
    const read = (text: string, confidence = 0.9) => ({ text, confidence, characters: text.length });
    const upright = (n: number) => Array.from({ length: n }, (_, i): Quad => [[0, i * 20], [12, i * 20], [12, i * 20 + 18], [0, i * 20 + 18]]);
    expect(readsAsCount(upright(3), ['9', '10', '11'].map((text) => read(text)))).toBe(true);
    expect(readsAsCount(upright(3), ['3', '2', '1'].map((text) => read(text)))).toBe(true);
    expect(readsAsCount(upright(2), ['1', '2'].map((text) => read(text)))).toBe(true);
    expect(readsAsCount(upright(1), ['1'].map((text) => read(text)))).toBe(false);
    expect(readsAsCount(upright(3), ['2', '2', '3'].map((text) => read(text)))).toBe(false);
    expect(readsAsCount(upright(3), ['1', '3', '5'].map((text) => read(text)))).toBe(false);
    expect(readsAsCount(upright(3), [read('1'), read('2'), read('3', 0.3)])).toBe(false);
    // One-digit rows wider than high are digits on their sides.
    const lying = Array.from({ length: 3 }, (_, i): Quad => [[0, i * 14], [20, i * 14], [20, i * 14 + 12], [0, i * 14 + 12]]);
    expect(readsAsCount(lying, ['3', '2', '1'].map((text) => read(text)))).toBe(false);
  });
});

describe('withCountedRows', () => {
  const line = (text: string, box: Quad): ReadLine => ({ text, confidence: 0.95, box, characters: text.length });

  it('puts a counted column as its rows, leaving out lines that stand on them, and keeps lines beside them', () => {
    // M5Stack's connector: pins `2` to `9` read down the page as one line, its `1` and `10` read alone too.
    const column = line('23456789', [[681, 693], [681, 1093], [645, 1093], [645, 693]]);
    const one = line('1', rectQuad(641, 637, 692, 688));
    const ten = line('10', rectQuad(626, 1092, 680, 1138));
    const label = line('ISO_SDA', rectQuad(760, 745, 900, 780));
    const rows = Array.from({ length: 10 }, (_, i) => line(String(i + 1), rectQuad(638, 643 + 50 * i, 689, 689 + 50 * i)));
    expect(withCountedRows([one, column, ten, label], new Map([[column, rows]])).map(({ text }) => text)).toEqual([...rows.map(({ text }) => text), 'ISO_SDA']);
    expect(withCountedRows([one, column, ten, label], new Map())).toEqual([one, column, ten, label]);
  });
});
