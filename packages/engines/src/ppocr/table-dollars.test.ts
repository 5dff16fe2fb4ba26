import { describe, expect, it } from 'vitest';
import { rectQuad } from '@ocr/testkit';
import type { ReadLine } from './readings.ts';
import { tableDollars } from './table-dollars.ts';

/** A cell 20 px high on the row at `top`, from `left`, 12 px a character. */
function cell(text: string, left: number, top = 100): ReadLine {
  return { text, confidence: 0.9, box: rectQuad(left, top, left + 12 * text.length, top + 20), characters: text.replace(/\s/g, '').length };
}

const texts = (lines: ReadLine[]) => tableDollars(lines).map((line) => line.text);

describe('tableDollars', () => {
  it('reads a lone S set apart before an amount as $ (a financial statement’s column of dollar signs)', () => {
    expect(texts([cell('PERIOD', 0), cell('S', 200), cell('34,155', 240), cell('S', 330), cell('(2,028)', 370), cell('s', 470), cell('19.99', 500)])).toEqual([
      'PERIOD', '$', '34,155', '$', '(2,028)', '$', '19.99',
    ]);
  });

  it('reads a lone S before a bare number as $ on a page with such dollar signs before amounts', () => {
    const page = [cell('S', 200), cell('34,155', 240), cell('S', 330), cell('36,599', 370)];
    expect(texts([...page, cell('S', 200, 140), cell('179', 240, 140)]).slice(4)).toEqual(['$', '179']);
    expect(texts([cell('S', 200), cell('34,155', 240), cell('S', 200, 140), cell('179', 240, 140)]).slice(2)).toEqual(['S', '179']);
  });

  it('reads an S set apart before an amount inside a line as $ (`Net Pay S 291.90`), not before a bare number or inside a word', () => {
    expect(texts([cell('Net Pay S 291.90', 0)])).toEqual(['Net Pay $ 291.90']);
    expect(texts([cell('Balance S 1,250 due', 0)])).toEqual(['Balance $ 1,250 due']);
    const text = ['Grade S 275', 'Size S 36', 'SS 291.90', 'S 12A', 'BUS 1,250'];
    expect(texts(text.map((t, i) => cell(t, 0, i * 40)))).toEqual(text);
  });

  it('leaves an S before a bare number (a size chart), before words, alone, and an S on another row', () => {
    expect(texts([cell('S', 100), cell('36', 130)])).toEqual(['S', '36']);
    expect(texts([cell('S', 100), cell('Small', 130)])).toEqual(['S', 'Small']);
    expect(texts([cell('S', 100)])).toEqual(['S']);
    expect(texts([cell('S', 100, 100), cell('34,155', 140, 160)])).toEqual(['S', '34,155']);
  });
});
