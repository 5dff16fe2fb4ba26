import type { PageImage, Quad } from '@ocr/contracts';
import { extentIn, frameOf, inkLevel, paperPixel, pixelOffset, type Extent, type Frame } from './box-frame.ts';
import { pageSkew, readingAngle, skewOf } from './page-turn.ts';
import { onDarkGround } from './ruled-cells.ts';

/** An underline lies below this share of the box's height, measured from its top: under the glyphs' middle. */
const BELOW = 0.6;
/** ...and may lie this share of the box's height below it: the detector's box can stop on the underline. */
const PAST = 0.15;
/**
 * An underline runs unbroken for at least this many box heights. A glyph's foot (`L`, `Z`, `二`)
 * is under one (the box takes in paper above and below the glyphs); a link as short as `7th` runs 1.1.
 */
const MIN_RUN = 1;
/**
 * A line with another over this share of its length above the glyphs' middle, and sides between
 * them, is a frame's edge (an icon's square after a line, Murata's `page. ↗`, read `[` without
 * it; a boxed label), not an underline: text's tops leave gaps.
 */
const FRAME_TOP = 0.8;
/**
 * Along at least this share of its run an underline has the text's ink above it. A form's blank
 * (`Name: ______`) has none, and is read as underscores; a dash (`——`) lies across the glyphs'
 * middle, above `BELOW`.
 */
const TEXT_ABOVE = 0.5;
/**
 * A line running on this many box heights past the box's end or start is a table's rule, not the
 * text's: a cell's text may stand on it, but the rules beside it are told by the borders that
 * meet them (see `splitAtRules`), and a box reaching into the next cell reads its glyph's half
 * differently without them.
 */
const RULE_RUNS_ON = 0.5;
/**
 * An underline is at most this share of the box's height thick, counting the rows inked nearly all
 * along it (`SOLID`); thicker is a bar (Fairchild's logo under `FAIRCHILD`, whose top row painted
 * out read `FAIRCHILD..`), a filled cell, or bold letters' feet run together (its `L` and `D`, 6
 * rows in a 31 px box).
 */
const MAX_THICKNESS = 0.15;
/** A row of a line is inked over this share of its length; the glyphs standing on an underline leave gaps. */
const SOLID = 0.85;
/**
 * A box whose own skew is within this (radians: 3°) of the page's is measured along the page's:
 * the detector draws a level line's box a degree or so off, and along a 270 px link that put its
 * underline across five rows of the box, none of them inked from end to end.
 */
const NEAR_SKEW = (3 * Math.PI) / 180;

/**
 * A stretch along `u` inked in row `v` or the row below it: a line a degree off the box's
 * direction (the detector's boxes are drawn to a degree or so) steps a row along its length.
 */
interface Run {
  v: number;
  u0: number;
  u1: number;
}

function isInk(page: PageImage, frame: Frame, u: number, v: number, ink: number): boolean {
  const i = pixelOffset(page, frame, u + 0.5, v + 0.5);
  return i !== undefined && page.data[i]! + page.data[i + 1]! + page.data[i + 2]! < ink;
}

/** Which pixels of row `v` are ink, from `u0` on: `length` of them. */
function inkRow(page: PageImage, frame: Frame, v: number, u0: number, length: number, ink: number): Uint8Array {
  const row = new Uint8Array(length);
  for (let i = 0; i < length; i++) row[i] = isInk(page, frame, u0 + i, v, ink) ? 1 : 0;
  return row;
}

/** The long runs (see `MIN_RUN`) inked in row `v` or the row below it, given as `here` and `below` from `u0`. */
function longRuns(here: Uint8Array, below: Uint8Array, v: number, u0: number, minLength: number): Run[] {
  const runs: Run[] = [];
  let start: number | undefined;
  for (let i = 0; i <= here.length; i++) {
    const inked = i < here.length && (here[i] === 1 || below[i] === 1);
    if (inked && start === undefined) start = i;
    if (!inked && start !== undefined) {
      if (i - start >= minLength) runs.push({ v, u0: u0 + start, u1: u0 + i });
      start = undefined;
    }
  }
  return runs;
}

/**
 * Whether the line at row `v` stays inked from `from` for `length` pixels in direction `step`,
 * in that row or one to two rows off it: a box drawn a degree off its row drifts off a long rule.
 */
function inkedOn(page: PageImage, frame: Frame, v: number, from: number, length: number, step: 1 | -1, ink: number): boolean {
  for (let i = 0; i < length; i++) {
    const u = from + i * step;
    if (![v - 1, v, v + 1, v + 2].some((row) => isInk(page, frame, u, row, ink))) return false;
  }
  return true;
}

/** Whether column `u` (or one within 2 px of it) is inked over nearly all (0.9) of its rows from `top` to `bottom`. */
function sideFrom(page: PageImage, frame: Frame, u: number, top: number, bottom: number, ink: number): boolean {
  for (let d = -2; d <= 2; d++) {
    let inked = 0;
    for (let v = top; v <= bottom; v++) if (isInk(page, frame, u + d, v, ink)) inked++;
    if (inked >= 0.9 * (bottom - top + 1)) return true;
  }
  return false;
}

/**
 * Whether `run` is a frame's bottom edge (see `FRAME_TOP`): a line as long lies over it in the
 * box's upper rows, and sides rise from its ends to it. The line above's underline can lie in the
 * box's margin too, with no sides.
 */
function framed(page: PageImage, frame: Frame, extent: Extent, run: Run, ink: number): boolean {
  const height = extent.v1 - extent.v0;
  for (let v = Math.floor(extent.v0 - PAST * height); v <= Math.ceil(extent.v0 + (1 - BELOW) * height); v++) {
    let inked = 0;
    for (let u = run.u0; u < run.u1; u++) if (isInk(page, frame, u, v, ink) || isInk(page, frame, u, v + 1, ink)) inked++;
    if (inked < FRAME_TOP * (run.u1 - run.u0)) continue;
    if (sideFrom(page, frame, run.u0, v + 1, run.v, ink) && sideFrom(page, frame, run.u1 - 1, v + 1, run.v, ink)) return true;
  }
  return false;
}

/** Share of a run's columns inked in row `v`. */
function inkedAlong(page: PageImage, frame: Frame, run: Run, v: number, ink: number): number {
  let inked = 0;
  for (let u = run.u0; u < run.u1; u++) if (isInk(page, frame, u, v, ink)) inked++;
  return inked / (run.u1 - run.u0);
}

/** Rows inked nearly all along `run` (see `SOLID`): in its band, from `top` to the run's lower row, and on over and under the band. */
function thickness(page: PageImage, frame: Frame, run: Run, top: number, ink: number): number {
  let rows = 0;
  for (let v = top; v <= run.v + 1; v++) if (inkedAlong(page, frame, run, v, ink) >= SOLID) rows++;
  for (let v = top - 1; inkedAlong(page, frame, run, v, ink) >= SOLID; v--) rows++;
  for (let v = run.v + 2; inkedAlong(page, frame, run, v, ink) >= SOLID; v++) rows++;
  return rows;
}

/** Share of a run's columns with ink above it, between the box's top and `gap` pixels over the run. */
function inkAbove(page: PageImage, frame: Frame, extent: Extent, run: Run, gap: number, ink: number): number {
  let covered = 0;
  for (let u = run.u0; u < run.u1; u++) {
    for (let v = Math.ceil(extent.v0); v < run.v - gap; v++) {
      if (isInk(page, frame, u, v, ink)) {
        covered++;
        break;
      }
    }
  }
  return covered / (run.u1 - run.u0);
}

/** An underline: the runs it is found in (see `Run`), and its rows of ink. */
export interface Underline {
  runs: Run[];
  top: number;
  bottom: number;
}

/** The frame a box is measured in: along the page's `skew` where its own is near it (see `NEAR_SKEW`). */
function boxFrame(box: Quad, skew: number): Frame {
  const angle = readingAngle(box);
  const own = skewOf(angle);
  return frameOf(Math.abs(own - skew) <= NEAR_SKEW ? angle - own + skew : angle);
}

/** The lines ruled under a box's text, on a page whose lines run `skew` off level; none where it has none. */
export function underlinesIn(page: PageImage, box: Quad, skew = 0): Underline[] {
  const frame = boxFrame(box, skew);
  const extent = extentIn(frame, box);
  const height = extent.v1 - extent.v0;
  // Light print on a dark band (a heading's bar) has the band's rows for ink under it.
  if (height < 1 || onDarkGround(page, frame, extent)) return [];
  const ink = inkLevel(page, frame, extent);
  const found: Underline[] = [];
  let band: Run[] = [];
  // Consecutive rows with long runs make one line (see `thickness` for how thick it may be).
  const close = () => {
    if (band.length > 0) {
      const top = Math.min(...band.map((run) => run.v));
      const runs = band.filter(
        (run) =>
          inkAbove(page, frame, extent, { ...run, v: top }, 1, ink) >= TEXT_ABOVE &&
          thickness(page, frame, run, top, ink) <= Math.max(2, MAX_THICKNESS * height) &&
          !framed(page, frame, extent, run, ink),
      );
      // A run at row v is inked at v or the row below: the row above the line's ink has runs too.
      if (runs.length > 0) found.push({ runs, top: top + 1, bottom: Math.max(top + 1, ...band.map((run) => run.v)) });
    }
    band = [];
  };
  const reach = Math.ceil(RULE_RUNS_ON * height);
  const u0 = Math.ceil(extent.u0), length = Math.floor(extent.u1) - u0 + 1;
  const first = Math.ceil(extent.v0 + BELOW * height);
  let below = inkRow(page, frame, first, u0, length, ink);
  for (let v = first; v <= Math.floor(extent.v1 + PAST * height); v++) {
    const here = below;
    below = inkRow(page, frame, v + 1, u0, length, ink);
    const runs = longRuns(here, below, v, u0, MIN_RUN * height).filter(
      (run) => !inkedOn(page, frame, v, run.u1, reach, 1, ink) && !inkedOn(page, frame, v, run.u0 - 1, reach, -1, ink),
    );
    if (runs.length === 0) close();
    else band.push(...runs);
  }
  close();
  return found;
}

/**
 * The page with the lines ruled under its boxes' text painted over in the paper's colour, or
 * undefined where none is. The recogniser reads an underline as part of the glyphs standing on
 * it: a link's `7th` read `Zth`, its `Illinois` `llinois`.
 */
export function withoutUnderlines(page: PageImage, boxes: readonly Quad[]): PageImage | undefined {
  let cleared: Uint8Array | undefined;
  const skew = pageSkew(boxes);
  for (const box of boxes) {
    const underlines = underlinesIn(page, box, skew);
    if (underlines.length === 0) continue;
    cleared ??= new Uint8Array(page.data);
    const frame = boxFrame(box, skew);
    const extent = extentIn(frame, box);
    const at = paperPixel(page, frame, extent);
    const paper = at === undefined ? [255, 255, 255] : [page.data[at]!, page.data[at + 1]!, page.data[at + 2]!];
    const ink = inkLevel(page, frame, extent);
    for (const { runs, top, bottom } of underlines) {
      for (const run of runs) {
        // A pixel past each end too: the line's antialiased end, left, read as a stop (`goertek.com.`).
        for (let u = run.u0 - 1; u <= run.u1; u++) {
          // A descender or a comma's tail crossing the line (`y`, `J`, `,`) runs on below it: it stays whole.
          if (isInk(page, frame, u, bottom + 1, ink)) continue;
          for (let v = top; v <= bottom; v++) {
            const at = pixelOffset(page, frame, u + 0.5, v + 0.5);
            if (at !== undefined) cleared.set(paper, at);
          }
        }
      }
    }
  }
  return cleared && { ...page, data: cleared };
}
