import type { PageImage, Point, Quad } from '@ocr/contracts';
import { quadArea, quadBounds, quadContains, quadOverlap, quadSize, type Bounds } from './geometry.ts';
import { INK_LEVEL } from './ink-bounds.ts';
import { levelled } from './levelled.ts';
import { readingAngle } from './page-turn.ts';
import { surelyRead, type ReadLine } from './readings.ts';
import type { Detect } from './sideways-text.ts';

/**
 * Ink is looked at in cells of 2 × 2 page pixels where lines are at least this high (a quarter of
 * the cost); below it, the gaps between glyphs are a pixel or two and cells would join them.
 */
const COARSE_LINE = 24;
/**
 * Cells looked at, at most: larger cells on a larger sheet. The labels and the flood fill's stack
 * take 6 bytes a cell (48 MB); an A0 sheet at 300 dpi in 2 × 2 cells would take 200 MB.
 */
const MAX_CELLS = 8_000_000;
/** Lines read at least this surely are read: their ink is not looked at again. */
const SURE_LINE = 0.9;
/**
 * A glyph's ink spans, on its long side, between these shares of the page's line height (the
 * median line's, set mostly by a title block's text: a sheet may letter its sizes larger, a vector
 * Gripper sheet its tolerances at 1.4 times)...
 */
const GLYPH_MIN = 0.3;
const GLYPH_MAX = 1.6;
/** ...and a mark's (a degree sign's ring, a point) from this share up to a glyph's. */
const MARK_MIN = 0.12;
/** Glyphs closer than this (a share of the line height) across and down are of one run. */
const GLYPH_GAP = 0.6;
/** sin(2 × 15°): a run or box is slanted when it runs at least 15° off both axes of the page. */
const SLANT = 0.5;
/**
 * A run's ink spans across its axis (as measured below) between these shares of the line height,
 * as a glyph's does; digits measure about 1, their ink lying mostly at their edges...
 */
const ACROSS_MIN = 0.3;
const ACROSS_MAX = 1.3;
/** ...and along it at least this many times that. */
const LINE_LENGTH = 1.25;
/**
 * Page looked at around a run, in line heights: a glyph touching a drawing's line (an arc's
 * arrowhead) is not in the run, and the detector finds the whole line.
 */
const CONTEXT = 2.5;
/**
 * Glyphs whose strokes run this clearly (see `strokeGrid`: 1 for strokes all along two square
 * directions, 0 for none more than any other) and within this angle of the page's axes stand
 * level. A paper's figure's upright letters and digits measured 0.5–0.64 clear within 2° of the
 * axes; slanted sizes on drawings 0.12–0.52, within 16° of their line's angle.
 */
const CLEAR_GRID = 0.3;
const LEVEL_GRID = (10 * Math.PI) / 180;
/** ...and this far off the line's angle: a size at 70° may be lettered at 85°, near upright. */
const OFF_GRID = (20 * Math.PI) / 180;
/** Runs looked at, at most, on one page: each costs a detection. */
const MAX_RUNS = 48;
/** A line found slanted counts when read at least this surely and holding this many letters or digits. */
const MIN_CONFIDENCE = 0.8;
const MIN_CHARACTERS = 2;
/** Two boxes are one place when their overlap covers this share of the smaller. */
const SAME_PLACE = 0.3;
/**
 * A slanted line takes the place of lines read there only where each lies mostly inside it
 * (pieces of it) and it holds clearly more, as a sideways reading must; of pieces, more at all
 * (`+O.` and `40` for `+0.40`).
 */
const INSIDE = 0.6;
const MARGIN = 1.25;
/**
 * A degree sign's ring is under this share of a digit's size, and its ink spreads at most this
 * many times as far one way as the other.
 */
const DEGREE_SIZE = 0.5;
const ROUND = 3;
/**
 * A size whose last character the page shows to be a degree sign counts from this confidence:
 * that sign was what the recogniser doubted (`45°` read `450` at 0.797 on a vector sheet).
 */
const DEGREE_CONFIDENCE = 0.7;

/** A connected piece of ink the size of a glyph or a mark (a point, a degree sign), in page pixels. */
export interface Glyph extends Bounds {
  pixels: number;
  /** Centre of its ink. */
  x: number;
  y: number;
  /** Sums of squared distances from that centre, in page pixels²: how its ink spreads. */
  xx: number;
  yy: number;
  xy: number;
}

/** Whether a box or a run at `angle` (radians) is slanted on the page. */
function slanted(angle: number): boolean {
  return Math.abs(Math.sin(2 * angle)) >= SLANT;
}

function medianHeight(lines: readonly ReadLine[]): number {
  const heights = lines.map(({ box }) => quadSize(box).height).sort((a, b) => a - b);
  return heights[heights.length >> 1] ?? 0;
}

/** The pieces of ink the size of a glyph or a mark on the page, outside the lines read surely. */
function uncoveredPieces(page: PageImage, read: readonly ReadLine[], lineHeight: number): Glyph[] {
  const CELL = Math.max(lineHeight >= COARSE_LINE ? 2 : 1, Math.ceil(Math.sqrt((page.width * page.height) / MAX_CELLS)));
  const width = Math.ceil(page.width / CELL), height = Math.ceil(page.height / CELL);
  const ink = new Uint8Array(width * height);
  const level = INK_LEVEL * 3;
  for (let y = 0, i = 0; y < page.height; y++) {
    const row = ((y / CELL) | 0) * width;
    for (let x = 0; x < page.width; x++, i += 3) {
      if (page.data[i]! + page.data[i + 1]! + page.data[i + 2]! < level) ink[row + ((x / CELL) | 0)] = 1;
    }
  }
  // Cells inside a line read surely. A piece is that line's when its centre is: a box reaches past
  // its line's ink, over the edge of a tolerance stacked on it.
  const covered = new Uint8Array(width * height);
  for (const { box, confidence } of read) {
    if (confidence < SURE_LINE) continue;
    const b = quadBounds(box);
    for (let y = Math.max(0, Math.floor(b.top / CELL)); y < Math.min(height, Math.ceil(b.bottom / CELL)); y++) {
      for (let x = Math.max(0, Math.floor(b.left / CELL)); x < Math.min(width, Math.ceil(b.right / CELL)); x++) {
        if (quadContains(box, [(x + 0.5) * CELL, (y + 0.5) * CELL])) covered[y * width + x] = 1;
      }
    }
  }
  const glyphs: Glyph[] = [];
  const stack = new Int32Array(width * height);
  for (let seed = 0; seed < ink.length; seed++) {
    if (!ink[seed]) continue;
    ink[seed] = 0;
    let top = 0;
    stack[top++] = seed;
    let left = width, right = 0, up = height, down = 0, pixels = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    while (top > 0) {
      const p = stack[--top]!;
      const x = p % width, y = (p - x) / width;
      pixels++;
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
      if (x < left) left = x;
      if (x >= right) right = x + 1;
      if (y < up) up = y;
      if (y >= down) down = y + 1;
      for (let ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny++) {
        for (let nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx++) {
          const q = ny * width + nx;
          if (ink[q]) {
            ink[q] = 0;
            stack[top++] = q;
          }
        }
      }
    }
    const size = Math.max(right - left, down - up) * CELL;
    if (size < MARK_MIN * lineHeight || size > GLYPH_MAX * lineHeight) continue;
    const mx = sx / pixels, my = sy / pixels, area = CELL * CELL;
    if (covered[Math.round(my) * width + Math.round(mx)]) continue;
    glyphs.push({
      left: left * CELL,
      right: right * CELL,
      top: up * CELL,
      bottom: down * CELL,
      pixels,
      x: (mx + 0.5) * CELL,
      y: (my + 0.5) * CELL,
      xx: (sxx - pixels * mx * mx) * area,
      yy: (syy - pixels * my * my) * area,
      xy: (sxy - pixels * mx * my) * area,
    });
  }
  return glyphs;
}

/** Glyphs grouped into runs: each glyph with those closer than the gap to it, and theirs. */
function runsOf(glyphs: Glyph[], gap: number): Glyph[][] {
  const sorted = [...glyphs].sort((a, b) => a.left - b.left);
  const parent = sorted.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let a = 0; a < sorted.length; a++) {
    const g = sorted[a]!;
    for (let b = a + 1; b < sorted.length && sorted[b]!.left < g.right + gap; b++) {
      const h = sorted[b]!;
      if (Math.max(g.top, h.top) - Math.min(g.bottom, h.bottom) < gap) parent[root(a)] = root(b);
    }
  }
  const runs = new Map<number, Glyph[]>();
  sorted.forEach((glyph, i) => {
    const run = runs.get(root(i));
    if (run) run.push(glyph);
    else runs.set(root(i), [glyph]);
  });
  return [...runs.values()];
}

/** A run of glyphs along a slanted line: where it lies and the angle it runs at (radians, y down). */
interface SlantedRun {
  glyphs: readonly Glyph[];
  bounds: Bounds;
  angle: number;
  length: number;
}

/**
 * The angle, modulo a quarter turn, its glyphs' strokes run at (radians), and how clearly: from the
 * page's brightness gradients over the glyphs, each counted by its strength, at four times its angle.
 */
function strokeGrid(page: PageImage, parts: readonly Bounds[], inside: (point: Point) => boolean = () => true): { angle: number; clarity: number } {
  let c = 0, s = 0, total = 0;
  const at = (x: number, y: number) => {
    const i = (y * page.width + x) * 3;
    return page.data[i]! + page.data[i + 1]! + page.data[i + 2]!;
  };
  for (const part of parts) {
    for (let y = Math.max(1, Math.floor(part.top)); y < Math.min(page.height - 1, Math.ceil(part.bottom)); y++) {
      for (let x = Math.max(1, Math.floor(part.left)); x < Math.min(page.width - 1, Math.ceil(part.right)); x++) {
        if (!inside([x, y])) continue;
        const gx = at(x + 1, y - 1) + 2 * at(x + 1, y) + at(x + 1, y + 1) - at(x - 1, y - 1) - 2 * at(x - 1, y) - at(x - 1, y + 1);
        const gy = at(x - 1, y + 1) + 2 * at(x, y + 1) + at(x + 1, y + 1) - at(x - 1, y - 1) - 2 * at(x, y - 1) - at(x + 1, y - 1);
        const m = Math.hypot(gx, gy);
        if (m === 0) continue;
        const phi = Math.atan2(gy, gx);
        c += m * Math.cos(4 * phi);
        s += m * Math.sin(4 * phi);
        total += m;
      }
    }
  }
  return { angle: Math.atan2(s, c) / 4, clarity: total === 0 ? 0 : Math.hypot(c, s) / total };
}

/** How far apart two angles are as directions of strokes, which repeat every quarter turn (radians). */
function gridDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % (Math.PI / 2);
  return Math.min(d, Math.PI / 2 - d);
}

/**
 * Whether ink taken for a line at `angle` stands level: its strokes run clearly along the page's
 * axes, well off the line's angle. A letter and its superscript or subscript (`hⁿ`, `p₁₀`)
 * make such a slanted run of upright glyphs.
 */
function standsLevel(page: PageImage, angle: number, parts: readonly Bounds[], inside?: (point: Point) => boolean): boolean {
  const grid = strokeGrid(page, parts, inside);
  return grid.clarity >= CLEAR_GRID && gridDistance(grid.angle, 0) <= LEVEL_GRID && gridDistance(grid.angle, angle) >= OFF_GRID;
}

/** The angle (radians, y down) of the principal axis of a spread. */
function principalAngle(xx: number, yy: number, xy: number): number {
  return 0.5 * Math.atan2(2 * xy, xx - yy);
}

/**
 * The run's axis, when it is one slanted line: the line through its glyphs' centres (a glyph's own
 * ink, taller than wide, would tilt it across), or a lone piece's own axis where glyphs touch
 * (`30` as one piece). Its ink spans across the axis about a glyph's height (a drawing's stroke
 * spans its width, two lines twice a glyph's height), and along it more than that.
 */
function slantedRun(run: readonly Glyph[], lineHeight: number): SlantedRun | null {
  const total = run.reduce((sum, g) => sum + g.pixels, 0);
  const mx = run.reduce((sum, g) => sum + g.pixels * g.x, 0) / total;
  const my = run.reduce((sum, g) => sum + g.pixels * g.y, 0) / total;
  let cxx = 0, cyy = 0, cxy = 0, xx = 0, yy = 0, xy = 0;
  for (const g of run) {
    cxx += g.pixels * (g.x - mx) ** 2;
    cyy += g.pixels * (g.y - my) ** 2;
    cxy += g.pixels * (g.x - mx) * (g.y - my);
    xx += g.xx;
    yy += g.yy;
    xy += g.xy;
  }
  const angle = run.length > 1 ? principalAngle(cxx, cyy, cxy) : principalAngle(xx, yy, xy);
  // The whole ink's spread along the axis and across it; a band of ink h wide has variance h²/12.
  const cos = Math.cos(angle), sin = Math.sin(angle);
  const [sxx, syy, sxy] = [xx + cxx, yy + cyy, xy + cxy];
  const along = Math.sqrt((12 * (sxx * cos * cos + 2 * sxy * cos * sin + syy * sin * sin)) / total);
  const across = Math.sqrt((12 * Math.max(0, sxx * sin * sin - 2 * sxy * cos * sin + syy * cos * cos)) / total);
  if (!slanted(angle) || across < ACROSS_MIN * lineHeight || across > ACROSS_MAX * lineHeight || along < LINE_LENGTH * across) return null;
  const bounds = {
    left: Math.min(...run.map((g) => g.left)),
    top: Math.min(...run.map((g) => g.top)),
    right: Math.max(...run.map((g) => g.right)),
    bottom: Math.max(...run.map((g) => g.bottom)),
  };
  return { glyphs: run, bounds, angle, length: along };
}

/** Boxes of slanted lines detected around `run`, on its part of the page turned level. */
async function detectAround(detect: Detect, page: PageImage, run: SlantedRun, lineHeight: number): Promise<Quad[]> {
  const margin = Math.round(CONTEXT * lineHeight);
  const left = Math.max(0, run.bounds.left - margin), top = Math.max(0, run.bounds.top - margin);
  const right = Math.min(page.width, run.bounds.right + margin), bottom = Math.min(page.height, run.bounds.bottom + margin);
  // Bilinear: turned bicubic, Candle_holder's slanted `60,0°` lost its degree sign.
  const { image: level, toPage } = await levelled(page, { left, top, right, bottom }, run.angle, 'bilinear');
  const found = await detect(level, { left: 0, top: 0, right: level.width, bottom: level.height });
  return found
    .map((box) => box.map(toPage) as Quad)
    .filter((box) => {
      const b = quadBounds(box);
      const meets = b.left < run.bounds.right && run.bounds.left < b.right && b.top < run.bounds.bottom && run.bounds.top < b.bottom;
      return meets && slanted(readingAngle(box));
    });
}

/** What the slanted pass found: boxes to read, and the pieces of ink (glyphs and marks) it found them by. */
export interface SlantedFinds {
  boxes: Quad[];
  pieces: Glyph[];
}

/**
 * Boxes of short lines set at a slant that the detector, trained on level text, missed or cut
 * short: a drawing's angle sizes (`45°` along its arc) and sizes along slanted edges (`CH 5`).
 * Glyph-sized ink outside the lines read surely is grouped into runs; each run that lies along a
 * slanted line is detected again on its part of the page turned level.
 */
export async function findSlantedLines(detect: Detect, page: PageImage, read: readonly ReadLine[]): Promise<SlantedFinds> {
  const lineHeight = medianHeight(read);
  if (lineHeight === 0) return { boxes: [], pieces: [] };
  const pieces = uncoveredPieces(page, read, lineHeight);
  const glyphs = pieces.filter((piece) => Math.max(piece.right - piece.left, piece.bottom - piece.top) >= GLYPH_MIN * lineHeight);
  const runs = runsOf(glyphs, GLYPH_GAP * lineHeight)
    .map((run) => slantedRun(run, lineHeight))
    .filter((run): run is SlantedRun => run !== null && !standsLevel(page, run.angle, run.glyphs))
    .sort((a, b) => b.length - a.length)
    .slice(0, MAX_RUNS);
  const boxes: Quad[] = [];
  for (const run of runs) {
    // A box found around the run may hold level glyphs beside it, read along the slant.
    const found = await detectAround(detect, page, run, lineHeight);
    boxes.push(...found.filter((box) => !standsLevel(page, readingAngle(box), [quadBounds(box)], (point) => quadContains(box, point))));
  }
  return { boxes, pieces };
}

/** Whether a piece's ink spreads about as far every way, as a ring's does (a dash's runs one way). */
function roundish(piece: Glyph): boolean {
  const half = (piece.xx + piece.yy) / 2;
  const spread = Math.sqrt(Math.max(0, half * half - (piece.xx * piece.yy - piece.xy * piece.xy)));
  return half + spread <= ROUND * (half - spread);
}

/**
 * A size read off a slanted crop ends where the page shows a degree sign: a ring under half the
 * size of the digits before it, on the top half of the line (a dimension line's end is a dash). The recogniser read the ring as `0`,
 * `o` or `?` (`45°` read `450`), or left it out (`45,0°` read `45,0`: the line shows a piece more
 * than it has characters).
 */
function withDegreeSign(line: ReadLine, pieces: readonly Glyph[]): ReadLine {
  const misread = /\d[0oO?]$/.test(line.text);
  if (!misread && !/\d$/.test(line.text)) return line;
  const [tl, tr, , bl] = line.box;
  const along = quadSize(line.box).width, across = quadSize(line.box).height;
  const ux = (tr[0] - tl[0]) / along, uy = (tr[1] - tl[1]) / along;
  const vx = (bl[0] - tl[0]) / across, vy = (bl[1] - tl[1]) / across;
  const inside = pieces
    .filter((g) => quadContains(line.box, [g.x, g.y]))
    .map((g) => ({ at: (g.x - tl[0]) * ux + (g.y - tl[1]) * uy, down: (g.x - tl[0]) * vx + (g.y - tl[1]) * vy, size: Math.max(g.right - g.left, g.bottom - g.top), round: roundish(g) }))
    .sort((a, b) => a.at - b.at);
  const last = inside.at(-1);
  if (!last || inside.length < 2) return line;
  const sizes = inside.slice(0, -1).map((g) => g.size).sort((a, b) => a - b);
  const digit = sizes[sizes.length >> 1]!;
  if (last.size >= DEGREE_SIZE * digit || last.down >= across / 2 || !last.round) return line;
  if (inside.length > line.text.replace(/\s/g, '').length) return { ...line, text: `${line.text}°` };
  return misread ? { ...line, text: `${line.text.slice(0, -1)}°` } : line;
}

/**
 * Dashes and points after a slanted size's last digit: its dimension line runs along it, and the
 * crop turned level reads the line's end beside the text (`20-`, `145..`). No size ends so.
 */
const DIMENSION_LINE_END = /(?<=\d)\s?[-.·_–—]+$/u;

function withoutLineEnd(line: ReadLine): ReadLine {
  const end = DIMENSION_LINE_END.exec(line.text)?.[0];
  if (!end) return line;
  return { ...line, text: line.text.slice(0, -end.length), characters: line.characters - end.trim().length };
}

/** A size alone in its line, with its dimension line's end read after it (`60-`, `85.0-`). */
const SIZE_AND_LINE_END = /^\d+(?:[.,]\d+)?\s?[-_–—]+$/u;

/**
 * A drawing's level sizes without their dimension line's end: the detector boxes an arrow's
 * line with the size it ends at (`30-`, `55.3-`: 20 sizes on 15 of 182 drawings from the web).
 */
export function withoutSizeLineEnds(lines: readonly ReadLine[]): ReadLine[] {
  return lines.map((line) => (SIZE_AND_LINE_END.test(line.text) ? withoutLineEnd(line) : line));
}

function samePlace(a: Quad, b: Quad): boolean {
  const overlap = quadOverlap(a, b);
  return overlap > 0 && overlap >= SAME_PLACE * Math.min(quadArea(a), quadArea(b));
}

/**
 * The page's reading with the slanted lines added: where nothing was read, or in place of the
 * pieces of one read before (`+0` of `+0.40`). A slanted line found twice (two runs near each
 * other) is taken once, the surer.
 */
export function mergeSlantedReading(lines: readonly ReadLine[], slantedLines: readonly ReadLine[], pieces: readonly Glyph[]): ReadLine[] {
  let merged = [...lines];
  const candidates = slantedLines
    .map((read) => {
      const trimmed = withoutLineEnd(read);
      const line = withDegreeSign(trimmed, pieces);
      return { line, floor: line === trimmed ? MIN_CONFIDENCE : DEGREE_CONFIDENCE };
    })
    .filter(({ line, floor }) => line.confidence >= floor && (line.text.match(/[\p{L}\p{Nd}]/gu)?.length ?? 0) >= MIN_CHARACTERS)
    .map(({ line }) => line)
    .sort((a, b) => surelyRead([b]) - surelyRead([a]));
  for (const line of candidates) {
    const met = merged.filter((other) => samePlace(line.box, other.box));
    if (met.length === 0) merged.push(line);
    else if (met.every((other) => quadOverlap(line.box, other.box) >= INSIDE * quadArea(other.box)) && surelyRead([line]) > (met.length > 1 ? 1 : MARGIN) * surelyRead(met)) {
      merged = [...merged.filter((other) => !met.includes(other)), line];
    }
  }
  return merged;
}
