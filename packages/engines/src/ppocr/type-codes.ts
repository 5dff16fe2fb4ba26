import { quadBounds } from './geometry.ts';
import type { ReadLine } from './readings.ts';
import { readsUpOrDown } from './sideways-text.ts';

/**
 * A binary protocol's tables give each field a type code: a letter for its kind and its size in
 * bytes or bits (`U1` unsigned, `I4` signed, `R8` a float, `X2` a bit field; `S16`, `U32`), as
 * u-blox's and CASIC's do. Scanned, the signed types' I reads as a 1 (`14`, `11`, `12`: twelve of
 * CASIC's AID-HUI table's sixteen) and a size of 1 as an I (`UI`); in a column of codes read
 * surely they are codes.
 */

const TYPE_CODE = /^[UISRXF](?:1|2|4|8|16|32|64)$/;
/** A signed type with its I read as a 1, l or bar, or any code with its size 1 read as an I or l. */
const SIGNED = /^[1l|](1|2|4|8|16|32|64)$/;
const SIZE_ONE = /^([UISRXF1l|])[Il|]$/;
/** A column is one of codes where it holds this many read as codes at least... */
const LEAST_CODES = 3;
/** ...among cells whose centres stand within this many of the cell's heights across of its own. */
const SAME_COLUMN = 1;

function mended(text: string): string | undefined {
  if (SIGNED.test(text)) return `I${text.slice(1)}`;
  const one = SIZE_ONE.exec(text);
  if (one) return `${/[1l|]/.test(one[1]!) ? 'I' : one[1]}1`;
  return undefined;
}

/** Whether `cell` stands in a column of at least LEAST_CODES type codes. */
function inColumnOfCodes(lines: readonly ReadLine[], cell: ReadLine): boolean {
  const b = quadBounds(cell.box);
  const height = b.bottom - b.top;
  const centre = (b.left + b.right) / 2;
  let codes = 0;
  for (const line of lines) {
    if (line === cell || !TYPE_CODE.test(line.text) || readsUpOrDown(line.box)) continue;
    const o = quadBounds(line.box);
    if (Math.abs((o.left + o.right) / 2 - centre) <= SAME_COLUMN * height && ++codes >= LEAST_CODES) return true;
  }
  return false;
}

/** Cells read as a type code misread (`14`, `UI`) mended where they stand in a column of codes. */
export function typeCodes(lines: readonly ReadLine[]): ReadLine[] {
  if (lines.filter(({ text }) => TYPE_CODE.test(text)).length < LEAST_CODES) return [...lines];
  return lines.map((line) => {
    const text = mended(line.text);
    return text !== undefined && !readsUpOrDown(line.box) && inColumnOfCodes(lines, line) ? { ...line, text } : line;
  });
}
