import type { StripInk } from './strip-ink.ts';

/**
 * The recogniser has ² and ³ but mostly reads them as digits of full size after a unit: rendered
 * spec lines in five faces at 18 and 28 px read `N/mm2`, `m3/h`, `2.5 m2` in most of them. In the
 * strip such a digit's ink ends above the middle of the letter before it (rows 15–22 of 48 against
 * the middle of an `m` at 23–26) and rises above the letter's top, where a digit on the line
 * reaches its foot (34–37) in every column: a 2's foot runs its whole width, a 3's bowls close low.
 */
const RAISED: Readonly<Record<string, string>> = { '2': '²', '3': '³' };
/**
 * A raised digit's columns, side by side, span at least this share of the strip's height (10–15
 * pixels): a 2's hook standing out left of its foot spans 3–6.
 */
const LEAST_WIDTH = 0.16;

/**
 * The raised form of `digit` read at step `digitStep` after a letter read at `letterStep`, where
 * the strip shows it raised; else the digit. Columns, not runs, are looked at: a superscript can
 * touch the letter before it or the `/` after it (`m²/h`).
 */
export function raisedDigit(ink: StripInk, digit: string, letterStep: number, digitStep: number): string {
  const raised = RAISED[digit];
  if (!raised) return digit;
  const { top, bottom } = ink.columns();
  const step = ink.stepPixels;
  // The letter: the columns of its step and the half steps beside it.
  let letterTop = Number.POSITIVE_INFINITY, letterBottom = -1;
  for (let j = Math.max(0, Math.round((letterStep - 0.5) * step)); j < Math.min(top.length, (letterStep + 1.5) * step); j++) {
    if (top[j]! < 0) continue;
    letterTop = Math.min(letterTop, top[j]!);
    letterBottom = Math.max(letterBottom, bottom[j]!);
  }
  if (letterBottom < 0) return digit;
  const middle = (letterTop + letterBottom) / 2;
  // The widest group of inked columns side by side around the digit's step whose ink all stands above that middle.
  let widest = 0, width = 0, rises = false, widestRises = false;
  for (let j = Math.max(0, Math.round((digitStep - 1) * step)); j < Math.min(top.length, (digitStep + 2) * step); j++) {
    if (top[j]! >= 0 && bottom[j]! < middle) {
      width++;
      rises ||= top[j]! < letterTop;
    } else {
      width = 0;
      rises = false;
    }
    if (width > widest) [widest, widestRises] = [width, rises];
  }
  return widest >= LEAST_WIDTH * ink.height && widestRises ? raised : digit;
}
