import { quadBounds } from './geometry.ts';
import type { ReadLine } from './readings.ts';

/**
 * A register's bit values heading the lines that say what each means (`0 No interrupt` over
 * `1 Interrupt has occurred`, `1 0 Mark parity` under `0 1 Even parity`), with a 0 read as o or
 * O, as Rockwell's R6522 and R6551 scanned read them, the values boxed with their text or as
 * cells of their own. Lines whose leading single characters are as many bits stand one under
 * another at one left edge, a column of values; where it holds a 1, and a line in it with an o
 * stands next to one whose bits are all read as digits, its os are zeros. A list's `o` bullets
 * stand over other bullets, a pin table's `O` for output over other types and zeros misread
 * (no 1 among them), and a numbered heading's items stand indented.
 */

/** The line's leading single characters, each a bit or a letter read for one, then its text or nothing (a cell of its own). */
const LEADING_BITS = /^[01oO](?: [01oO])*(?= \S|$)/;
/** Lines of a column stand within this many line heights of each other's left edge, and their boxes as close above or below. */
const ALIGNED = 1;
const NEAR = 1;

interface Values {
  line: ReadLine;
  bits: string;
  left: number;
  top: number;
  bottom: number;
}

export function bitValues(lines: readonly ReadLine[]): ReadLine[] {
  const values: Values[] = lines.flatMap((line) => {
    const bits = LEADING_BITS.exec(line.text)?.[0];
    if (!bits) return [];
    const { left, top, bottom } = quadBounds(line.box);
    return [{ line, bits, left, top, bottom }];
  });
  const next = (a: Values, b: Values): boolean => {
    const height = a.bottom - a.top;
    const gap = Math.max(b.top - a.bottom, a.top - b.bottom);
    return a !== b && a.bits.length === b.bits.length && Math.abs(a.left - b.left) <= ALIGNED * height && gap <= NEAR * height;
  };
  const mended = new Map<ReadLine, string>();
  for (const value of values) {
    if (!/[oO]/.test(value.bits) || !values.some((other) => next(value, other) && /^[01 ]+$/.test(other.bits))) continue;
    // The column it stands in, line to next line.
    const column = new Set([value]);
    for (const member of column) for (const other of values) if (next(member, other)) column.add(other);
    if ([...column].some((member) => member.bits.includes('1'))) mended.set(value.line, value.bits.replace(/[oO]/g, '0') + value.line.text.slice(value.bits.length));
  }
  return lines.map((line) => (mended.has(line) ? { ...line, text: mended.get(line)! } : line));
}
