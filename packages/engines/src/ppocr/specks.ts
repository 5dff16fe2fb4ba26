// Dots, ticks and the marks a recogniser reads them as: on a page they are punctuation only next
// to words, so a line of these and no letter, digit or CJK character is dirt, speckle or scanner
// noise. A lone symbol (`-` in a table cell, `±`, `Ø`, `+`) is kept: it has no speck in it.
const SPECK = /[.,:;'"`´‘’“”·•˙*!?¡¿°^~。、，：；！？・]/u;
const WORDLIKE = /[\p{L}\p{N}]/u;

/** Whether a recognised line is specks: speck-like marks, maybe with stray symbols, and nothing word-like. */
export function isSpecks(text: string): boolean {
  return SPECK.test(text) && !WORDLIKE.test(text);
}
