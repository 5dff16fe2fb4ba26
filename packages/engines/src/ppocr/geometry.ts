import type { Point, Quad } from '@ocr/contracts';

/** A rotated rectangle: `u` is the unit reading direction, `v` the unit "down" direction. */
export interface RotatedRect {
  cx: number;
  cy: number;
  width: number;
  height: number;
  ux: number;
  uy: number;
}

/** Convex hull (monotone chain) of points given as a flat [x0, y0, x1, y1, ...] array. */
export function convexHull(xy: Float64Array): Float64Array {
  const n = xy.length / 2;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => xy[2 * a]! - xy[2 * b]! || xy[2 * a + 1]! - xy[2 * b + 1]!);
  const hull = new Int32Array(2 * n + 1);
  let k = 0;
  const cross = (o: number, a: number, b: number): number =>
    (xy[2 * a]! - xy[2 * o]!) * (xy[2 * b + 1]! - xy[2 * o + 1]!) - (xy[2 * a + 1]! - xy[2 * o + 1]!) * (xy[2 * b]! - xy[2 * o]!);
  for (const i of order) {
    while (k >= 2 && cross(hull[k - 2]!, hull[k - 1]!, i) <= 0) k--;
    hull[k++] = i;
  }
  for (let j = n - 2, lower = k + 1; j >= 0; j--) {
    const i = order[j]!;
    while (k >= lower && cross(hull[k - 2]!, hull[k - 1]!, i) <= 0) k--;
    hull[k++] = i;
  }
  const size = Math.max(1, k - 1);
  const out = new Float64Array(2 * size);
  for (let i = 0; i < size; i++) {
    out[2 * i] = xy[2 * hull[i]!]!;
    out[2 * i + 1] = xy[2 * hull[i]! + 1]!;
  }
  return out;
}

/** Minimum-area enclosing rectangle of a convex polygon (rotating calipers over its edges). */
export function minAreaRect(hull: Float64Array): RotatedRect {
  const n = hull.length / 2;
  let best: RotatedRect = { cx: hull[0]!, cy: hull[1]!, width: 0, height: 0, ux: 1, uy: 0 };
  let bestArea = Infinity;
  for (let e = 0; e < Math.max(1, n); e++) {
    const next = (e + 1) % n;
    let ux = hull[2 * next]! - hull[2 * e]!;
    let uy = hull[2 * next + 1]! - hull[2 * e + 1]!;
    const len = Math.hypot(ux, uy);
    if (len === 0) {
      ux = 1;
      uy = 0;
    } else {
      ux /= len;
      uy /= len;
    }
    let minU = Infinity, maxU = -Infinity, minV = Infinity, maxV = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = hull[2 * i]!, y = hull[2 * i + 1]!;
      const pu = x * ux + y * uy;
      const pv = -x * uy + y * ux;
      if (pu < minU) minU = pu;
      if (pu > maxU) maxU = pu;
      if (pv < minV) minV = pv;
      if (pv > maxV) maxV = pv;
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea) {
      bestArea = area;
      const mu = (minU + maxU) / 2, mv = (minV + maxV) / 2;
      best = { cx: mu * ux - mv * uy, cy: mu * uy + mv * ux, width: maxU - minU, height: maxV - minV, ux, uy };
    }
  }
  return towardsReading(best);
}

/** Turns a rectangle so that `u` is the side direction nearest to +x (and `v` points down). */
function towardsReading(rect: RotatedRect): RotatedRect {
  const { ux, uy } = rect;
  // The four candidate directions: u, v = (-uy, ux), -u, -v; pick the one with the largest x.
  const candidates: Array<[number, number, boolean]> = [
    [ux, uy, false],
    [-uy, ux, true],
    [-ux, -uy, false],
    [uy, -ux, true],
  ];
  let [bx, by, swap] = candidates[0]!;
  for (const [x, y, s] of candidates) if (x > bx) [bx, by, swap] = [x, y, s];
  return swap
    ? { ...rect, ux: bx, uy: by, width: rect.height, height: rect.width }
    : { ...rect, ux: bx, uy: by };
}

/** DB "unclip": grows the text kernel by area × ratio / perimeter on every side. */
export function unclip(rect: RotatedRect, ratio: number): RotatedRect {
  const perimeter = 2 * (rect.width + rect.height);
  if (perimeter === 0) return rect;
  const distance = (rect.width * rect.height * ratio) / perimeter;
  return { ...rect, width: rect.width + 2 * distance, height: rect.height + 2 * distance };
}

/** Corners clockwise from the top-left as read; tall boxes are read top to bottom (PaddleOCR's rot90). */
export function readingQuad(rect: RotatedRect): Quad {
  const { cx, cy, ux, uy } = rect;
  const vx = -uy, vy = ux;
  const hw = rect.width / 2, hh = rect.height / 2;
  const corner = (su: number, sv: number): Point => [cx + su * hw * ux + sv * hh * vx, cy + su * hw * uy + sv * hh * vy];
  const tl = corner(-1, -1), tr = corner(1, -1), br = corner(1, 1), bl = corner(-1, 1);
  return rect.height >= rect.width * 1.5 ? [tr, br, bl, tl] : [tl, tr, br, bl];
}

/** The same box read the other way round (text upside down). */
export function rotateQuad180(quad: Quad): Quad {
  return [quad[2], quad[3], quad[0], quad[1]];
}

/** Length of the reading edge and of the side edge. */
export function quadSize(quad: Quad): { width: number; height: number } {
  const [tl, tr, , bl] = quad;
  return { width: Math.hypot(tr[0] - tl[0], tr[1] - tl[1]), height: Math.hypot(bl[0] - tl[0], bl[1] - tl[1]) };
}

/** An axis-aligned rectangle in page pixels. */
export interface Bounds {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The axis-aligned rectangle around a (possibly slanted) box. */
export function quadBounds(quad: Quad): Bounds {
  const xs = quad.map(([x]) => x);
  const ys = quad.map(([, y]) => y);
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}

/** The box of an axis-aligned rectangle, its top edge first. */
export function boundsQuad({ left, top, right, bottom }: Bounds): Quad {
  return [[left, top], [right, top], [right, bottom], [left, bottom]];
}

/** Twice the signed area of a polygon: positive when its corners run clockwise on the page (y down). */
function doubledArea(points: readonly Point[]): number {
  let sum = 0;
  points.forEach(([x, y], i) => {
    const [nx, ny] = points[(i + 1) % points.length]!;
    sum += x * ny - nx * y;
  });
  return sum;
}

/** The area a box covers. */
export function quadArea(quad: Quad): number {
  return Math.abs(doubledArea(quad)) / 2;
}

/** The area two boxes (convex, at any angle) cover both: `a` clipped by each edge of `b`. */
export function quadOverlap(a: Quad, b: Quad): number {
  const turn = Math.sign(doubledArea(b)) || 1;
  let polygon: Point[] = [...a];
  for (let i = 0; i < 4 && polygon.length > 0; i++) {
    const [px, py] = b[i]!;
    const [qx, qy] = b[(i + 1) % 4]!;
    const side = ([x, y]: Point) => turn * ((qx - px) * (y - py) - (qy - py) * (x - px));
    const kept: Point[] = [];
    polygon.forEach((point, k) => {
      const previous = polygon[(k + polygon.length - 1) % polygon.length]!;
      const s = side(point), sp = side(previous);
      if ((s >= 0) !== (sp >= 0)) {
        const t = sp / (sp - s);
        kept.push([previous[0] + t * (point[0] - previous[0]), previous[1] + t * (point[1] - previous[1])]);
      }
      if (s >= 0) kept.push(point);
    });
    polygon = kept;
  }
  return polygon.length < 3 ? 0 : Math.abs(doubledArea(polygon)) / 2;
}

/** Whether `point` lies inside the box (convex, at any angle) or on its edge. */
export function quadContains(quad: Quad, [x, y]: Point): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const [ax, ay] = quad[i]!;
    const [bx, by] = quad[(i + 1) % 4]!;
    const cross = Math.sign((bx - ax) * (y - ay) - (by - ay) * (x - ax));
    if (cross === 0) continue;
    if (sign === 0) sign = cross;
    else if (cross !== sign) return false;
  }
  return true;
}
