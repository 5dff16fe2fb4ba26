import type { PageImage, Quad } from '@ocr/contracts';
import { extentIn, frameOf, frameQuad, inkedShare, inkLevel, ruledColumns } from './box-frame.ts';
import { quadSize } from './geometry.ts';
import { readingAngle } from './page-turn.ts';

/** A column inked over this share of a box's whole height, and on past it, is a rule running through it. */
const THROUGH = 0.9;
/** Rules this many box heights from a box's ends are its cell's borders, which unclipping reaches. */
const END_MARGIN = 0.5;
/** How far past a box, in box heights, a rule runs on above or below it. */
const BEYOND = 0.3;
/** Beside a rule, past the box, at most this share is ink: paper. */
const SIDE_INK = 0.5;
/** A rule is at most this many box heights wide, and at least... */
const RULE_WIDTH = 0.15;
/** ...this many pixels, in small print. */
const MIN_RULE_WIDTH = 3;
/** Boxes shorter than this many heights are left whole. */
const MIN_LENGTH = 2;
/** A piece shorter than this many box heights holds no text. */
const MIN_PIECE = 0.25;

/** Runs of neighbouring positions, [first, last], no wider than `widest`: a rule, not a blot or a bold stem. */
function thinRuns(positions: readonly number[], widest: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const u of positions) {
    const last = runs.at(-1);
    if (last && last[1] === u - 1) last[1] = u;
    else runs.push([u, u]);
  }
  return runs.filter(([first, last]) => last - first + 1 <= widest);
}

/**
 * Cuts a box at the ruled lines running through it. Where text comes close to its cell's rule,
 * the detector boxes the text of two cells as one line, read across the rule between them:
 * `螺栓 M8×20 | 4` came out `M8×204` (or `M8×2p4`, the rule read as a glyph). Each piece is then
 * read as a cell of its own.
 */
export function cutAtRules(page: PageImage, boxes: readonly Quad[]): Quad[] {
  return boxes.flatMap((box) => {
    const { width, height } = quadSize(box);
    // Two cells' text at least: a short box (a footnote's mark) holds no rule worth a cut.
    if (width < MIN_LENGTH * height) return [box];
    const frame = frameOf(readingAngle(box));
    const e = extentIn(frame, box);
    const h = e.v1 - e.v0;
    const margin = END_MARGIN * h;
    const beyond = BEYOND * h;
    const ink = inkLevel(page, frame, e);
    const inside = ruledColumns(page, frame, { ...e, u0: e.u0 + margin, u1: e.u1 - margin }, THROUGH, ink);
    // A Han character's stroke may span a tight box; a rule also runs on past it, above or below,
    // with paper on either side of it there (not a gap between light letters on a dark ground).
    const runsOn = ([first, last]: [number, number], v0: number, v1: number): boolean => {
      const side = last - first + 3;
      if (inkedShare(page, frame, first - side, v0, v1, ink) >= SIDE_INK || inkedShare(page, frame, last + side, v0, v1, ink) >= SIDE_INK) return false;
      for (let u = first; u <= last; u++) if (inkedShare(page, frame, u, v0, v1, ink) >= THROUGH) return true;
      return false;
    };
    const rules = thinRuns(inside, Math.max(MIN_RULE_WIDTH, RULE_WIDTH * h)).filter(
      (run) => runsOn(run, e.v0 - beyond, e.v0) || runsOn(run, e.v1, e.v1 + beyond),
    );
    if (rules.length === 0) return [box];
    const pieces: Quad[] = [];
    let start = e.u0;
    for (const [first, last] of rules) {
      // Between a double rule's lines there is no text.
      if (first - 1 - start >= MIN_PIECE * h) pieces.push(frameQuad(frame, { ...e, u0: start, u1: first - 1 }));
      start = last + 1;
    }
    pieces.push(frameQuad(frame, { ...e, u0: start, u1: e.u1 }));
    return pieces;
  });
}
