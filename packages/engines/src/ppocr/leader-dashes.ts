/** A radius or diameter: `R15`, `SR8`, `Ø32`, `4xR5`, `2X Ø10.5`, starting a token. */
const SIZE = String.raw`(?:\d+\s?[xX×]\s?)?(?:S?R|[ØΦ⌀])\d+(?:[.,]\d+)?`;
/** The dashes a leader's end reads as, touching the size it points from. */
const DASHES = '[-–—_]+';
const LEADING = new RegExp(String.raw`(?<=^|\s)${DASHES}(?=(?:S?R|[ØΦ⌀])\d)`, 'gu');
const TRAILING = new RegExp(String.raw`(?<=(?:^|\s)${SIZE})${DASHES}(?=\s|$)`, 'gu');

/**
 * A drawing's radius or diameter is lettered at the end of its leader, which the detector boxes
 * with it and the recogniser reads as dashes (`R27-`, `-R15`, `Ø32-`: on 26 of 182 drawings
 * from the web). No such size is negative or ends in a dash, so the dashes are left out; a range
 * (`R5-R8`) keeps its own.
 */
export function withoutLeaderDashes(text: string): string {
  return text.replace(LEADING, '').replace(TRAILING, '');
}
