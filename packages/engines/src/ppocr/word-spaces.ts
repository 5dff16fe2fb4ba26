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
