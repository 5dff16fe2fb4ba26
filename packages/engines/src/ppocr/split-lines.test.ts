import { describe, expect, it } from 'vitest';
import type { Quad } from '@ocr/contracts';
import { fillRect, rectQuad, whitePage } from '@ocr/testkit';
import { quadBounds, quadSize } from './geometry.ts';
import { readingAngle } from './page-turn.ts';
import { joinSplitLines } from './split-lines.ts';

/** `quad` turned by `degrees` about the origin. */
function turned(quad: Quad, degrees: number): Quad {
  const a = (degrees * Math.PI) / 180;
  return quad.map(([x, y]) => [x * Math.cos(a) - y * Math.sin(a), x * Math.sin(a) + y * Math.cos(a)]) as unknown as Quad;
}

/** `quad` turned by `degrees` about its own centre. */
function spun(quad: Quad, degrees: number): Quad {
  const cx = quad.reduce((sum, [x]) => sum + x, 0) / 4, cy = quad.reduce((sum, [, y]) => sum + y, 0) / 4;
  return turned(quad.map(([x, y]) => [x - cx, y - cy]) as unknown as Quad, degrees).map(([x, y]) => [x + cx, y + cy]) as unknown as Quad;
}

function rounded(quad: Quad): number[][] {
  return quad.map(([x, y]) => [Math.round(x), Math.round(y)]);
}

describe('joinSplitLines', () => {
  it('joins the overlapping pieces of one line into one box around both', () => {
    // As the detector split `puppy, sometimes | bursting into` in a 300 dpi magazine scan.
    const boxes = [rectQuad(176, 300, 534, 346), rectQuad(508, 298, 811, 345), rectQuad(175, 345, 811, 391)];
    const joined = joinSplitLines(whitePage(1000, 500), boxes);
    expect(joined).toHaveLength(2);
    const line = joined.find((box) => quadBounds(box).top < 320)!;
    expect(quadBounds(line).left).toBeCloseTo(176, 0);
    expect(quadBounds(line).right).toBeCloseTo(811, 0);
    // As tall as a piece, not as tall as both together: the line below stays out.
    expect(quadSize(line).height).toBeLessThan(48);
    expect(joined).toContainEqual(boxes[2]);
  });

  it.each([
    ['black', [0, 0, 0]],
    ['light grey', [176, 176, 176]],
  ] as const)('keeps apart table cells whose boxes overlap across the %s rule between them', (_, rgb) => {
    const page = whitePage(1000, 500);
    fillRect(page, 520, 280, 522, 370, rgb);
    const boxes = [rectQuad(176, 300, 534, 346), rectQuad(508, 298, 811, 345)];
    expect(joinSplitLines(page, boxes)).toEqual(boxes);
  });

  it('joins pieces across a glyph that stands in the overlap, shorter than the line', () => {
    const page = whitePage(1000, 500);
    // A stroke of `l` or `1`: inked over half the box's height.
    fillRect(page, 518, 310, 522, 334, [0, 0, 0]);
    expect(joinSplitLines(page, [rectQuad(176, 300, 534, 346), rectQuad(508, 298, 811, 345)])).toHaveLength(1);
  });

  it('takes in a small fragment lying mostly inside a line, across the stroke of its `p`', () => {
    // `finished [1] putting together`: a fragment at the start of `putting`, read as `1`.
    const page = whitePage(3200, 800);
    fillRect(page, 2735, 640, 2739, 676, [0, 0, 0]);
    const line = rectQuad(2729, 629, 3053, 680);
    const joined = joinSplitLines(page, [rectQuad(2718, 639, 2746, 661), line]);
    expect(joined).toHaveLength(1);
    expect(quadBounds(joined[0]!)).toMatchObject({ left: 2718, right: 3053 });
    expect(quadSize(joined[0]!).height).toBeCloseTo(51, 0);
  });

  it('ends a line a fragment joined no further than the next line piece along it begins', () => {
    // NREL's list (camelot's foo.pdf): `3` and the piece holding its point, which reaches into the
    // box of `Set the acceleration…` and read `3. 1` joined.
    const next = rectQuad(294, 875, 775, 911);
    const joined = joinSplitLines(whitePage(1000, 1000), [rectQuad(250, 880, 284, 906), rectQuad(274, 883, 304, 904), next]);
    expect(joined).toHaveLength(2);
    expect(quadBounds(joined.find((box) => box !== next)!)).toMatchObject({ left: 250, right: 294 });
    // A speck inside a joined line's box does not end it.
    const line = joinSplitLines(whitePage(1000, 400), [rectQuad(128, 200, 272, 230), rectQuad(265, 202, 689, 232), rectQuad(196, 205, 224, 215)]);
    const { left, right } = quadBounds(line.find((box) => quadSize(box).width > 300)!);
    expect([Math.round(left), Math.round(right)]).toEqual([128, 689]);
  });

  it('keeps a whole line out of a large box around it (a seal, a blot)', () => {
    const boxes = [rectQuad(66, 99, 740, 353), rectQuad(134, 121, 389, 161)];
    expect(joinSplitLines(whitePage(1000, 500), boxes)).toEqual(boxes);
  });

  it('keeps apart a stacked tolerance beside its size, and lines one above the other', () => {
    const size = rectQuad(100, 100, 300, 160);
    const upper = rectQuad(290, 96, 380, 128);
    const lower = rectQuad(290, 130, 380, 162);
    const above = rectQuad(500, 100, 900, 146);
    const below = rectQuad(500, 134, 900, 180);
    const boxes = [size, upper, lower, above, below];
    expect(joinSplitLines(whitePage(1000, 300), boxes)).toEqual(boxes);
  });

  it('joins the pieces of a slanted line along its slant, a short piece’s own slant aside', () => {
    const pieces = [turned(rectQuad(100, 200, 400, 240), 10), turned(rectQuad(380, 200, 700, 240), 10), spun(turned(rectQuad(684, 202, 730, 238), 10), 12)];
    const joined = joinSplitLines(whitePage(1000, 600), pieces);
    expect(joined).toHaveLength(1);
    expect(readingAngle(joined[0]!)).toBeCloseTo((10 * Math.PI) / 180, 2);
    // From the first piece's start to the end of the last, whose corners stick out a little.
    expect(quadSize(joined[0]!).width).toBeGreaterThanOrEqual(630);
    expect(quadSize(joined[0]!).width).toBeLessThan(640);
    expect(rounded(joined[0]!)[0]).toEqual(rounded(pieces[0]!)[0]);
  });
});
