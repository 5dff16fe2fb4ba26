import { HAN } from './letter-lookalikes.ts';
import type { ReadLine } from './readings.ts';

/**
 * What a schematic's supply arrow (an arrowhead on its wire's stem, under the rail's name) reads
 * as, boxed alone: SparkFun's Eagle sheet read its arrows `个` and `不` among English labels.
 */
const ARROW_READINGS = new Set(['个', '不']);
/** A page of Latin text: at least this many of its lines hold Latin letters. */
const LEAST_LATIN_LINES = 5;
/**
 * Other symbols read as two Han characters or more alone, as unsurely as this or less: a row of
 * ground symbols `吉吉吉` (0.57), a pair of capacitors `个正` (0.66) on Teensy's schematics. A
 * page's Chinese reads surer (see SURE_HAN); one such character may be a misread figure (a scanned
 * table's `42` read `心`), which holds its cell's place.
 */
const SYMBOL_DOUBT = 0.7;
const SYMBOL_GLYPHS = 2;
/** A line with Han characters read this surely makes the page one with Chinese on it. */
const SURE_HAN = 0.9;
const HAN_ONLY = /^[\p{Script=Han}\s]+$/u;

/**
 * The page's lines without those that read only as a supply arrow, or only as two Han characters
 * or more read unsurely (see SYMBOL_DOUBT), on a page of Latin labels that reads no Han character surely:
 * there they are drawings, not words. On a Chinese page they stay, as does such a glyph inside a
 * line.
 */
export function withoutPowerArrows(lines: ReadLine[]): ReadLine[] {
  const arrow = (line: ReadLine) => ARROW_READINGS.has(line.text.trim());
  const symbol = (line: ReadLine) => arrow(line) || (HAN_ONLY.test(line.text) && line.characters >= SYMBOL_GLYPHS && line.confidence <= SYMBOL_DOUBT);
  if (lines.some((line) => !arrow(line) && HAN.test(line.text) && line.confidence >= SURE_HAN)) return lines;
  if (lines.filter((line) => /[A-Za-z]/.test(line.text)).length < LEAST_LATIN_LINES) return lines;
  return lines.filter((line) => !symbol(line));
}
