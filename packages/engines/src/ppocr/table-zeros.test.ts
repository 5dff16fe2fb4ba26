import { describe, expect, it } from 'vitest';
import { rectQuad } from '@ocr/testkit';
import type { ReadLine } from './readings.ts';
import { doubtfulZeros, tableZeros } from './table-zeros.ts';

/** A cell 20 px high on the row at `top`, from `left`, 12 px a character. */
function cell(text: string, left: number, top = 100): ReadLine {
  return { text, confidence: 0.9, box: rectQuad(left, top, left + 12 * text.length, top + 20), characters: text.replace(/\s/g, '').length };
}

const texts = (lines: ReadLine[]) => tableZeros(lines).map((line) => line.text);
const quadLeft = (line: ReadLine) => line.box[0][0];

describe('tableZeros', () => {
  it('reads a lone o as 0 where a figure comes next along its row, or ends a row of figures', () => {
    expect(texts([cell('Alaska', 0), cell('184', 100), cell('o', 160), cell('9', 200), cell('o', 260), cell('o', 300), cell('7,095', 360)])).toEqual([
      'Alaska', '184', '0', '9', '0', '0', '7,095',
    ]);
    expect(texts([cell('3', 100), cell('O', 160)])).toEqual(['3', '0']);
  });

  it('reads a lone o between the dashes of empty cells as 0', () => {
    expect(texts([cell('Estonia', 0), cell('–', 100), cell('42', 140), cell('O', 200), cell('–', 240)])).toEqual(['Estonia', '–', '42', '0', '–']);
    expect(texts([cell('Spain', 0), cell('o', 100), cell('—', 140)])).toEqual(['Spain', '0', '—']);
  });

  it('reads a lone o as 0 where it heads or ends a column of figures (a pin table’s function numbers)', () => {
    expect(texts([cell('Type', 100, 60), cell('o', 200, 100), cell('1', 200, 130), cell('2', 200, 160)])).toEqual(['Type', '0', '1', '2']);
    expect(texts([cell('9', 200, 70), cell('O', 200, 100), cell('–', 260, 100)])).toEqual(['9', '0', '–']);
  });

  it('leaves bullets stacked over an item, and an o far from the figures of its column', () => {
    expect(texts([cell('o', 100, 100), cell('Check the seal', 130, 100), cell('1', 100, 130)])).toEqual(['o', 'Check the seal', '1']);
    expect(texts([cell('o', 100, 100), cell('1', 100, 160), cell('2', 160, 130)])).toEqual(['o', '1', '2']);
  });

  it('leaves a bullet before its item, an o alone, an o after a word, and o on other rows', () => {
    expect(texts([cell('o', 100), cell('Check the seal', 130)])).toEqual(['o', 'Check the seal']);
    expect(texts([cell('o', 100)])).toEqual(['o']);
    expect(texts([cell('Mariana Islands', 0), cell('o', 220)])).toEqual(['Mariana Islands', 'o']);
    expect(texts([cell('o', 100, 100), cell('12', 140, 160)])).toEqual(['o', '12']);
  });
});

describe('doubtfulZeros', () => {
  it('keeps, as 0, unsure lone zeros beside a figure read surely, in a row of figures', () => {
    const sure = [cell('Alaska', 0), cell('184', 100), cell('9', 240), cell('7,095', 400)];
    const unsure = [cell('o', 160), cell('0', 300), cell('0', 340)];
    expect(doubtfulZeros(unsure, sure).map((line) => [line.text, quadLeft(line)])).toEqual([['0', 160], ['0', 300], ['0', 340]]);
  });

  it('leaves other unsure readings, zeros before a word, and zeros beside no figure read surely', () => {
    const sure = [cell('Check the seal', 130), cell('NOTES', 400, 200)];
    const unsure = [cell('o', 100), cell('0', 340, 200), cell('0', 380, 300), cell('0', 420, 300), cell('1', 160, 100)];
    expect(doubtfulZeros(unsure, sure)).toEqual([]);
  });
});
