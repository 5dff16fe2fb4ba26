import { describe, expect, it } from 'vitest';
import { rectQuad } from '@ocr/testkit';
import type { ReadLine } from './readings.ts';
import { typeCodes } from './type-codes.ts';

const cell = (text: string, left: number, top: number): ReadLine => ({
  text,
  confidence: 0.95,
  box: rectQuad(left, top, left + 16 * Math.max(2, text.length), top + 34),
  characters: text.length,
});

/** CASIC's AID-HUI table as scanned: offsets, then type codes, then names, a row each 40 px. */
function table(offsets: readonly string[], types: readonly string[]): ReadLine[] {
  return types.flatMap((type, row) => [cell(offsets[row]!, 268, 690 + row * 40), cell(type, 362, 690 + row * 40), cell(`field${row}`, 560, 690 + row * 40)]);
}

describe('typeCodes', () => {
  it('reads a column’s signed types read with a 1 and sizes of one read with an I as codes', () => {
    const lines = table(['4', '8', '12', '16', '20', '24', '26', '28', '30'], ['U4', 'U4', 'U4', '14', '14', '11', 'UI', 'U1', '12']);
    expect(typeCodes(lines).map(({ text }) => text)).toEqual(
      ['4', 'U4', 'field0', '8', 'U4', 'field1', '12', 'U4', 'field2', '16', 'I4', 'field3', '20', 'I4', 'field4', '24', 'I1', 'field5', '26', 'U1', 'field6', '28', 'U1', 'field7', '30', 'I2', 'field8'],
    );
  });

  it('leaves numbers outside a column of codes: the offsets beside it, a table with too few codes', () => {
    const lines = table(['4', '8', '12', '14', '16'], ['U4', 'U4', 'U4', 'U2', 'U2']);
    expect(typeCodes(lines)).toEqual(lines);
    const few = table(['4', '8', '12', '16'], ['U4', 'U4', '14', '11']);
    expect(typeCodes(few)).toEqual(few);
  });
});
