import { describe, expect, it } from 'vitest';
import type { Quad } from '@ocr/contracts';
import { convexHull, minAreaRect, quadArea, quadContains, quadOverlap, readingQuad, rotateQuad180, unclip } from './geometry.ts';

/** Points filling a w×h rectangle centred at (cx, cy), turned by `degrees`. */
function rotatedRectanglePoints(cx: number, cy: number, w: number, h: number, degrees: number): Float64Array {
  const a = (degrees * Math.PI) / 180;
  const points: number[] = [];
  for (let u = -w / 2; u <= w / 2; u += 2) {
    for (let v = -h / 2; v <= h / 2; v += 2) points.push(cx + u * Math.cos(a) - v * Math.sin(a), cy + u * Math.sin(a) + v * Math.cos(a));
  }
  return Float64Array.from(points);
}

describe('minAreaRect', () => {
  it('recovers size, centre and angle of a rotated rectangle', () => {
    const rect = minAreaRect(convexHull(rotatedRectanglePoints(300, 200, 400, 40, 1.5)));
    expect(rect.width).toBeCloseTo(400, 0);
    expect(rect.height).toBeCloseTo(40, 0);
    expect(rect.cx).toBeCloseTo(300, 0);
    expect(rect.cy).toBeCloseTo(200, 0);
    expect((Math.atan2(rect.uy, rect.ux) * 180) / Math.PI).toBeCloseTo(1.5, 1);
  });

  it('keeps the reading direction pointing right whatever edge the calipers found', () => {
    for (const degrees of [-30, 0, 44, 91, 180]) {
      const rect = minAreaRect(convexHull(rotatedRectanglePoints(0, 0, 200, 20, degrees)));
      expect(rect.ux).toBeGreaterThan(Math.SQRT1_2 - 1e-9);
    }
  });
});

describe('unclip and reading quads', () => {
  it('grows every side by area × ratio / perimeter', () => {
    const grown = unclip({ cx: 0, cy: 0, width: 100, height: 10, ux: 1, uy: 0 }, 1.5);
    const distance = (100 * 10 * 1.5) / 220;
    expect(grown.width).toBeCloseTo(100 + 2 * distance);
    expect(grown.height).toBeCloseTo(10 + 2 * distance);
  });

  it('orders corners clockwise from the top-left, tall boxes read downwards, and turns them round', () => {
    expect(readingQuad({ cx: 50, cy: 5, width: 100, height: 10, ux: 1, uy: 0 })).toEqual([[0, 0], [100, 0], [100, 10], [0, 10]]);
    // A tall box: read from its top-right corner downwards, as PaddleOCR's rot90.
    expect(readingQuad({ cx: 5, cy: 50, width: 10, height: 100, ux: 1, uy: 0 })[0]).toEqual([10, 0]);
    expect(rotateQuad180([[0, 0], [100, 0], [100, 10], [0, 10]])).toEqual([[100, 10], [0, 10], [0, 0], [100, 0]]);
  });
});

describe('quadOverlap', () => {
  const square: Quad = [[0, 0], [10, 0], [10, 10], [0, 10]];
  // The same square's corners the other way round, and a diamond on its centre (a box at 45°).
  const anticlockwise: Quad = [[0, 0], [0, 10], [10, 10], [10, 0]];
  const diamond: Quad = [[5, 0], [10, 5], [5, 10], [0, 5]];

  it('gives the area two boxes share, at any angle and corner order', () => {
    expect(quadArea(square)).toBe(100);
    expect(quadOverlap(square, [[5, 5], [15, 5], [15, 15], [5, 15]])).toBeCloseTo(25);
    expect(quadOverlap(square, anticlockwise)).toBeCloseTo(100);
    expect(quadOverlap(anticlockwise, diamond)).toBeCloseTo(50);
    expect(quadOverlap(diamond, [[5, 0], [10, 0], [10, 10], [5, 10]])).toBeCloseTo(25);
  });

  it('is 0 for boxes apart or only touching', () => {
    expect(quadOverlap(square, [[20, 0], [30, 0], [30, 10], [20, 10]])).toBe(0);
    expect(quadOverlap(square, [[10, 0], [20, 0], [20, 10], [10, 10]])).toBe(0);
  });
});

describe('quadContains', () => {
  it('tells points inside a slanted box from those inside only its bounds', () => {
    const diamond: Quad = [[5, 0], [10, 5], [5, 10], [0, 5]];
    expect(quadContains(diamond, [5, 5])).toBe(true);
    expect(quadContains(diamond, [7, 3])).toBe(true);
    expect(quadContains(diamond, [9, 1])).toBe(false);
    expect(quadContains([[0, 5], [5, 10], [10, 5], [5, 0]], [5, 5])).toBe(true);
  });
});
