import type { StripInk } from './strip-ink.ts';

/**
 * What a line has read so far when it opens with a list or section number (`1.`, `12.`, `3.2`,
 * `4.1.2`): only such a line's first gap is measured in the strip.
 */
const OPENING_NUMBER = /^\d{1,2}(?:\.\d{1,2})*\.?$/;

/** Whether `read` (the line's characters so far, no space among them) is an opening number. */
export function isOpeningNumber(read: readonly string[]): boolean {
  return read.length <= 8 && OPENING_NUMBER.test(read.join(''));
}

/**
 * Before Chinese, the model's P(space) after a number's mark stays faint either way (1e-5 to 1e-3)
 * and its steps are too coarse to tell (`1.未注`: 3–5 steps apart unspaced, 5–6 spaced). The
 * strip tells: rendered lists in sans, Song and monospaced faces at 18–32 px left 5–9 strip pixels
 * blank after the mark where no space is printed (11–12 in the monospaced face, whose `.` fills
 * half a cell) and 16–40 where one is. Within the number the blanks stay as narrow as unspaced
 * (5–13), so a space is a blank this share of the strip's height and twice the number's own.
 */
const SPACE_SHARE = 0.25;
const OVER_OWN = 2;

/**
 * Whether the print has a space after an opening number whose last character the model emitted at
 * step `mark` and the next one at step `next`: the blank after the ink of that last character.
 */
export function spacedAfterNumber(ink: StripInk, mark: number, next: number): boolean {
  const last = ink.runAt(mark, next);
  const after = last && ink.next(last);
  if (!last || !after || after.start >= (next + 1) * ink.stepPixels) return false;
  const before = ink.previous(last);
  const blank = after.start - last.end;
  return blank >= SPACE_SHARE * ink.height && blank >= OVER_OWN * (before ? last.start - before.end : 0);
}

/**
 * Between two digits the model reads a printed space faintly now and then: rendered rows of numbers
 * set a space apart (`100 200 300`, `6 8 10 12`) in four faces at 14–32 px, sharp and scanned,
 * read 144 of 1,762 such spaces not at all (P(space) under 0.02, `100200300`). The strip shows
 * them: the blank between the digits' ink was 0.21 of the strip's height or more (95% of them 0.29),
 * where digits of one number left 0.23 or less (95%), up to 0.48 beside a tabular 1, whose
 * P(space) stayed under 0.0003. A blank of this share with this much P(space) placed 105 of the
 * 144 and one space of 3,252 wrongly.
 */
const DIGITS_SPACE_SHARE = 0.3;
const DIGITS_SPACE_PROBABILITY = 0.003;
/**
 * The other way, a space the model reads faintly (P(space) 0.02–0.05, not its top class) where
 * the digits stand closer than this share: `$1 50,000` and `161 1` on real pages (blanks 0.04 and
 * 0.17), where the 163 such printed spaces of the renders left 0.208 or more.
 */
const DIGITS_UNSPACED_SHARE = 0.2;
const DIGITS_FAINT_PROBABILITY = 0.05;

/**
 * Whether the print has a space between the digits the model emitted at steps `last` and `next`:
 * the scores' answer (`scored`, from P(space) `pSpace`, `emitted` where the space class was the top
 * class), checked in the strip where it is faint either way.
 */
export function spacedBetweenDigits(ink: StripInk, last: number, next: number, scored: boolean, pSpace: number, emitted: boolean): boolean {
  if (emitted || pSpace >= DIGITS_FAINT_PROBABILITY || (!scored && pSpace < DIGITS_SPACE_PROBABILITY)) return scored;
  const runs = ink.adjacentRuns(last, next);
  if (!runs) return scored;
  const blank = runs[1].start - runs[0].end;
  return blank >= (scored ? DIGITS_UNSPACED_SHARE : DIGITS_SPACE_SHARE) * ink.height;
}
