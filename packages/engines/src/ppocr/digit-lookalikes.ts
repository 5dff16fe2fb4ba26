/** A run of digits, number punctuation and o/O standing alone (not part of a word or code). */
const NUMBER_LIKE = /(?<![\p{L}\p{N}])[\d.,:/+\-±×%°()oO]+(?![\p{L}\p{N}])/gu;

/**
 * The recogniser often reads the digit 0 as the letter o inside numbers (`5oo hours`, `o.o5 mm`).
 * In a token made only of digits, number punctuation and o/O, with at least one digit, every o
 * is a zero.
 */
export function fixDigitLookalikes(text: string): string {
  return text.replace(NUMBER_LIKE, (token) => (/\d/.test(token) ? token.replace(/[oO]/g, '0') : token));
}
