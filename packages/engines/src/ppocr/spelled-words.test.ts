import { describe, expect, it } from 'vitest';
import type { Quad } from '@ocr/contracts';
import type { ReadLine } from './readings.ts';
import { spelledWords } from './spelled-words.ts';

const at = (row: number, left = 0, right = 600): Quad => [[left, row * 30], [right, row * 30], [right, row * 30 + 20], [left, row * 30 + 20]];
const line = (text: string, row: number, left?: number, right?: number): ReadLine => ({ text, confidence: 0.9, box: at(row, left, right), characters: text.length });
const read = (...texts: string[]) => spelledWords(texts.map((text, row) => line(text, row))).map((l) => l.text);

describe('spelledWords', () => {
  it('reads words whose i read as l, or l as i, spell one English word (Rockwell’s R6522 and Linear’s LM10, scanned)', () => {
    expect(
      read(
        'Flgure 3. Tlming of the Shlft Reglster',
        'the ciock puise is typicaily from a singie 1.2V battery',
        'Data Setup and Hoid Time, UItra low power',
        'Versatile lnterface Adapter (VIA) with an externai signai',
      ),
    ).toEqual([
      'Figure 3. Timing of the Shift Register',
      'the clock pulse is typically from a single 1.2V battery',
      'Data Setup and Hold Time, Ultra low power',
      'Versatile Interface Adapter (VIA) with an external signal',
    ]);
  });

  it('reads words with one letter read for another, or a double letter read once (Rockwell’s R650X, scanned)', () => {
    expect(read('driving one slandard TTL load; shorter code and execulion times', 'the SYNC ouiput line; loaded into the sixieen bits', 'ratio largcr than 1.3; bytes of mcmory', 'an OP CODE tetch; 10 difterent page; imptied', 'the "OFF" sigual; no intemal memory', 'the on-chip oscilator; the efective address')).toEqual([
      'driving one standard TTL load; shorter code and execution times',
      'the SYNC output line; loaded into the sixteen bits',
      'ratio larger than 1.3; bytes of memory',
      'an OP CODE fetch; 10 different page; implied',
      'the "OFF" signal; no internal memory',
      'the on-chip oscillator; the effective address',
    ]);
    // A capital's word in a line of such words (a heading, an address), not in prose (a name).
    expect(read('Figure 20. Simplitied System Diagram', 'Taiwan Hcadquarters', 'Murphy (Peter Weller) arrives, having been transferred', 'Potate One Bit Right; Qutput High Voltage', 'Newport Heach')).toEqual([
      'Figure 20. Simplified System Diagram',
      'Taiwan Headquarters',
      'Murphy (Peter Weller) arrives, having been transferred',
      'Rotate One Bit Right; Output High Voltage',
      // Reach or Beach: two words, so neither.
      'Newport Heach',
    ]);
    // Four letters after a word (`or trom`); after a piece of one (`Defini tion`) a word's end.
    expect(read('writing to or trom the bus; a stress rating onty and', 'In ihis manner; rise and falt times; Note:Defini tion of')).toEqual([
      'writing to or from the bus; a stress rating only and',
      'In this manner; rise and fall times; Note:Defini tion of',
    ]);
  });

  it('keeps words, codes, currents, a last l and a hyphened word’s end', () => {
    // Names a rare word's letters would spell: only common words are mended to.
    const kept = ['IOB IOT ILI TLX IOUT', 'the Iout and Iin of Rockwell Intl', 'variable length stack', 'Marie Gee Wilson', 'BETTY T YEE', 'The Boeing Company, Mary Hines', 'the proper data before initiat-', 'an inline resistor', 'Basler Camera'];
    expect(read(...kept)).toEqual(kept);
    const lines = [line('the location in memory of the speci-', 0), line('fied memory location is the low order byte', 1)];
    expect(spelledWords(lines).map((l) => l.text)).toEqual(['the location in memory of the speci-', 'fied memory location is the low order byte']);
    // A word's end in another column is a word: nothing hyphened stands above it there.
    const apart = [line('the location in memory of the speci-', 0, 0, 280), line('ciock and ioad values', 1, 320, 600)];
    expect(spelledWords(apart).map((l) => l.text)).toEqual(['the location in memory of the speci-', 'clock and load values']);
  });

  it('joins a word read in pieces (Rockwell’s bold capitals scanned, a font drawn wider than its spacing)', () => {
    expect(read('SHIFT OUT UNDER CONT ROL OF T2', 'RE GIS TER (OPE RA TION)', 'ALL OTHE R BITS WIL L REFLECT THEIR ENABL E/DISABLE STATE.', 'Network S witches, P ower Infrastructure', 'Layoff P ermanent at State F ish Company', 'DAT A BUS', 'R6502 FEAT URES; COMM AND')).toEqual([
      'SHIFT OUT UNDER CONTROL OF T2',
      'REGISTER (OPERATION)',
      'ALL OTHER BITS WILL REFLECT THEIR ENABLE/DISABLE STATE.',
      'Network Switches, Power Infrastructure',
      'Layoff Permanent at State Fish Company',
      'DATA BUS',
      'R6502 FEATURES; COMMAND',
    ]);
  });

  it('keeps words apart that are words each, and a symbol’s letter beside a word', () => {
    const kept = ['the CPU fetches the op code', 'during a read or a write operation, a high level', 'PORT A DATA LINES; 1 T HIGH OUTPUT; IF A READ', 'the t OFF time and V IN input come in to the register', 'I/O ports B and D'];
    expect(read(...kept)).toEqual(kept);
  });

  it('leaves a page that is not in English', () => {
    const latin = ['Lorem ipsum dolor sit amet, consectetur adipiscing elit', 'felis nisl cillum mais quam'];
    expect(read(...latin)).toEqual(latin);
  });
});
