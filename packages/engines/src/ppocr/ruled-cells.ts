import type { PageImage, Quad } from '@ocr/contracts';
import { extentIn, frameOf, inkedShare, inkLevel, pixelOffset, ruledColumns, type Extent, type Frame } from './box-frame.ts';
import { BLANK_INK, inkProfile, subQuad } from './long-lines.ts';
import { readingAngle } from './page-turn.ts';

/** A column inked over this share of the box's height crosses it... */
const CROSSING = 0.9;
/**
 * ...and is a table's rule when it runs on past the box, above or below, for this many box
 * heights. A glyph's stroke ends inside its line's box (the detector's box takes in paper above
 * and below the glyphs), and a `|` in a line of text ends with the line.
 */
const RUNS_ON = 1;
/** A cell's border meeting a rule runs at least this many box heights from it. */
const CROSS_RULE = 0.5;
/** A border may lie this far (box heights) inside the box's top or bottom: the detector's box takes in a little of the row's edge. */
const EDGE_ROWS = 0.15;
/** Paper beside a rule is light in every channel: a poster's coloured ground is none. */
const PAPER_LEVEL = 160;
/**
 * A table's rules are black or grey; a line whose channels differ by more than this is a frame
 * drawn over the page (a red box round a stamp's text) or a poster's shape, which crosses glyphs.
 */
const COLOURED = 80;
/**
 * A rule is darker than the paper beside it by at least this much (sum of R, G, B), down its
 * length: a dim photo's grey paper passes for ink against the page's lightest print.
 */
const RULE_CONTRAST = 3 * 50;
/** Columns sampled (8 points down each) to tell a dark ground. */
const GROUND_SAMPLES = 32;
/** Beside a rule, under this share of a column is inked (a cell's border crosses it). */
const PAPER = 0.5;
/** A rule is thinner than this share of the box's height; a wider bar is a blot or a filled cell. */
const RULE_WIDTH = 0.3;
/** A rule's column may drift this many pixels (a box drawn a degree or two off its row). */
const DRIFT = 1;
/** Pixels either side of a rule left out of the pieces too: its antialiased edge. */
const EDGE = 1;
/**
 * A cell between rules is at least this many box heights long, or the rules beside it stay: in
 * an account book's grid of one character a cell (`千百十万千百十元角分`), 0.5 box heights
 * each, the characters cut apart read as noise, and whole as printed.
 */
const MIN_CELL = 1;
/** A piece holds text when it has ink this far (box heights) from the rules: not a rule's edge alone. */
const CLEAR = 0.1;

/**
 * A box cut where a table's rules cross it into the stretches of text between them, to be read
 * one by one; the box itself stays one line on the page. Where a cell's text stands against its
 * rules the detector draws one box across the row, and read whole the rules came out as `|`, `l`
 * or nothing: `Processing|total chunks|mean chunks per document`, `M101.5 49`. Stretches without
 * ink (the rule at a box's end, an empty cell) are left out.
 */
export function splitAtRules(page: PageImage, box: Quad): Quad[] {
  const frame = frameOf(readingAngle(box));
  const extent = extentIn(frame, box);
  const height = extent.v1 - extent.v0;
  const ink = inkLevel(page, frame, extent);
  if (onDarkGround(page, frame, extent)) return [box];
  const rules = ruleRuns(ruledColumns(page, frame, extent, CROSSING, ink, DRIFT)).filter(
    ([from, to]) => to - from + 1 <= RULE_WIDTH * height && runsOn(page, frame, extent, from, to, ink) && meetsCrossRule(page, frame, extent, from, to, ink),
  );
  if (rules.length === 0) return [box];
  const length = extent.u1 - extent.u0;
  const profile = inkProfile(page, box, Math.ceil(length));
  // The stretches between the rules, as fractions of the box, and whether each holds text.
  const bounds = [0, ...rules.flatMap(([from, to]) => [(from - EDGE - extent.u0) / length, (to + 1 + EDGE - extent.u0) / length]), 1];
  const clear = (CLEAR * height) / length;
  const cells = rules.map((_, i) => [bounds[2 * i]!, bounds[2 * i + 1]!] as const);
  cells.push([bounds.at(-2)!, 1]);
  const inked = cells.map(([a, b], i) => holdsInk(profile, a + (i > 0 ? clear : 0), b - (i < rules.length ? clear : 0)));
  const narrow = cells.map(([a, b], i) => inked[i]! && (b - a) * length < MIN_CELL * height);
  // A rule between cells of a glyph each is kept: see MIN_CELL.
  const cut = rules.map((_, i) => !narrow[i] && !narrow[i + 1]);
  if (!cut.includes(true)) return [box];
  const pieces: Quad[] = [];
  let from = 0, holds = false;
  cells.forEach(([, end], i) => {
    holds ||= inked[i]!;
    if (i < rules.length && !cut[i]) return;
    if (holds) pieces.push(subQuad(box, from, i < rules.length ? end : 1));
    from = bounds[2 * i + 2] ?? 1;
    holds = false;
  });
  return pieces;
}

/**
 * Whether the box's print stands on something other than light paper: its middling pixel is dark
 * or coloured (a terminal, a book's cover, a poster), where the ground between the glyphs runs on
 * past the box like a rule.
 */
export function onDarkGround(page: PageImage, frame: Frame, extent: Extent): boolean {
  const lows: number[] = [];
  for (let i = 0; i < GROUND_SAMPLES; i++) {
    for (let j = 0; j < 8; j++) {
      const at = pixelOffset(page, frame, extent.u0 + ((i + 0.5) / GROUND_SAMPLES) * (extent.u1 - extent.u0), extent.v0 + ((j + 0.5) / 8) * (extent.v1 - extent.v0));
      if (at !== undefined) lows.push(Math.min(page.data[at]!, page.data[at + 1]!, page.data[at + 2]!));
    }
  }
  lows.sort((a, b) => a - b);
  return (lows[lows.length >> 1] ?? 0) < PAPER_LEVEL;
}

/** Runs of neighbouring whole-pixel positions, as [first, last]. */
function ruleRuns(positions: readonly number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const u of positions) {
    const last = runs.at(-1);
    if (last && u === last[1] + 1) last[1] = u;
    else runs.push([u, u]);
  }
  return runs;
}

/**
 * Whether one of the columns from `from` to `to` stays inked for RUNS_ON box heights beyond the
 * box, above or below, as a black or grey line clearly darker than the light paper beside it (a
 * glyph of the next row may stand against its other side), in a region mostly paper: on a dark
 * or coloured ground (a terminal, a poster) the ground between glyphs runs on as dark.
 */
function runsOn(page: PageImage, frame: Frame, extent: Extent, from: number, to: number, ink: number): boolean {
  const reach = RUNS_ON * (extent.v1 - extent.v0);
  const beyond: Array<[number, number]> = [[extent.v1, extent.v1 + reach], [extent.v0 - reach, extent.v0]];
  return beyond.some(([v0, v1]) => {
    const share = (u: number, spread = 0) => inkedShare(page, frame, u, v0, v1, ink, spread);
    const paper = [from - 1 - 2 * DRIFT, to + 1 + 2 * DRIFT].filter((u) => share(u) < PAPER).map((u) => meanColour(page, frame, u, v0, v1)).filter(isPaper);
    if (paper.length === 0 || groundAround(page, frame, from, to, v0, v1, ink) >= PAPER) return false;
    const lightest = Math.max(...paper.map(sum));
    for (let u = from; u <= to; u++) {
      const colour = meanColour(page, frame, u, v0, v1);
      if (share(u, DRIFT) >= CROSSING && !isColoured(colour) && lightest - sum(colour) >= RULE_CONTRAST) return true;
    }
    return false;
  });
}

/**
 * Whether a rule across the frame's other way meets the one from `from` to `to` near the box: a
 * cell's border above or below the row, running CROSS_RULE box heights or more to either side. A
 * line across text that meets none (a frame drawn over a page, a glyph's stroke that lines up
 * with the next line's) is no table's.
 */
function meetsCrossRule(page: PageImage, frame: Frame, extent: Extent, from: number, to: number, ink: number): boolean {
  const height = extent.v1 - extent.v0, reach = RUNS_ON * height, span = CROSS_RULE * height;
  const across: Frame = { ux: frame.vx, uy: frame.vy, vx: frame.ux, vy: frame.uy };
  const left = from - 1 - DRIFT, right = to + 1 + DRIFT;
  const edges: Array<[number, number]> = [[extent.v0 - reach, extent.v0 + EDGE_ROWS * height], [extent.v1 - EDGE_ROWS * height, extent.v1 + reach]];
  return edges.some(([v0, v1]) => {
    for (let v = Math.round(v0); v <= v1; v++) {
      if (inkedShare(page, across, v, left - span, left, ink, DRIFT) >= CROSSING) return true;
      if (inkedShare(page, across, v, right, right + span, ink, DRIFT) >= CROSSING) return true;
    }
    return false;
  });
}

/**
 * The share inked of the region from `v0` to `v1` either side of a rule, half the region's
 * length each way: the next row's paper and print beside a table's rule, a poster's ground
 * beside a glyph's stroke that lines up with it.
 */
function groundAround(page: PageImage, frame: Frame, from: number, to: number, v0: number, v1: number, ink: number): number {
  const reach = (v1 - v0) / 2;
  let share = 0, n = 0;
  for (let d = 2 + DRIFT; d <= reach; d += 2) {
    share += inkedShare(page, frame, from - d, v0, v1, ink) + inkedShare(page, frame, to + d, v0, v1, ink);
    n += 2;
  }
  return n === 0 ? 0 : share / n;
}

/** The mean colour of the line across the frame at `u`, from `v0` to `v1`. */
function meanColour(page: PageImage, frame: Frame, u: number, v0: number, v1: number): [number, number, number] {
  let r = 0, g = 0, b = 0, n = 0;
  for (let v = v0 + 0.5; v < v1; v++) {
    const i = pixelOffset(page, frame, u, v);
    if (i === undefined) continue;
    r += page.data[i]!;
    g += page.data[i + 1]!;
    b += page.data[i + 2]!;
    n++;
  }
  return n === 0 ? [0, 0, 0] : [r / n, g / n, b / n];
}

function sum(rgb: readonly number[]): number {
  return rgb.reduce((a, b) => a + b, 0);
}

function isPaper(rgb: readonly number[]): boolean {
  return Math.min(...rgb) >= PAPER_LEVEL;
}

function isColoured(rgb: readonly number[]): boolean {
  return Math.max(...rgb) - Math.min(...rgb) > COLOURED;
}

/** Whether the profile holds ink between two fractions of the box's length. */
function holdsInk(profile: Uint8Array, a: number, b: number): boolean {
  if (b <= a) return false;
  for (let j = Math.floor(a * profile.length); j < Math.min(profile.length, Math.ceil(b * profile.length)); j++) {
    if (profile[j]! > BLANK_INK) return true;
  }
  return false;
}
