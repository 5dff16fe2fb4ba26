import { describe, expect, it } from 'vitest';
import type { Quad } from '@ocr/contracts';
import type { ReadLine } from './readings.ts';
import { bitValues } from './bit-values.ts';

/** A line of text at (x, y), 30 px high. */
const line = (text: string, x: number, y: number): ReadLine => {
  const box: Quad = [[x, y], [x + 20 * text.length, y], [x + 20 * text.length, y + 30], [x, y + 30]];
  return { text, confidence: 0.9, box, characters: text.length };
};
const read = (...lines: ReadLine[]) => bitValues(lines).map((l) => l.text);

describe('bitValues', () => {
  it('reads a bit’s value 0 read as o beside the line for its value 1 (Rockwell’s R6551, scanned)', () => {
    expect(read(line('Bit 7 Interrupt (IRQ)', 100, 100), line('o No interrupt', 100, 140), line('1 Interrupt has occurred', 100, 180))).toEqual([
      'Bit 7 Interrupt (IRQ)',
      '0 No interrupt',
      '1 Interrupt has occurred',
    ]);
    expect(read(line('0 1 Even parity transmitted', 100, 100), line('1 o Mark parity bit transmitted', 100, 140), line('O O Odd parity', 100, 180))).toEqual([
      '0 1 Even parity transmitted',
      '1 0 Mark parity bit transmitted',
      'O O Odd parity',
    ]);
  });

  it('reads a bit’s value 0 read as o in a cell of its own over the cell for its value 1', () => {
    expect(read(line('o', 100, 140), line('No interrupt', 200, 140), line('1', 100, 180), line('Interrupt has occurred', 200, 180))).toEqual(['0', 'No interrupt', '1', 'Interrupt has occurred']);
  });

  it('leaves a list’s o bullets, a bullet indented under a numbered heading and a pin table’s O for output', () => {
    const bullets = [line('o First item', 100, 100), line('o Second item', 100, 140), line('1 Scope', 100, 300), line('o Indented item', 180, 340), line('o', 100, 500), line('o', 100, 540)];
    // A pin table's types: O for output, one misread as 0 (TI's SN74HC595).
    const types = [line('I', 100, 700), line('0', 100, 740), line('o', 100, 780), line('O', 100, 820)];
    expect(read(...bullets)).toEqual(bullets.map((l) => l.text));
    expect(read(...types)).toEqual(types.map((l) => l.text));
  });
});
