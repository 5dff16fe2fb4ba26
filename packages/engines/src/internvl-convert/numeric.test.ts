import { describe, expect, it } from 'vitest';
import { float16Bits } from '../onnx/float16.ts';
import { narrowInto, widenInto } from './numeric.ts';

describe('float conversions', () => {
  it('widens BF16 exactly and F16 by value', () => {
    const bf16 = new Uint16Array([0x3f80, 0xc000, 0x3eab, 0x0001]);
    const out = widenInto(new Uint8Array(bf16.buffer), 'BF16', new Float32Array(8));
    expect(Array.from(out)).toEqual([1, -2, new Float32Array(new Uint32Array([0x3eab0000]).buffer)[0], new Float32Array(new Uint32Array([0x00010000]).buffer)[0]]);
    const f16 = new Uint16Array([0x3c00, 0xc000, 0x0001, 0x7bff]);
    expect(Array.from(widenInto(new Uint8Array(f16.buffer), 'F16', new Float32Array(4)))).toEqual([1, -2, 2 ** -24, 65504]);
  });

  it('narrows to IEEE half with round-to-nearest-even, subnormals and overflow', () => {
    expect(float16Bits(1)).toBe(0x3c00);
    expect(float16Bits(-2)).toBe(0xc000);
    expect(float16Bits(1 / 3)).toBe(0x3555);
    expect(float16Bits(65504)).toBe(0x7bff);
    expect(float16Bits(65520)).toBe(0x7c00);
    expect(float16Bits(2 ** -14)).toBe(0x0400);
    expect(float16Bits(2 ** -24)).toBe(0x0001);
    expect(float16Bits(2 ** -26)).toBe(0);
    expect(float16Bits(1 + 2 ** -11)).toBe(0x3c00); // tie → even
    expect(float16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie → even (up)
    expect(float16Bits(NaN) & 0x7c00).toBe(0x7c00);
    expect(Array.from(narrowInto(Float32Array.of(0.5, -0.25), new Uint16Array(4)))).toEqual([0x3800, 0xb400]);
  });
});
