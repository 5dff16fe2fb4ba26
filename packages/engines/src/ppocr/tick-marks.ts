import type { ReadLine } from './readings.ts';

/**
 * A tick (✓), which the recogniser's dictionary lacks, reads as its nearest: √ or, more often, `<`
 * (SiRF's demo guide's table of update rates against on times, scanned: 58 of its 77 ticks read,
 * all but two as `<`). In a table's cells and rows, a mark standing alone among numbers at most, neither is
 * anything else on a page that reads one such √: no root stands without its radicand, and no
 * comparison without its sides.
 */
const MARK = /(?<!\S)[<√](?!\S)/g;
/** A cell or a row of them: marks standing alone, a number or a few before them (a row's heading); `< 5` is a bound. */
const TICK_ROW = /^(?:[\d.,%]+ )*[<√](?: [<√])*$/;
/** A page shows ticks where such cells and rows hold this many marks, one of them √. */
const LEAST_TICKS = 3;

/** The page's lines with the marks of its tick rows (see `TICK_ROW`) written ✓, where it reads ticks (see `LEAST_TICKS`). */
export function tickMarks(lines: readonly ReadLine[]): ReadLine[] {
  const rows = lines.filter(({ text }) => TICK_ROW.test(text));
  const marks = rows.flatMap(({ text }) => text.match(MARK) ?? []);
  if (marks.length < LEAST_TICKS || !marks.includes('√')) return [...lines];
  return lines.map((line) => (rows.includes(line) ? { ...line, text: line.text.replace(MARK, '✓') } : line));
}
