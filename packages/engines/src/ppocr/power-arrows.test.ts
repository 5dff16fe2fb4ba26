import { describe, expect, it } from 'vitest';
import { rectQuad } from '@ocr/testkit';
import { withoutPowerArrows } from './power-arrows.ts';
import type { ReadLine } from './readings.ts';

const line = (text: string, i: number, confidence = 0.9): ReadLine => ({ text, confidence, box: rectQuad(10, i * 20, 100, i * 20 + 14), characters: text.length });
const labels = ['3.3V_SW2', 'VDD range:', '2.0V - 3.6V', 'STM_RST', 'PA13/SWDIO', 'GND'];

describe('withoutPowerArrows', () => {
  it("drops a supply arrow read as 个 or 不 on a schematic's page of Latin labels", () => {
    const lines = [...labels, '个', ' 不'].map((text, i) => line(text, i));
    expect(withoutPowerArrows(lines).map(({ text }) => text)).toEqual(labels);
  });

  it('drops other symbols read as two Han characters or more alone, unsurely, where the page reads no Han surely (Teensy’s schematics)', () => {
    const lines = [...labels.map((text, i) => line(text, i)), line('吉吉吉', 6, 0.57), line('个正', 7, 0.66), line('不 F', 8, 0.83)];
    expect(withoutPowerArrows(lines).map(({ text }) => text)).toEqual([...labels, '不 F']);
    const chinese = [...lines, line('电源', 9, 0.95)];
    expect(withoutPowerArrows(chinese)).toEqual(chinese);
    const sure = [...labels.map((text, i) => line(text, i)), line('吉吉', 6, 0.8)];
    expect(withoutPowerArrows(sure)).toEqual(sure);
    // One such character may be a scanned table's figure misread (`42` as `心`).
    const one = [...labels.map((text, i) => line(text, i)), line('心', 6, 0.6)];
    expect(withoutPowerArrows(one)).toEqual(one);
  });

  it('keeps them on a page with Chinese, on a page of few Latin lines, and inside a line', () => {
    const chinese = [...labels, '电源', '个'].map((text, i) => line(text, i));
    expect(withoutPowerArrows(chinese)).toEqual(chinese);
    const few = ['GND', 'VCC', '个'].map((text, i) => line(text, i));
    expect(withoutPowerArrows(few)).toEqual(few);
    const inside = [...labels, '个 U4'].map((text, i) => line(text, i));
    expect(withoutPowerArrows(inside)).toEqual(inside);
  });
});
