import { describe, expect, it } from 'vitest';
import { rectQuad } from '@ocr/testkit';
import { withoutPowerArrows } from './power-arrows.ts';
import type { ReadLine } from './readings.ts';

const line = (text: string, i: number): ReadLine => ({ text, confidence: 0.9, box: rectQuad(10, i * 20, 100, i * 20 + 14), characters: text.length });
const labels = ['3.3V_SW2', 'VDD range:', '2.0V - 3.6V', 'STM_RST', 'PA13/SWDIO', 'GND'];

describe('withoutPowerArrows', () => {
  it("drops a supply arrow read as 个 or 不 on a schematic's page of Latin labels", () => {
    const lines = [...labels, '个', ' 不'].map(line);
    expect(withoutPowerArrows(lines).map(({ text }) => text)).toEqual(labels);
  });

  it('keeps them on a page with Chinese, on a page of few Latin lines, and inside a line', () => {
    const chinese = [...labels, '电源', '个'].map(line);
    expect(withoutPowerArrows(chinese)).toEqual(chinese);
    const few = ['GND', 'VCC', '个'].map(line);
    expect(withoutPowerArrows(few)).toEqual(few);
    const inside = [...labels, '个 U4'].map(line);
    expect(withoutPowerArrows(inside)).toEqual(inside);
  });
});
