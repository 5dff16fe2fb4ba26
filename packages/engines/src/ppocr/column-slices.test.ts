import { describe, expect, it } from 'vitest';
import type { Quad } from '@ocr/contracts';
import type { ReadLine } from './readings.ts';
import { withoutColumnSlices } from './column-slices.ts';

const across = (left: number, top: number, right: number, bottom: number): Quad => [[left, top], [right, top], [right, bottom], [left, bottom]];
/** A box read down the page: its reading's top edge is its right side. */
const down = (left: number, top: number, right: number, bottom: number): Quad => [[right, top], [right, bottom], [left, bottom], [left, top]];
const line = (text: string, box: Quad): ReadLine => ({ text, confidence: 0.85, box, characters: text.replace(/\s/g, '').length });

// Teensy 4.0's schematic at 72 dpi: pin names 9 px high, 13 px apart, the first letters aligned.
const names = ['AD_B1_09', 'AD_B1_08', 'AD_B1_11', 'AD_B1_10', 'AD_B1_00', 'AD_B1_01'].map((text, i) => line(text, across(467, 73 + 13 * i, 525, 84 + 13 * i)));

describe('withoutColumnSlices', () => {
  it('leaves out a line down the page cut through the first letters of names set one under another', () => {
    const slice = line('A A A A A A', down(468, 73, 478, 150));
    expect(withoutColumnSlices([...names, slice])).toEqual(names);
  });

  it('leaves out a line across cut through the ends of names set up the page side by side', () => {
    // ESP32-H2's reference schematic: `GPIO8` to `GPIO12` up the page, 20 px apart, their last letters aligned.
    const upwards = ['GPIO8', 'GPIO9', 'GPIO10', 'GPIO11', 'GPIO12'].map((text, i) => line(text, down(759 + 20 * i, 990, 772 + 20 * i, 1049)));
    const slice = line('P P P P P', across(761, 1019, 855, 1034));
    expect(withoutColumnSlices([...upwards, slice])).toEqual(upwards);
    // A heading across above them, which none runs through, stays.
    const heading = line('ESP32-H2 CORE', across(761, 960, 855, 978));
    expect(withoutColumnSlices([...upwards, heading])).toEqual([...upwards, heading]);
  });

  it('keeps text set up the page beside lines, and a line down the page only one line crosses', () => {
    const beside = line('SECTION A-A', down(440, 73, 452, 150));
    const crossed = line('2.8 MAX', down(500, 60, 510, 140));
    const one = [names[0]!, crossed];
    expect(withoutColumnSlices([...names, beside])).toEqual([...names, beside]);
    expect(withoutColumnSlices(one)).toEqual(one);
  });

  it('keeps a line across that slices through a column of labels cross, reading more than a glyph of each', () => {
    // Teensy 3.1's `0 20 / A6` among its column of such labels, crossed by three slices.
    const label = line('0 20 / A6', across(614, 120, 659, 132));
    const slices = [line('2 2 2 2', down(623, 92, 631, 130)), line('A A A A', down(642, 92, 653, 190)), line('0 9 8 7 6 5 4 3', down(627, 118, 638, 199))];
    expect(withoutColumnSlices([label, ...slices])).toContain(label);
  });

  it('keeps a line down the page where the lines crossing it cover under half its length', () => {
    const long = line('VDD_SOC_IN CAPACITORS', down(468, 73, 478, 300));
    expect(withoutColumnSlices([...names.slice(0, 3), long])).toEqual([...names.slice(0, 3), long]);
  });

  it('keeps a line down the page that lines read across pass only part way over', () => {
    const partly = names.map((name) => ({ ...name, box: across(473, quadTop(name.box), 525, quadTop(name.box) + 11) }));
    const label = line('A A A A A A', down(468, 73, 478, 150));
    expect(withoutColumnSlices([...partly, label])).toEqual([...partly, label]);
  });
});

function quadTop(box: Quad): number {
  return Math.min(...box.map(([, y]) => y));
}
