import type { PageImage, Quad } from '@ocr/contracts';
import { extentIn, frameOf, frameQuad, inkLevel, ruledColumns } from './box-frame.ts';
import { quadBounds, quadSize } from './geometry.ts';
import { readingAngle } from './page-turn.ts';

/** Boxes whose reading directions differ by less than this (radians, ~3°) may be parts of one line. */
const SAME_ANGLE = 0.05;
/** A piece shorter than this many times its height has no reliable direction of its own. */
const SHORT_PIECE = 2;
/** Parts of one line are about as tall as each other (a stacked tolerance beside a size is not)... */
const SAME_HEIGHT = 0.7;
/** ...and share most of their height. */
const SHARED_HEIGHT = 0.7;
/** A smaller piece is one with the line when this much of its length lies inside the line's box... */
const INSIDE = 0.5;
/** ...and it is at least this share of the line's height (a fragment of its glyphs). */
const FRAGMENT = 0.3;
/** A column of the overlap inked over this share of both boxes' height is a rule (a table's), not a glyph. */
const RULE_SHARE = 0.85;

function angleBetween(a: number, b: number): number {
  const d = Math.abs(a - b) % (2 * Math.PI);
  return Math.min(d, 2 * Math.PI - d);
}

/** Whether `a` and `b` are two overlapping pieces of one line of text. */
function piecesOfOneLine(page: PageImage, a: Quad, b: Quad): boolean {
  const [long, short] = quadSize(a).width >= quadSize(b).width ? [a, b] : [b, a];
  const angle = readingAngle(long);
  // A piece of a word or two is about square: the direction of its box says little.
  const { width, height } = quadSize(short);
  if (width >= SHORT_PIECE * height && angleBetween(angle, readingAngle(short)) > SAME_ANGLE) return false;
  const frame = frameOf(angle);
  const ea = extentIn(frame, a), eb = extentIn(frame, b);
  const ha = ea.v1 - ea.v0, hb = eb.v1 - eb.v0;
  const v0 = Math.max(ea.v0, eb.v0), v1 = Math.min(ea.v1, eb.v1);
  if (v1 - v0 < SHARED_HEIGHT * Math.min(ha, hb)) return false;
  const u0 = Math.max(ea.u0, eb.u0), u1 = Math.min(ea.u1, eb.u1);
  if (u1 <= u0) return false;
  if (Math.min(ha, hb) < SAME_HEIGHT * Math.max(ha, hb)) {
    // A small piece of the line (a glyph's fragment between two words, read as `1`) lies mostly
    // inside the line's box; a tolerance stacked beside a size only touches it.
    const [big, small] = ha > hb ? [ea, eb] : [eb, ea];
    const bigHeight = big.v1 - big.v0, length = small.u1 - small.u0;
    // A glyph or two, not a whole line inside a box around a seal or a blot.
    if (small.v1 - small.v0 < FRAGMENT * bigHeight || length > bigHeight) return false;
    if (u1 - u0 < INSIDE * length || small.v0 < big.v0 || small.v1 > big.v1) return false;
  }
  // Over the whole height of both: a rule runs through it, a glyph's stroke (`p`, `l`) does not.
  const band = { u0, u1, v0: Math.min(ea.v0, eb.v0), v1: Math.max(ea.v1, eb.v1) };
  const ink = inkLevel(page, frame, { ...band, u0: Math.min(ea.u0, eb.u0), u1: Math.max(ea.u1, eb.u1) });
  return ruledColumns(page, frame, band, RULE_SHARE, ink).length === 0;
}

/** Slope, in radians, of the least-squares line through points weighted by `weight`; 0 for under two. */
function slope(points: ReadonlyArray<{ u: number; v: number; weight: number }>): number {
  if (points.length < 2) return 0;
  const total = points.reduce((sum, p) => sum + p.weight, 0);
  const mu = points.reduce((sum, p) => sum + p.weight * p.u, 0) / total;
  const mv = points.reduce((sum, p) => sum + p.weight * p.v, 0) / total;
  const suu = points.reduce((sum, p) => sum + p.weight * (p.u - mu) ** 2, 0);
  const suv = points.reduce((sum, p) => sum + p.weight * (p.u - mu) * (p.v - mv), 0);
  return suu > 0 ? Math.atan(suv / suu) : 0;
}

/**
 * The box around `parts`, along the line through the middles of the long ones (a short piece's
 * direction and middle are noise), and as tall as the tallest: the plain box around two pieces
 * slanted 2° apart took in the next line. Corners as `readingQuad` gives them.
 */
function around(parts: readonly Quad[], others: readonly Quad[]): Quad {
  const longest = parts.reduce((a, b) => (quadSize(b).width > quadSize(a).width ? b : a));
  const base = frameOf(readingAngle(longest));
  const middles = parts
    .filter((part) => quadSize(part).width >= SHORT_PIECE * quadSize(part).height)
    .map((part) => {
      const e = extentIn(base, part);
      return { u: (e.u0 + e.u1) / 2, v: (e.v0 + e.v1) / 2, weight: e.u1 - e.u0 };
    });
  const frame = frameOf(readingAngle(longest) + slope(middles));
  const e = extentIn(frame, parts.flat());
  let v0 = Infinity, v1 = -Infinity;
  for (const part of parts) {
    const own = extentIn(frame, part);
    const half = quadSize(part).height / 2;
    v0 = Math.min(v0, (own.v0 + own.v1) / 2 - half);
    v1 = Math.max(v1, (own.v0 + own.v1) / 2 + half);
  }
  // A fragment joined at the end reaches no further than the next box along the line begins:
  // between `3.` and `Set`, the piece holding the point took in the edge of the S, read `3. 1`.
  const own = extentIn(frame, longest);
  let { u0, u1 } = e;
  // Only by a piece of text as tall as the line, running on past it: not by a speck inside it.
  for (const other of others) {
    const o = extentIn(frame, other);
    if (o.v1 - o.v0 < SAME_HEIGHT * (v1 - v0) || Math.min(v1, o.v1) - Math.max(v0, o.v0) < SHARED_HEIGHT * (v1 - v0)) continue;
    if (o.u0 >= own.u1 && o.u0 < u1 && o.u1 > e.u1) u1 = o.u0;
    if (o.u1 <= own.u0 && o.u1 > u0 && o.u0 < e.u0) u0 = o.u1;
  }
  return frameQuad(frame, { u0, u1, v0, v1 });
}

/**
 * Joins boxes the detector made of one line. Where it splits a line (a wide space in justified
 * text, small print), the unclipped pieces overlap, and each took in a glyph of the other: read
 * apart, `sometimes bursting` came out `sometimes s bursting`. Boxes with a ruled line between
 * them (a table's cells) are kept apart.
 */
export function joinSplitLines(page: PageImage, boxes: readonly Quad[]): Quad[] {
  const parent = boxes.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const bounds = boxes.map(quadBounds);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = bounds[i]!, b = bounds[j]!;
      if (a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top) continue;
      if (root(i) !== root(j) && piecesOfOneLine(page, boxes[i]!, boxes[j]!)) parent[root(j)] = root(i);
    }
  }
  const groups = new Map<number, Quad[]>();
  boxes.forEach((box, i) => {
    const group = groups.get(root(i));
    if (group) group.push(box);
    else groups.set(root(i), [box]);
  });
  const joined = [...groups.values()];
  return joined.map((parts) => {
    if (parts.length === 1) return parts[0]!;
    const reach = parts.map(quadBounds);
    const near = boxes.filter((box, i) => !parts.includes(box) && reach.some((r) => bounds[i]!.left < r.right && r.left < bounds[i]!.right && bounds[i]!.top < r.bottom && r.top < bounds[i]!.bottom));
    return around(parts, near);
  });
}
