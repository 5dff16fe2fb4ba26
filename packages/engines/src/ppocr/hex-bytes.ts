/**
 * Bytes printed in hexadecimal two digits apart (`DB 0D 00 01 02 01 00 E0 F7`, a packet in a
 * protocol's manual): the recogniser drops the spaces between some of them (`01020100`,
 * `F7010000`, ATGM's upgrade protocol scanned), leaving one long number among the bytes.
 */

/** A byte, or bytes run together, in capitals or in small letters. */
const UPPER = /^[0-9A-F]+$/;
const LOWER = /^[0-9a-f]+$/;
/** A byte that shows it is hexadecimal by a letter (`DB`, `0d`). */
const LETTERED = /^(?=.*[A-Fa-f])[0-9A-Fa-f]{2}$/;
/** A run is a packet's bytes where this many of its tokens are two digits, at least. */
const LEAST_BYTES = 3;

const isHex = (token: string) => UPPER.test(token) || LOWER.test(token);

/**
 * The line with bytes run together in a packet split two digits apart: in a run of hexadecimal
 * tokens one space apart, each of whole bytes, LEAST_BYTES bytes at least and one of them with a
 * letter, every longer token but the run's first (a dump's address) is split (`AC 220 DC 12` is
 * a supply's, not bytes).
 */
export function fixHexBytes(text: string): string {
  const tokens = text.split(' ');
  let start = 0;
  while (start < tokens.length) {
    let end = start;
    while (end < tokens.length && isHex(tokens[end]!)) end++;
    const run = tokens.slice(start, end);
    const lettered = run.some((t) => LETTERED.test(t));
    const cased = run.every((t) => UPPER.test(t)) || run.every((t) => LOWER.test(t));
    const whole = run.every((t) => t.length % 2 === 0);
    if (lettered && cased && whole && run.filter((t) => t.length === 2).length >= LEAST_BYTES) {
      for (let k = start + 1; k < end; k++) {
        const t = tokens[k]!;
        if (t.length > 2 && t.length % 2 === 0) tokens[k] = t.match(/../g)!.join(' ');
      }
    }
    start = end + 1;
  }
  return tokens.join(' ');
}
