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

/**
 * I²C's raised 2, as ST and NXP print it, is left unread in a scan more often than read: ST's
 * LSM6DSO pin table, scanned, read `IC/MIPI I3CSM` in 8 of 10. The 2 is still in the strip after
 * the I, mostly touching the C: columns whose ink rises to the I's top (within `SQUARE_TOP` of its
 * height) and ends above `SQUARE_FOOT` of it, side by side over `SQUARE_WIDTH` of the strip's
 * height; the C's first columns reach the foot, and a hyphen does not rise.
 */
const SQUARE_TOP = 0.2;
const SQUARE_FOOT = 0.6;
const SQUARE_WIDTH = 0.12;

/** Whether the strip shows an unread ² after an `I` emitted at `iStep`, before the C at `cStep`. */
export function unreadSquare(ink: StripInk, iStep: number, cStep: number): boolean {
  const i = ink.runAt(iStep, cStep);
  if (!i) return false;
  const { top, bottom } = ink.columns();
  const height = i.bottom - i.top;
  let width = 0, highest = Number.POSITIVE_INFINITY;
  for (let j = i.end; j < top.length; j++) {
    if (top[j]! < 0) {
      if (width > 0) break;
      continue;
    }
    if (bottom[j]! > i.top + SQUARE_FOOT * height) break;
    width++;
    highest = Math.min(highest, top[j]!);
  }
  return width >= SQUARE_WIDTH * ink.height && highest <= i.top + SQUARE_TOP * height;
}
