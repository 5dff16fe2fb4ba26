import { describe, expect, it } from 'vitest';
import { finePrintRaise } from './fine-print.ts';

// Long sides at 200 dpi: A4 2339 px, A3 3307, A5 1654, A2 4677. 600 dpi over 200 is at most 3×.
describe('finePrintRaise', () => {
  it('renders a schematic on A4 (1.7 pt: 4.7 px at 200 dpi) at twice the dpi, past the size detected in tiles', () => {
    expect(finePrintRaise(4.7, 2339, 3)).toBe(2);
  });

  it('leaves print the detector finds as it is: 7 pt and up on A4, 10 pt on A3', () => {
    expect(finePrintRaise(19.4, 2339, 3)).toBe(1);
    expect(finePrintRaise(27.8, 3307, 3)).toBe(1);
  });

  it('takes 5 pt on A3 for fine print: the whole sheet is shrunk to 1,600 px, its text to 6.7 px', () => {
    expect(finePrintRaise(13.9, 3307, 3)).toBe(2);
  });

  it('renders a small page past 4,000 px, where twice its dpi would still be shrunk whole', () => {
    expect(finePrintRaise(4.7, 1654, 3)).toBeCloseTo(4000 / 1654, 6);
  });

  it('leaves a page already detected in tiles, and never passes the highest dpi', () => {
    expect(finePrintRaise(4.7, 4677, 3)).toBe(1);
    expect(finePrintRaise(4.7, 2339, 1.5)).toBe(1.5);
    expect(finePrintRaise(4.7, 2339, 1)).toBe(1);
  });
});
