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
 * The page's lines without those that read only as a supply arrow, on a page with no other Han
 * character: there the arrow is a drawing, not a word. On a Chinese page they stay.
 */
export function withoutPowerArrows(lines: ReadLine[]): ReadLine[] {
  const arrow = (line: ReadLine) => ARROW_READINGS.has(line.text.trim());
  if (lines.some((line) => !arrow(line) && HAN.test(line.text))) return lines;
  if (lines.filter((line) => /[A-Za-z]/.test(line.text)).length < LEAST_LATIN_LINES) return lines;
  return lines.filter((line) => !arrow(line));
}
