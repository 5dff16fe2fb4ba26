import { describe, expect, it } from 'vitest';
import { inkExtent, pageImage, rectQuad, renderPage, type PageSpec } from '@ocr/testkit';
import type { PageImage } from '@ocr/contracts';
import { underlinesIn, withoutUnderlines } from './underlines.ts';

const SIZE = 18;
const SERIF = '"DejaVu Serif"';
const LINK = '#0645ad';

/**
 * `text` at (40, 40) in an 18 px serif, ruled under from its ink's start to its end `drop` pixels
 * below the line's top (the glyphs' feet stand at about 14, descenders end at about 18), and the
 * box the detector draws round it.
 */
function ruled(text: string, drop: number, extra: Partial<PageSpec> = {}) {
  const { left, right } = inkExtent(text, SIZE, SERIF);
  const spec: PageSpec = {
    width: 400,
    height: 100,
    blocks: [{ x: 40, y: 40, text, fontSize: SIZE, fontFamily: SERIF, colour: LINK }],
    rules: [[40 + left, 40 + drop, 40 + right, 40 + drop]],
    ...extra,
  };
  return { spec, box: rectQuad(36 + left, 36, 44 + right, 60) };
}

function brightness(page: PageImage, x: number, y: number): number {
  const at = (y * page.width + x) * 3;
  return page.data[at]! + page.data[at + 1]! + page.data[at + 2]!;
}

/** Pixels darker than paper in rows `top`..`bottom` between `left` and `right`. */
function inkIn(page: PageImage, left: number, right: number, top: number, bottom: number): number {
  let n = 0;
  for (let y = top; y <= bottom; y++) for (let x = left; x <= right; x++) if (brightness(page, x, y) < 600) n++;
  return n;
}

describe('underlinesIn', () => {
  it('finds the line under a link as short as `7th`, standing on its glyphs’ feet', async () => {
    const { spec, box } = ruled('7th', 15);
    const found = underlinesIn(await pageImage(renderPage(spec)), box);
    expect(found).toHaveLength(1);
    // The rule, 2 px wide, inks rows 54 and 55.
    expect([found[0]!.top, found[0]!.bottom]).toEqual([54, 55]);
  });

  it('finds the line under a long link whose box the detector drew a degree off its row, along the page’s skew', async () => {
    const { spec, box } = ruled('http://www.goertek.com/products', 15);
    const page = await pageImage(renderPage(spec));
    const [cx, cy] = [(box[0][0] + box[1][0]) / 2, (box[0][1] + box[2][1]) / 2];
    const turn = (1.2 * Math.PI) / 180;
    const tilted = box.map(([x, y]) => [cx + (x - cx) * Math.cos(turn) - (y - cy) * Math.sin(turn), cy + (x - cx) * Math.sin(turn) + (y - cy) * Math.cos(turn)]) as typeof box;
    expect(underlinesIn(page, tilted, 0)).toHaveLength(1);
    // Along the box's own direction its rows cross the line, none inked from end to end.
    expect(underlinesIn(page, tilted, turn)).toEqual([]);
  });

  it('finds none under a line of text without one, in Latin or Chinese (feet of `L`, `Z`, `二`, `上`)', async () => {
    for (const text of ['LZ ELLE Zulu', '二上工业且三']) {
      const { left, right } = inkExtent(text, SIZE);
      const page = await pageImage(renderPage({ width: 400, height: 100, blocks: [{ x: 40, y: 40, text, fontSize: SIZE }] }));
      expect(underlinesIn(page, rectQuad(36 + left, 34, 44 + right, 64))).toEqual([]);
    }
  });

  it('finds none in a form’s blank, with nothing written above it, nor in a dash across the glyphs’ middle', async () => {
    for (const text of ['Name: ________', '说明——见图']) {
      const { left, right } = inkExtent(text, SIZE);
      const page = await pageImage(renderPage({ width: 400, height: 100, blocks: [{ x: 40, y: 40, text, fontSize: SIZE }] }));
      expect(underlinesIn(page, rectQuad(36 + left, 34, 44 + right, 64))).toEqual([]);
    }
  });

  it('finds none in a table’s rule under a cell’s text, which runs on past the box at either end', async () => {
    for (const [from, to] of [[0, 400], [60, 400], [0, 120]]) {
      const { spec, box } = ruled('Resistance', 15);
      const page = await pageImage(renderPage({ ...spec, rules: [[from!, 55, to!, 55]] }));
      expect(underlinesIn(page, box)).toEqual([]);
    }
  });

  it('finds none in a frame’s bottom edge (an icon’s square after a line), nor under light print on a dark band', async () => {
    // Murata's `Continued on the following page. ↗`: the square's edge, painted out, read `[`.
    const icon = await pageImage(
      renderPage({
        width: 400,
        height: 100,
        blocks: [{ x: 40, y: 40, text: 'page.', fontSize: SIZE }],
        rules: [[100, 37, 126, 37], [100, 63, 126, 63], [100, 37, 100, 63], [126, 37, 126, 63]],
      }),
    );
    expect(underlinesIn(icon, rectQuad(36, 36, 128, 64))).toEqual([]);
    const band = await pageImage(
      renderPage({ width: 500, height: 100, paper: '#555555', blocks: [{ x: 40, y: 40, text: 'for Temperature Compensation', fontSize: SIZE, colour: '#ffffff' }] }),
    );
    const { right } = inkExtent('for Temperature Compensation', SIZE);
    expect(underlinesIn(band, rectQuad(36, 34, 44 + right, 64))).toEqual([]);
  });

  it('finds none in a bar as thick as a third of the line under it', async () => {
    const { spec, box } = ruled('Total', 16);
    const page = await pageImage(renderPage(spec));
    for (let y = 55; y <= 62; y++) for (let x = 30; x < 120; x++) page.data.fill(0, (y * page.width + x) * 3, (y * page.width + x) * 3 + 3);
    expect(underlinesIn(page, box)).toEqual([]);
  });
});

describe('withoutUnderlines', () => {
  it('paints the line out in the paper’s colour and leaves the glyphs standing on it', async () => {
    const { spec, box } = ruled('7th', 15);
    const page = await pageImage(renderPage(spec));
    const cleared = withoutUnderlines(page, [box])!;
    const { left, right } = inkExtent('7th', SIZE, SERIF);
    const [x0, x1] = [Math.ceil(40 + left), Math.floor(40 + right)];
    expect(inkIn(page, x0, x1, 54, 55)).toBeGreaterThan(0.9 * 2 * (x1 - x0));
    expect(inkIn(cleared, x0, x1, 54, 55)).toBe(0);
    // The glyphs above the line keep every pixel, their feet on it too.
    expect(inkIn(cleared, x0, x1, 40, 53)).toBe(inkIn(page, x0, x1, 40, 53));
  });

  it('leaves descenders and a comma’s tail that run on below the line whole', async () => {
    const { spec, box } = ruled('Henry, Jury', 15);
    const page = await pageImage(renderPage(spec));
    const cleared = withoutUnderlines(page, [box])!;
    expect(cleared).toBeDefined();
    // The line inks rows 54 and 55; the tails of `y`, `,` and `J` end at 57. Below the line they
    // are as they were, and inside it where they cross it.
    expect(inkIn(cleared, 30, 200, 56, 62)).toBe(inkIn(page, 30, 200, 56, 62));
    const crossing = [...Array(170).keys()].map((i) => 30 + i).filter((x) => brightness(page, x, 56) < 400);
    expect(crossing.length).toBeGreaterThanOrEqual(4);
    for (const x of crossing) expect([54, 55].map((y) => brightness(cleared, x, y))).toEqual([54, 55].map((y) => brightness(page, x, y)));
    expect(inkIn(cleared, 30, 200, 54, 55)).toBeLessThan(crossing.length * 2 + 10);
  });

  it('returns no page where no box has a line under it, so the page is read as it is', async () => {
    const page = await pageImage(renderPage({ width: 400, height: 100, blocks: [{ x: 40, y: 40, text: 'Order 16th', fontSize: SIZE, fontFamily: SERIF }] }));
    expect(withoutUnderlines(page, [rectQuad(36, 36, 150, 60)])).toBeUndefined();
  });
});
