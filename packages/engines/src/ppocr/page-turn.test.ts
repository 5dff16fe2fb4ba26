import type { PageImage, Quad } from '@ocr/contracts';
import { describe, expect, it } from 'vitest';
import { crossedAxes, crossedTurn, pageSkew, pageTurn, turnPageUpright, turnPointUpright, type QuarterTurns } from './page-turn.ts';

/** A 3×2 page whose pixel at (x, y) has red = 10·x + y. */
const page: PageImage = { width: 3, height: 2, channels: 3, data: Uint8Array.from([0, 0, 0, 10, 0, 0, 20, 0, 0, 1, 0, 0, 11, 0, 0, 21, 0, 0]) };

function redAt(p: PageImage, x: number, y: number): number {
  return p.data[(y * p.width + x) * 3]!;
}

/** A box reading from (x, y) along `degrees` (clockwise, y down), `length` long. */
function box(x: number, y: number, degrees: number, length: number): Quad {
  const a = (degrees * Math.PI) / 180;
  const [ux, uy] = [Math.cos(a), Math.sin(a)];
  const [vx, vy] = [-uy, ux];
  return [
    [x, y],
    [x + length * ux, y + length * uy],
    [x + length * ux + 30 * vx, y + length * uy + 30 * vy],
    [x + 30 * vx, y + 30 * vy],
  ];
}

describe('turnPageUpright', () => {
  it('turns a page scanned a quarter turn clockwise back: its top-left was the scan’s top-right', () => {
    const upright = turnPageUpright(page, 1);
    expect([upright.width, upright.height]).toEqual([2, 3]);
    expect(redAt(upright, 0, 0)).toBe(20);
    expect(redAt(upright, 1, 0)).toBe(21);
    expect(redAt(upright, 0, 2)).toBe(0);
  });

  it('turns a page upside down, and three quarters', () => {
    expect(redAt(turnPageUpright(page, 2), 0, 0)).toBe(21);
    const three = turnPageUpright(page, 3);
    expect([three.width, three.height]).toEqual([2, 3]);
    expect(redAt(three, 0, 0)).toBe(1);
    expect(redAt(three, 1, 0)).toBe(0);
  });

  it('undoes sharp-style clockwise turns, whatever the turn', () => {
    for (const turns of [1, 2, 3] as QuarterTurns[]) {
      let back = page;
      for (let i = 0; i < 4 - turns; i++) back = turnPageUpright(back, 1);
      expect(turnPageUpright(back, turns)).toEqual(page);
    }
  });
});

describe('turnPointUpright', () => {
  it('takes a point where turnPageUpright takes the pixel under it', () => {
    for (const turns of [0, 1, 2, 3] as QuarterTurns[]) {
      const upright = turnPageUpright(page, turns);
      for (let x = 0; x < page.width; x++) {
        for (let y = 0; y < page.height; y++) {
          // The middle of pixel (x, y), and the pixel whose middle it lands on.
          const [u, v] = turnPointUpright([x + 0.5, y + 0.5], page.width, page.height, turns);
          expect(redAt(upright, Math.floor(u), Math.floor(v)), `turns ${turns} (${x}, ${y})`).toBe(redAt(page, x, y));
        }
      }
    }
  });
});

describe('pageTurn', () => {
  it('is the quarter turn most of the text reads in, a few vertical dimensions aside', () => {
    expect(pageTurn([{ box: box(0, 0, 0, 500), weight: 20 }, { box: box(0, 0, 90, 60), weight: 2 }])).toBe(0);
    expect(pageTurn([{ box: box(0, 0, 91, 500), weight: 20 }, { box: box(0, 0, 0, 60), weight: 2 }])).toBe(1);
    expect(pageTurn([{ box: box(0, 0, 179, 500), weight: 20 }])).toBe(2);
    expect(pageTurn([{ box: box(0, 0, -90, 500), weight: 20 }])).toBe(3);
  });

  it('is decided by the boxes long enough to show their direction, not by lone glyphs standing taller than wide', () => {
    // A contents page: `Contents` and nine `1 Foo` beside a column of page numbers, each boxed 41 × 23 down the page.
    const numbers = [...Array(19).keys()].map((i) => ({ box: box(1300, 60 * i, 90, 41), weight: 41 / 30 }));
    const entries = [{ box: box(350, 0, 0, 175), weight: 175 / 30 }, ...[...Array(9).keys()].map((i) => ({ box: box(350, 60 * i, 0, 60), weight: 2 }))];
    expect(pageTurn([...numbers, ...entries])).toBe(0);
    // With nothing long enough to tell, every box counts.
    expect(pageTurn(numbers)).toBe(1);
  });

  it('lets every box count where those long enough to show a direction would turn the page but weigh too little', () => {
    // An isometric drawing's ten sizes boxed about square, and a line read upside down.
    const sizes = [...Array(10).keys()].map((i) => ({ box: box(40 * i, 100, 0, 32), weight: 1.1 }));
    const upsideDown = { box: box(400, 450, 180, 150), weight: 5 };
    expect(pageTurn([...sizes.slice(0, 5), upsideDown])).toBe(2);
    expect(pageTurn([...sizes, ...sizes, ...sizes, upsideDown])).toBe(0);
    // Keeping the page as it came takes no such weight: a short contents page's heading outvotes its page numbers.
    const numbers = [...Array(19).keys()].map((i) => ({ box: box(1300, 60 * i, 90, 41), weight: 41 / 30 }));
    expect(pageTurn([{ box: box(100, 0, 0, 150), weight: 5 }, ...numbers])).toBe(0);
  });

  it('turns a page over only on some text read upside down, not on a short size the classifier took so', () => {
    // A web drawing's `-72-` boxed with its dimension line's ends, beside sizes the classifier cannot tell.
    const piece = { box: box(400, 450, 180, 66), weight: 66 / 30 };
    const sizes = [...Array(5).keys()].map((i) => ({ box: box(40 * i, 100, 180, 32), weight: 1.1 }));
    expect(pageTurn([piece])).toBe(0);
    expect(pageTurn([piece, ...sizes])).toBe(0);
    expect(pageTurn([{ box: box(400, 450, 180, 150), weight: 5 }])).toBe(2);
  });
});

describe('crossedTurn', () => {
  it('is told by the way each axis reads where text runs both along and across the page, not by weight', () => {
    // A drawing's level sizes, `L1=12` and `L2=112`, beside five vertical ones read upwards, which outweigh them.
    const level = [box(100, 600, 0, 110), box(100, 640, 0, 120)].map((b) => ({ box: b, weight: 4 }));
    const upwards = [0, 1, 2, 3, 4].map((i) => ({ box: box(500 + 20 * i, 300, -90, 120), weight: 4 }));
    expect(crossedAxes([...level, ...upwards])).toBe(true);
    expect(pageTurn([...level, ...upwards])).toBe(3);
    expect(crossedTurn([...level, ...upwards])).toBe(0);
    // The same drawing scanned upside down or a quarter turn anticlockwise: its level sizes read
    // over or up the page, its vertical ones downwards or over. Scanned a quarter turn clockwise, it
    // reads as an upright page's text set down it would, and weight decides.
    const turned = (quarters: number) =>
      [...level.map(({ box: b }) => b), ...upwards.map(({ box: b }) => b)].map((b) => ({
        box: b.map(([x, y]) => (quarters === 1 ? [1000 - y, x] : quarters === 2 ? [1000 - x, 1000 - y] : [y, 1000 - x])) as Quad,
        weight: 4,
      }));
    expect(crossedTurn(turned(2))).toBe(2);
    expect(crossedTurn(turned(3))).toBe(3);
    expect(crossedTurn(turned(1))).toBeUndefined();
  });

  it('tells nothing where text across the page weighs too little, or one axis reads both ways alike', () => {
    // A page of prose with one heading set up its margin, read downwards.
    const prose = [...Array(12).keys()].map((i) => ({ box: box(100, 40 * i, 0, 600), weight: 20 }));
    const margin = { box: box(20, 500, 90, 300), weight: 10 };
    expect(crossedAxes([...prose, margin])).toBe(false);
    expect(crossedTurn([...prose, margin])).toBeUndefined();
    // Two vertical sizes read as surely down the page as up it.
    const level = [0, 1].map((i) => ({ box: box(100, 600 + 40 * i, 0, 120), weight: 4 }));
    const tied = [{ box: box(500, 300, -90, 120), weight: 4 }, { box: box(540, 180, 90, 120), weight: 4 }];
    expect(crossedAxes([...level, ...tied])).toBe(true);
    expect(crossedTurn([...level, ...tied])).toBeUndefined();
  });

  it('tells nothing of a page whose level text reads upright beside text read downwards, leaving it to weight', () => {
    // A schematic's pin names beside its crystal's `40MHz(±10ppm)` and three `GND`s set down the page.
    const names = [...Array(6).keys()].map((i) => ({ box: box(100, 40 * i, 0, 90), weight: 3 }));
    const down = [0, 1, 2, 3].map((i) => ({ box: box(400 + 40 * i, 100, 90, 90), weight: 3 }));
    expect(crossedAxes([...names, ...down])).toBe(true);
    expect(crossedTurn([...names, ...down])).toBeUndefined();
    expect(pageTurn([...names, ...down])).toBe(0);
    // Read upside down, the level names tell a half turn.
    const over = names.map(({ box: b, weight }) => ({ box: [b[2], b[3], b[0], b[1]] as Quad, weight }));
    expect(crossedTurn([...over, ...down])).toBe(2);
  });
});

describe('pageSkew', () => {
  it('is the median skew of the lines, a quarter turn apart or not, in radians', () => {
    const lines = [box(0, 0, 28, 400), box(0, 100, 30, 400), box(0, 200, 33, 300), box(500, 0, 120, 300)];
    expect((pageSkew(lines) * 180) / Math.PI).toBeCloseTo(30, 5);
  });

  it('leaves out boxes too short to show their direction, and is 0 with fewer than three lines', () => {
    // Words of a drawing at all angles beside two lines: nothing to level.
    const words = [box(0, 0, 40, 50), box(0, 100, 35, 45), box(0, 200, 25, 40), box(0, 300, 40, 50)];
    expect(pageSkew([...words, box(0, 400, 2, 400), box(0, 500, 2, 400)])).toBe(0);
    expect(pageSkew([...words, box(0, 400, 2, 400), box(0, 500, 2, 400), box(0, 600, 3, 400)])).toBeCloseTo((2 * Math.PI) / 180, 5);
  });

  it("is 0 where the lines do not share one: a chart's names set at 45° beside its level legend", () => {
    const names = [0, 1, 2, 3, 4].map((i) => box(100 * i, 600, -45, 200));
    const legend = [box(700, 0, 0, 250), box(700, 40, 0, 200)];
    expect(pageSkew([...names, ...legend])).toBe(0);
    expect((pageSkew([...names, box(700, 0, -40, 100)]) * 180) / Math.PI).toBeCloseTo(-45, 5);
  });
});
