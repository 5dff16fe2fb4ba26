/** ISO 286 fundamental deviations, holes and shafts: `H7`, `h6`, `js6`, `ZC11`. */
const FIT = String.raw`(?:[Jj][Ss]|[Cc][Dd]|[Ee][Ff]|[Ff][Gg]|[Zz][ABCabc]|[A-HJKMNPR-Za-hjkmnpr-z])\d{1,2}(?![\p{Script=Latin}\p{N}])`;

/**
 * A fit class after a diameter read with a space inside it (`020 h 7`, from a serif face's wide
 * letter): the class is joined up so the diameter is known by it. Not x: `025 x 3` is a size by a size.
 */
const SPACED_FIT = /(?<=(?:^|[\s(×*\p{Script=Han}])[0Ø][1-9]\d*(?:[.,]\d+)?\s*(?:[Jj][Ss]|[A-HJKMNPR-WYZa-hjkmnpr-wyz])) (?=\d{1,2}(?![\p{Script=Latin}\p{N}]))/gu;

/**
 * A 0 that starts a number the way no number starts: before a non-zero digit, and then a decimal
 * part (`012.5`; with a decimal comma, as European drawings write it, `021,5`), a fit class
 * (`025 H7`), a symmetric tolerance (`021±0,1`) or a hole callout (`08 THRU`). Only at the start
 * of a token, after a count (`4X08`, `2×06.6`), or straight after Chinese (`孔012.5`, `025H7配合`).
 * Four digits at most after it: `092321.00` is a time (an NMEA sentence's hhmmss.ss).
 */
const DIAMETER_AS_ZERO = new RegExp(
  String.raw`(?<=^|[\s(×*\p{Script=Han}]|\d[xX])0(?=[1-9]\d{0,3}(?:\.\d+(?![.\d])|,\d{1,2}(?![.,]?\d)|(?:[.,]\d+)?\s*(?:${FIT}|±|THRU\b|DEEP\b|通孔)))`,
  'gu',
);

/**
 * A 0 straight after a count that stands alone (`4×08`, `6X010`, `2 x 012`): "four of 08" is no
 * number, so it is the mark whatever follows. Not after a count inside a code or thread size
 * (`M10x01`), nor in hex (`0x01`).
 */
const COUNTED_DIAMETER = /(?<=(?:^|[\s(,;:，；：、])[1-9]\d*\s?[×xX]\s?)0(?=[1-9])/gu;

/**
 * PP-OCR's dictionary holds Φ but neither Ø nor ⌀, so the recogniser reads the ISO diameter mark
 * as 0 (or O, which fixDigitLookalikes has made 0): `Ø25 H7` came out `025 H7`. Where the 0 can
 * only be that mark, it is put back. Leading zeros that numbers do have (`REV 02`, `SHEET 02 OF
 * 05`, `0.05`, dates) stay.
 */
export function restoreDiameterMarks(text: string): string {
  return text.replace(SPACED_FIT, '').replace(DIAMETER_AS_ZERO, 'Ø').replace(COUNTED_DIAMETER, 'Ø');
}
