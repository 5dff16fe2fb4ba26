import { describe, expect, it } from 'vitest';
import { restoreDiameterMarks } from './diameter-marks.ts';

describe('restoreDiameterMarks', () => {
  it('puts Ø back where the recogniser read it as a leading 0', () => {
    expect(restoreDiameterMarks('025 H7 012.5 08 THRU 2X 06.6')).toBe('Ø25 H7 Ø12.5 Ø8 THRU 2X Ø6.6');
    expect(restoreDiameterMarks('4X08 THRU, 2×06.6 DEEP 10')).toBe('4XØ8 THRU, 2×Ø6.6 DEEP 10');
    expect(restoreDiameterMarks('(030h6) 012js6 040 g6')).toBe('(Ø30h6) Ø12js6 Ø40 g6');
    // A fit class read with a space inside it, after a diameter.
    expect(restoreDiameterMarks('Shaft 020 h 7, hole 010 H 7, Ø12.5 js 6')).toBe('Shaft Ø20 h7, hole Ø10 H7, Ø12.5 js6');
    expect(restoreDiameterMarks('08通孔')).toBe('Ø8通孔');
    // AutoCAD's %%c in Chinese notes: the mark follows Chinese directly.
    expect(restoreDiameterMarks('孔012.5，轴025h6配合')).toBe('孔Ø12.5，轴Ø25h6配合');
    // After a count standing alone, whatever follows.
    expect(restoreDiameterMarks('4×08 6X010, 2 x 012 (3x05)')).toBe('4×Ø8 6XØ10, 2 x Ø12 (3xØ5)');
    // Decimal commas and symmetric tolerances, as a Swedish part drawing writes them.
    expect(restoreDiameterMarks('1x45 021,5±0,1 012,75 025±0.05 08 ±0,1')).toBe('1x45 Ø21,5±0,1 Ø12,75 Ø25±0.05 Ø8 ±0,1');
  });

  it('leaves the leading zeros numbers do have', () => {
    for (const text of ['REV 02', 'SHEET 02 OF 05', '0.05', '+/-0.05', '2024-05-12', '05.12.2024', '08:30', 'ITEM 012', '0123-45', '007', 'Ø25 H7', '025 x 3', 'SHEET 02 OF 5', 'REV 02 h', 'EN-025 H7', 'EN-025 H 7', 'A025 H7', '00.5', '1:025', '第025张', '编号012', '0x01', 'M10x01', 'A4x02', '1920x1080', '3x0.5', '10x0', '01,02,03', '012,345', '02, 05', '0,5±0,1', '±0,05', '092321.00', '083559.00']) {
      expect(restoreDiameterMarks(text), text).toBe(text);
    }
  });
});
