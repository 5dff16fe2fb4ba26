import { inEvenCells, neighbouringCells } from './monospace.ts';
import type { StripInk } from './strip-ink.ts';

const LATIN_LETTER = /^[A-Za-z]$/;
/** Within a word a small letter follows a small letter: before a capital a faint space is most likely a word's (`Profile Subsample`, its blank blurred shut). */
const SMALL_LETTER = /^[a-z]$/;
/**
 * Letters whose strokes lean over the gap leave a narrower blank than the space between them: the
 * arms of a v, w, x or y after the gap, the hook of an f or r and the arms of a v, w, x, y or k
 * before it (`a while` left a letter's blank).
 */
const LEANS_BACK = /^[vwxy]$/;
const LEANS_ON = /^[frkvwxy]$/;
/**
 * A line's word spaces the recogniser reads surely (its top class), at least this many, set its
 * measure: one will do, as receipts' short lines have no more (`Tax Invoi ce`, `Se l angor`,
 * `Adjus tment Note`: on 87 SROIE receipts 12 such words closed up, none split)...
 */
const SURE_SPACES = 1;
/**
 * ...and a space it only leans towards between two letters (P(space) in the gap, not its top
 * class) is no word space where the strip leaves under this share of their usual blank: a page
 * image at 72 ppi, blurred by its scaling up, read `m ainly`, `introdu ction` (blanks 0.17 of the
 * strip's height against 0.54–0.65 between its words).
 */
const FAINT_SHARE = 0.5;
/**
 * Only where those sure spaces leave this share of the strip's height blank or more: in small or
 * condensed print they leave as little as letters do (0.02–0.13 in an ICDAR table's `I feel in
 * control of what's`), and the strip cannot tell the two apart.
 */
const CLEAR_SPACE = 0.3;

/** The blank between the ink of the glyphs emitted at steps `last` and `next`: 0 where they stand on one run; undefined where other ink stands between. */
function blankBetween(ink: StripInk, last: number, next: number): number | undefined {
  const left = ink.runAt(last, next), right = ink.runAt(next);
  if (!left || !right) return undefined;
  if (left === right) return 0;
  return ink.next(left) === right ? right.start - left.end : undefined;
}

/**
 * Takes out the spaces between small Latin letters placed from a faint P(space) (`probabilities`
 * holds none for them) where the strip shows a letter's gap, not a word's, by the line's own sure
 * spaces (see FAINT_SHARE). `chars`, `probabilities` and `starts` as `decodeLine` builds them.
 */
export function unspaceLetterGaps(chars: string[], probabilities: Array<number | undefined>, starts: number[], ink: StripInk): void {
  const spaces = chars.flatMap((char, i) => {
    if (char !== ' ' || !LATIN_LETTER.test(chars[i - 1] ?? '') || !LATIN_LETTER.test(chars[i + 1] ?? '')) return [];
    // Sure spaces measure the line's word spaces between any letters; placed ones are doubted only between small letters.
    const [before, after] = [chars[i - 1]!, chars[i + 1]!];
    if (probabilities[i] === undefined && !(SMALL_LETTER.test(before) && SMALL_LETTER.test(after) && !LEANS_ON.test(before) && !LEANS_BACK.test(after))) return [];
    const blank = blankBetween(ink, starts[i - 1]!, starts[i + 1]!);
    return blank === undefined ? [] : [{ at: i, blank, sure: probabilities[i] !== undefined }];
  });
  const sure = spaces.filter((space) => space.sure).map((space) => space.blank).sort((a, b) => a - b);
  if (sure.length < SURE_SPACES) return;
  const usual = sure[sure.length >> 1]!;
  if (usual < CLEAR_SPACE * ink.height) return;
  for (const { at, blank, sure } of spaces.reverse()) {
    if (sure || blank >= FAINT_SHARE * usual) continue;
    for (const list of [chars, probabilities, starts]) list.splice(at, 1);
  }
}

/**
 * A word's first capital standing alone before small letters, where some faces leave a blank as
 * wide as a narrow space after it (`W here`, `U nsigned`, `P roducts` in SiRF's and Sony's
 * manuals, scanned: 5–9 px where the lines' other word spaces were 10–17). A and I are words.
 */
const FIRST_CAPITAL = /^[B-HJ-Z]$/;
/**
 * Such a blank is under this share of the line's other spaces between letters (0.42–0.69 there),
 * where a word space after a capital standing as a word (`Type C connector`) is as wide as the rest.
 */
const FIRST_CAPITAL_SHARE = 0.7;
/** A line needs this many other spaces between letters to measure its word spaces by. */
const OTHER_SPACES = 2;

/**
 * Takes out a space placed from a faint P(space) after a word's first capital (see FIRST_CAPITAL)
 * where the strip shows under FIRST_CAPITAL_SHARE of the line's other spaces between letters.
 */
export function joinFirstCapitals(chars: string[], probabilities: Array<number | undefined>, starts: number[], ink: StripInk): void {
  const doubted: Array<{ at: number; blank: number }> = [];
  const others: number[] = [];
  chars.forEach((char, i) => {
    if (char !== ' ' || !LATIN_LETTER.test(chars[i - 1] ?? '') || !LATIN_LETTER.test(chars[i + 1] ?? '')) return;
    const blank = blankBetween(ink, starts[i - 1]!, starts[i + 1]!);
    if (blank === undefined) return;
    const first = FIRST_CAPITAL.test(chars[i - 1]!) && !/[\p{L}\p{N}]/u.test(chars[i - 2] ?? '') && SMALL_LETTER.test(chars[i + 1]!);
    if (first && probabilities[i] === undefined) doubted.push({ at: i, blank });
    else others.push(blank);
  });
  if (doubted.length === 0 || others.length < OTHER_SPACES) return;
  const usual = others.sort((a, b) => a - b)[others.length >> 1]!;
  for (const { at, blank } of doubted.reverse()) {
    if (blank >= FIRST_CAPITAL_SHARE * usual) continue;
    for (const list of [chars, probabilities, starts]) list.splice(at, 1);
  }
}

/** A gap between two letters read without a space, with its P(space): where `spaceWordGaps` may put one. */
export interface UnspacedGap {
  /** The step the letter after the gap was emitted at. */
  step: number;
  pSpace: number;
}

/**
 * Two steps apart the recogniser leaves a space out with P(space) 0.04–0.08 where the print has
 * one (`referto`, `Powerenable`, `SPIinput` in Taoglas' small sans print, scanned: blanks 5–8 of
 * a 48 px strip, its other word spaces 7–10); letters of one word stay under 0.002...
 */
const UNSPACED_WORD_PROBABILITY = 0.03;
/** ...and their blank is this share of the line's word spaces at least... */
const WORD_GAP_SHARE = 0.6;
/**
 * ...and over this many times the line's usual blank between letters of a word (1–2 px there;
 * a strip's runs do not always fall with the steps the letters are read at, so a few such blanks
 * measure 6–8).
 */
const LETTER_GAP_TIMES = 2;
/** A line needs this many blanks between letters of a word to measure them by. */
const LETTER_GAPS = 5;
/** Letters a monospaced face sets narrow in a wide cell, whose blank beside them is no space (`whi le`, `Tensi le`). */
const NARROW = /^[Iijl]$/;

/**
 * Puts a space into `gaps` between letters that the recogniser gave some P(space) (see
 * UNSPACED_WORD_PROBABILITY) where the strip shows a word's blank there: as wide as most of the
 * line's spaces between letters (WORD_GAP_SHARE) and well over its usual gap inside words
 * (LETTER_GAP_TIMES); beside a narrow letter, not where the letters stand in a monospaced face's
 * cells (see `monospace`).
 */
export function spaceWordGaps(chars: string[], probabilities: Array<number | undefined>, starts: number[], ink: StripInk, gaps: readonly UnspacedGap[]): void {
  const likely = gaps.filter((gap) => gap.pSpace >= UNSPACED_WORD_PROBABILITY);
  if (likely.length === 0) return;
  const spaced: number[] = [];
  const inWords: number[] = [];
  chars.forEach((char, i) => {
    if (i === 0 || !LATIN_LETTER.test(chars[i - 1]!)) return;
    if (char === ' ' && LATIN_LETTER.test(chars[i + 1] ?? '')) {
      const blank = blankBetween(ink, starts[i - 1]!, starts[i + 1]!);
      if (blank !== undefined) spaced.push(blank);
    } else if (LATIN_LETTER.test(char)) {
      const blank = blankBetween(ink, starts[i - 1]!, starts[i]!);
      if (blank !== undefined) inWords.push(blank);
    }
  });
  if (spaced.length < SURE_SPACES || inWords.length < LETTER_GAPS) return;
  const usual = spaced.sort((a, b) => a - b)[spaced.length >> 1]!;
  const letterGap = inWords.sort((a, b) => a - b)[inWords.length >> 1]!;
  for (const gap of [...likely].reverse()) {
    const at = starts.indexOf(gap.step);
    if (at < 1 || !LATIN_LETTER.test(chars[at - 1]!) || !LATIN_LETTER.test(chars[at]!)) continue;
    const blank = blankBetween(ink, starts[at - 1]!, gap.step);
    if (blank === undefined || blank < WORD_GAP_SHARE * usual || blank <= LETTER_GAP_TIMES * letterGap) continue;
    const narrow = NARROW.test(chars[at - 1]!) || NARROW.test(chars[at]!);
    if (narrow && (neighbouringCells(ink, starts[at - 1]!, gap.step) || inEvenCells(ink, starts[at - 1]!, gap.step))) continue;
    chars.splice(at, 0, ' ');
    probabilities.splice(at, 0, undefined);
    starts.splice(at, 0, gap.step);
  }
}

