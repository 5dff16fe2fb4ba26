import type { ReadLine } from './readings.ts';
import { readsUpOrDown } from './sideways-text.ts';
import { neighbour } from './table-zeros.ts';

/** A lone cell read as the letter S... */
const LONE_S = /^[Ss]$/;
/**
 * ...before an amount of money: thousands grouped, or two decimals, or in brackets as a loss
 * (`34,155`, `19.99`, `(2,028)`). A size chart's `S 36` has none of these.
 */
const AMOUNT = /^\(?[+-]?(\d{1,3}(,\d{3})+(\.\d+)?|\d+\.\d{2})\)?$|^\(\d+\)$/;

/** The same S set apart inside a line, before such an amount (`Net Pay S 291.90`). */
const S_BEFORE_AMOUNT = /(?<!\S)S (?=\(?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d{2})\)?(?!\S))/g;
/** On a page with this many such dollar signs, a lone `S` before any number is one too (`$ 179` in millions). */
const DOLLAR_PAGE = 2;
const NUMBER = /^\(?\d[\d,.]*\)?$/;

/**
 * A lone `S` just before an amount on its row is a dollar sign: a financial statement sets its
 * `$` apart, aligned in a column of its own, and the recogniser, given the glyph alone, reads the
 * letter (Amazon's cash-flow statement read 15 of its 18 `$` as `S`; they now read `$`). So is an
 * `S` set apart before such an amount inside a line.
 */
export function tableDollars(lines: readonly ReadLine[]): ReadLine[] {
  const before = new Map<ReadLine, string>();
  for (const line of lines) {
    if (!LONE_S.test(line.text) || readsUpOrDown(line.box)) continue;
    const after = neighbour(lines, line, 1);
    if (after) before.set(line, after.text.split(' ')[0]!);
  }
  const dollarPage = [...before.values()].filter((next) => AMOUNT.test(next)).length >= DOLLAR_PAGE;
  return lines.map((line) => {
    const next = before.get(line);
    if (next !== undefined) return AMOUNT.test(next) || (dollarPage && NUMBER.test(next)) ? { ...line, text: '$' } : line;
    const text = line.text.replace(S_BEFORE_AMOUNT, '$ ');
    return text === line.text ? line : { ...line, text };
  });
}
