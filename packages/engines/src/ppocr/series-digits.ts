import type { ReadLine } from './readings.ts';

/**
 * A series' members, named by one stem and a digit each (`UART_SIG1` to `UART_SIG7`, a protocol's
 * fields `utcGpsA1`, `klobA1` to `klobA3`, the parameters `alpha2`, `beta3`), where the recogniser
 * reads member 0's digit as an O (`UART_SIGO`, `utcGpsAO`, `alphao`) and member 1's as an l or I
 * (`alphal`, `betal`): the page's other members tell the digit.
 */

/** A member as read: a stem of three letters at least, then one digit. */
const MEMBER = /(?<![\p{L}\p{N}])(\p{L}{3,})(\d)(?![\p{L}\p{N}])/gu;
/** A word that may be a member with its 0 or 1 read as a letter. */
const LOOKALIKE = /(?<![\p{L}\p{N}])(\p{L}{3,})([OoIl])(?![\p{L}\p{N}])/gu;
const DIGIT: Record<string, string> = { O: '0', o: '0', I: '1', l: '1' };
/** Capitals only (`ROW`, `FEM`), or a code's camel case (`utcGpsA`, `klobB`): a name, never a word. */
const NAME_STEM = /^(?:\p{Lu}+|\p{L}*\p{Ll}\p{Lu}\p{L}*)$/u;
/**
 * A stem in lowercase or a title's case is a series' only with four letters at least and two
 * members read: `alpha2` and `alpha3` make `alphal` alpha1, where `model` beside one `mode2`, or
 * `too` beside `to1`, stay words.
 */
const WORD_STEM_LETTERS = 4;
const WORD_STEM_MEMBERS = 2;

/** Lines with a series' member 0 or 1 read with a letter for its digit mended (see LOOKALIKE). */
export function seriesDigits(lines: readonly ReadLine[]): ReadLine[] {
  const members = new Map<string, Set<string>>();
  for (const { text } of lines) {
    for (const [, stem, digit] of text.matchAll(MEMBER)) members.set(stem!, (members.get(stem!) ?? new Set()).add(digit!));
  }
  if (members.size === 0) return [...lines];
  const isSeries = (stem: string): boolean => {
    const read = members.get(stem)?.size ?? 0;
    if (NAME_STEM.test(stem)) return read > 0;
    return stem.length >= WORD_STEM_LETTERS && read >= WORD_STEM_MEMBERS;
  };
  return lines.map((line) => {
    const text = line.text.replace(LOOKALIKE, (whole, stem: string, letter: string) => (isSeries(stem) ? stem + DIGIT[letter]! : whole));
    return text === line.text ? line : { ...line, text };
  });
}
