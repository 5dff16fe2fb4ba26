import type { InkRun, StripInk } from './strip-ink.ts';

/**
 * The dictionary has no Ø or ⌀. Before an integer the recogniser reads Ø as `0` (`Ø120` →
 * `0120`, in every face tried) or `8`, and a small ⌀ (the diameter sign proper) on a scan as
 * nothing at all (`Bore ⌀40` → `Bore 40`). The strip tells the mark from a digit: across its
 * middle row lie the ring's two sides and the stroke between them, three strokes where a 0 or an
 * O shows two and an 8 one; and Ø is as wide as an O, 1.2–1.5 times the widest digit after it
 * (22–24 strip pixels against 15–18), where an 8 or a 0 is as wide as the digits beside it. It is
 * nearly as wide as high (0.85–0.9), where a digit is 0.7 and two digits blurred into one run 1.3.
 */
const WIDER_THAN_DIGITS = 1.15;
const ASPECT = [0.78, 1.15] as const;
/** An unread ⌀ is at least this share of the strip's height wide, and nearly as wide as high, as Ø is. */
const LEAST_WIDTH = 0.25;
/**
 * The ring's sides stand within this share of its width of the glyph's ends (its stroke may reach
 * past the ring), and its top-left and bottom-right corners, this share of its width and height,
 * are blank (a circle leaves 0.146 of each clear there), as its stroke runs from the bottom left to
 * the top right. A depth mark (↧: a bar over an arrow) or a pair of brackets also crosses the
 * middle row three times, with ink in those corners.
 */
const SIDES_AT_ENDS = 0.3;
const CORNER = 0.1;

/** Whether the box [left, right) × [top, bottom) of the strip holds no ink. */
function blank(ink: StripInk, left: number, right: number, top: number, bottom: number): boolean {
  for (let column = Math.round(left); column < right; column++) {
    for (let row = Math.round(top); row < bottom; row++) if (ink.inked(column, row)) return false;
  }
  return true;
}

/** Whether the run is a ring crossed from its bottom left to its top right (see SIDES_AT_ENDS). */
function crossedRing(ink: StripInk, run: InkRun): boolean {
  const width = run.end - run.start;
  const height = run.bottom + 1 - run.top;
  const corners =
    blank(ink, run.start, run.start + CORNER * width, run.top, run.top + CORNER * height) &&
    blank(ink, run.end - CORNER * width, run.end, run.bottom + 1 - CORNER * height, run.bottom + 1);
  if (!corners) return false;
  const row = (run.top + run.bottom) / 2;
  let strokes = 0, first = -1, last = -1;
  let inStroke = false;
  for (let column = run.start; column < run.end; column++) {
    const inked = ink.inked(column, row);
    if (inked && !inStroke) strokes++;
    if (inked) [first, last] = [first < 0 ? column : first, column];
    inStroke = inked;
  }
  const margin = SIDES_AT_ENDS * width;
  return strokes >= 3 && first - run.start <= margin && run.end - 1 - last <= margin;
}

/** Whether the run is nearly as wide as high, as Ø is (see ASPECT). */
function round(run: InkRun): boolean {
  const aspect = (run.end - run.start) / (run.bottom - run.top + 1);
  return aspect >= ASPECT[0] && aspect <= ASPECT[1];
}

/**
 * Whether the glyph read as a digit or an O at step `step`, which opens a number whose digits
 * (and decimal marks) the recogniser emitted before step `end`, is a diameter mark: a round,
 * crossed ring wider than the widest of the glyphs after it in that number.
 */
export function isDiameterMark(ink: StripInk, step: number, end: number): boolean {
  const mark = ink.runAt(step);
  if (!mark) return false;
  let widest = 0;
  for (let run = ink.next(mark), k = 0; run && k < 4 && run.start < (end + 0.5) * ink.stepPixels; run = ink.next(run), k++) {
    widest = Math.max(widest, run.end - run.start);
  }
  return widest > 0 && mark.end - mark.start >= WIDER_THAN_DIGITS * widest && round(mark) && crossedRing(ink, mark);
}

/**
 * Whether a diameter mark the recogniser left unread stands just before the digit it emitted at
 * `digitStep`, after whatever it read at `previousStep` (undefined at the line's start): one run of
 * ink between them, a crossed ring of a glyph's size.
 */
export function unreadDiameterMark(ink: StripInk, previousStep: number | undefined, digitStep: number): boolean {
  const digit = ink.runAt(digitStep);
  const mark = digit && ink.previous(digit);
  if (!mark) return false;
  if (previousStep !== undefined) {
    const previous = ink.runAt(previousStep, digitStep);
    if (!previous || ink.next(previous) !== mark) return false;
  } else if (ink.previous(mark)) {
    return false;
  }
  return mark.end - mark.start >= LEAST_WIDTH * ink.height && round(mark) && crossedRing(ink, mark);
}
