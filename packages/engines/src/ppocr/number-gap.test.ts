import { describe, expect, it } from 'vitest';
import { isOpeningNumber, spacedAfterNumber } from './number-gap.ts';
import type { StripSlot } from './strip-sampler.ts';

const HEIGHT = 48;
const STEP = 8;

/**
 * A strip as `sampleStrip` fills it ([-1, 1], paper at `paper`), one slot of a batch of two,
 * inked at `darkness` (0–255) over each [start, end) column run.
 */
function strip(runs: ReadonlyArray<[number, number, number?]>, { width = 96, paper = 0 } = {}): { tensor: Float32Array; slot: StripSlot } {
  const slot: StripSlot = { index: 1, height: HEIGHT, stride: width + 16, width };
  const plane = slot.height * slot.stride;
  const tensor = new Float32Array(2 * 3 * plane);
  const value = (darkness: number) => (255 - darkness) / 127.5 - 1;
  for (let c = 0; c < 3; c++) {
    for (let i = 0; i < HEIGHT; i++) {
      for (let j = 0; j < width; j++) tensor[(slot.index * 3 + c) * plane + i * slot.stride + j] = value(paper);
    }
  }
  for (const [start, end, darkness = 255] of runs) {
    for (let c = 0; c < 3; c++) {
      // Ink on the middle rows only, as a glyph between the box's margins.
      for (let i = 18; i < 34; i++) {
        for (let j = start; j < end; j++) tensor[(slot.index * 3 + c) * plane + i * slot.stride + j] = value(darkness);
      }
    }
  }
  return { tensor, slot };
}

describe('isOpeningNumber', () => {
  it('takes list and section numbers, not longer numbers or words', () => {
    for (const read of ['1.', '12.', '3', '3.2', '4.1.2', '4.1.2.']) expect(isOpeningNumber([...read])).toBe(true);
    for (const read of ['2024', '123.', 'A.', '1..', '(1)', '1、', '']) expect(isOpeningNumber([...read])).toBe(false);
  });
});

describe('spacedAfterNumber', () => {
  // `1.` then a Han character: the digit at 6–20, the stop at 26–31 (step 3), the Han character from `han` on (step 8).
  const list = (han: number, own = 26) => strip([[6, 20], [own, own + 5], [han, han + 36]]);

  it('finds the space a list number is printed with: a blank after its stop a quarter of the strip high or more', () => {
    const { tensor, slot } = list(50);
    expect(spacedAfterNumber(tensor, slot, STEP, 3, 8)).toBe(true);
  });

  it('finds none where the Han character follows as close as a glyph of its own', () => {
    const { tensor, slot } = list(38);
    expect(spacedAfterNumber(tensor, slot, STEP, 3, 6)).toBe(false);
  });

  it('finds none where the blank after the stop is no wider than the number’s own (a monospaced face)', () => {
    // Digit to stop 12 blank, stop to Han 14: a stop in half a cell, no space.
    const { tensor, slot } = strip([[4, 16], [28, 33], [47, 83]]);
    expect(spacedAfterNumber(tensor, slot, STEP, 3, 7)).toBe(false);
  });

  it('takes a faint stop on a blurred scan for ink, not paper', () => {
    // Paper at 20, strokes at 130, the stop a smudge at 60: a fixed threshold of 64 saw a 20-pixel blank.
    const { tensor, slot } = strip([[6, 20, 130], [26, 31, 60], [40, 76, 130]], { paper: 20 });
    expect(spacedAfterNumber(tensor, slot, STEP, 3, 6)).toBe(false);
  });

  it('tells nothing where paper and ink hardly differ', () => {
    const { tensor, slot } = strip([[6, 20, 50], [26, 31, 50], [50, 86, 50]], { paper: 20 });
    expect(spacedAfterNumber(tensor, slot, STEP, 3, 8)).toBe(false);
  });

  it('finds none where nothing is inked after the number within the next character’s step', () => {
    const { tensor, slot } = strip([[6, 20], [26, 31]]);
    expect(spacedAfterNumber(tensor, slot, STEP, 3, 8)).toBe(false);
  });
});
