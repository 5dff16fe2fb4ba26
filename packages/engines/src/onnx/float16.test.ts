import { describe, expect, it } from 'vitest';
import { FLOAT16_TO_FLOAT32, float16Bits, toFloat16 } from './float16.ts';

describe('float16', () => {
  it.each([
    [0, 0x0000],
    [-0, 0x8000],
    [1, 0x3c00],
    [-2, 0xc000],
    [65504, 0x7bff],
    [65520, 0x7c00], // rounds up past the largest half → Infinity
    [2 ** -24, 0x0001], // smallest subnormal
    [2 ** -14, 0x0400], // smallest normal
    [1 + 2 ** -11, 0x3c00], // tie rounds to even
    [1 + 3 * 2 ** -11, 0x3c02],
    [Infinity, 0x7c00],
  ])('encodes %f as %i', (value, bits) => {
    expect(float16Bits(value)).toBe(bits);
  });

  it('round-trips every finite half value', () => {
    const halves = Uint16Array.from({ length: 65536 }, (_, i) => i).filter((h) => (h & 0x7c00) !== 0x7c00);
    const back = toFloat16(Float32Array.from(halves, (h) => FLOAT16_TO_FLOAT32[h]!));
    // -0 and +0 both survive; every other value maps to itself.
    expect(Array.from(back)).toEqual(Array.from(halves));
  });
});
