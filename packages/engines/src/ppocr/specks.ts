// Dots, ticks and the marks a recogniser reads them as: on a page they are punctuation only next
// to words, so a line of nothing else is dirt, speckle or scanner noise.
const SPECKS_ONLY = /^[\s.,:;'"`´‘’“”·•˙*!?¡¿°^~。、，：；！？・]+$/u;

/** Whether a recognised line holds only speck-like marks (no letter, digit, CJK or symbol). */
export function isSpecks(text: string): boolean {
  return SPECKS_ONLY.test(text);
}
