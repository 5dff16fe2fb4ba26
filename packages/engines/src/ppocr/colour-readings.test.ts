import { describe, expect, it } from 'vitest';
import { rectQuad } from '@ocr/testkit';
import { mergeLiftedReading } from './colour-readings.ts';
import type { ReadLine } from './readings.ts';

function line(text: string, confidence: number, left: number, top: number, right: number, bottom: number): ReadLine {
  return { text, confidence, box: rectQuad(left, top, right, bottom), characters: text.replace(/\s/g, '').length };
}

const texts = (lines: ReadLine[]) => lines.map((l) => l.text).sort();

describe('mergeLiftedReading', () => {
  it('reads text under a seal from the lifted reading, in place of the fragments and the seal’s strokes', () => {
    const printed = [
      line('Thread: M12x1.75-6g', 0.99, 100, 100, 400, 130),
      line('Hardness: 58-62 HR', 0.93, 100, 140, 330, 170),
      line('研究', 0.78, 320, 150, 380, 200),
      line('depth 0.8-1.2 mm', 0.95, 420, 140, 640, 170),
    ];
    const lifted = [line('Hardness: 58-62 HRC, case depth 0.8-1.2 mm', 0.98, 100, 140, 640, 170)];
    expect(texts(mergeLiftedReading(printed, lifted))).toEqual(['Hardness: 58-62 HRC, case depth 0.8-1.2 mm', 'Thread: M12x1.75-6g']);
  });

  it('keeps coloured text that lifting took away, and black text the seal hid from the printed reading where it reads surely', () => {
    const printed = [line('WARNING: disconnect the supply first', 0.97, 100, 100, 600, 130)];
    const lifted = [
      line('WARN', 0.62, 100, 100, 180, 130),
      line('Weight: 3.6 kg', 0.97, 100, 300, 300, 330),
      // Texture in a photo that lifting made look like print.
      line('山', 0.55, 400, 500, 440, 540),
    ];
    expect(texts(mergeLiftedReading(printed, lifted))).toEqual(['WARNING: disconnect the supply first', 'Weight: 3.6 kg']);
  });

  it('keeps the lifted line where the printed fragments only hold about as much, their cut characters twice', () => {
    const printed = [
      line('Material: 42CrMo4 (EN 10083-', 0.97, 100, 100, 470, 135),
      line('3-3), quenched and tempered', 0.98, 452, 100, 815, 135),
    ];
    const lifted = [line('Material: 42CrMo4 (EN 10083-3), quenched and tempered', 0.98, 100, 100, 811, 135)];
    expect(texts(mergeLiftedReading(printed, lifted))).toEqual(['Material: 42CrMo4 (EN 10083-3), quenched and tempered']);
  });

  it('keeps a printed line that the lifted one only lacks a few coloured digits of, and no line a seal garbled', () => {
    const printed = [line('PixelLink [4] 73.2 83.0', 0.93, 100, 100, 400, 130), line('Hardness: 58-62 HR印 1', 0.95, 100, 140, 400, 170)];
    const lifted = [line('PixelLink【] 73.2 83.0', 0.96, 100, 100, 400, 130), line('Hardness: 58-62 HRC', 0.98, 100, 140, 400, 170)];
    expect(texts(mergeLiftedReading(printed, lifted))).toEqual(['Hardness: 58-62 HRC', 'PixelLink [4] 73.2 83.0']);
  });

  it('leaves lines at different places alone: lines above and below one another do not overlap enough', () => {
    const printed = [line('first line', 0.99, 100, 100, 400, 130)];
    const lifted = [line('second line', 0.99, 100, 124, 400, 154)];
    expect(texts(mergeLiftedReading(printed, lifted))).toEqual(['first line', 'second line']);
  });
});
