import type { SafetensorsDtype } from './safetensors.ts';

/**
 * Widens raw checkpoint bytes (at a 4-byte aligned offset) to float32 in `out`, returning the
 * filled part; BF16 → FP32 is exact (`u32 = u16 << 16`).
 */
export function widenInto(bytes: Uint8Array, dtype: SafetensorsDtype, target: Float32Array): Float32Array {
  if (dtype === 'F32') {
    const values = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    target.set(values);
    return target.subarray(0, values.length);
  }
  const halves = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
  const out = target.subarray(0, halves.length);
  if (dtype === 'BF16') {
    const bits = new Uint32Array(out.buffer, out.byteOffset, out.length);
    for (let i = 0; i < halves.length; i++) bits[i] = halves[i]! << 16;
  } else {
    for (let i = 0; i < halves.length; i++) out[i] = halfToFloat(halves[i]!);
  }
  return out;
}

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const mantissa = h & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 31) return mantissa ? NaN : sign * Infinity;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

export const float16Max = 65504;

const scratch = new Float32Array(1);
const scratchBits = new Uint32Array(scratch.buffer);

/** Float32 → IEEE half, round to nearest even; values beyond ±65504 become ±Inf (callers check first). */
export function floatToHalf(value: number): number {
  scratch[0] = value;
  const x = scratchBits[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exponent = (x >>> 23) & 0xff;
  let mantissa = x & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0);
  const e = exponent - 127 + 15;
  if (e >= 31) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mantissa |= 0x800000;
    const shift = 14 - e;
    const half = mantissa >>> shift;
    const rest = mantissa & ((1 << shift) - 1);
    const midpoint = 1 << (shift - 1);
    return sign | (half + (rest > midpoint || (rest === midpoint && half & 1) ? 1 : 0));
  }
  const half = (e << 10) | (mantissa >>> 13);
  const rest = mantissa & 0x1fff;
  // Rounding may carry into the exponent, which is still the correctly rounded result.
  return sign | (half + (rest > 0x1000 || (rest === 0x1000 && half & 1) ? 1 : 0));
}

let halfOfUpperBits: Uint16Array | undefined;

/** Half of every float32 whose low 16 bits are zero (every widened BF16 value), by its upper 16 bits. */
function upperBitsTable(): Uint16Array {
  if (!halfOfUpperBits) {
    halfOfUpperBits = new Uint16Array(65536);
    for (let upper = 0; upper < 65536; upper++) {
      scratchBits[0] = upper << 16;
      halfOfUpperBits[upper] = floatToHalf(scratch[0]!);
    }
  }
  return halfOfUpperBits;
}

/** Narrows to IEEE half in `target`, returning the filled part; BF16-exact values go through a table (2× faster). */
export function narrowInto(values: Float32Array, target: Uint16Array): Uint16Array {
  const out = target.subarray(0, values.length);
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  const table = upperBitsTable();
  for (let i = 0; i < values.length; i++) {
    const b = bits[i]!;
    out[i] = (b & 0xffff) === 0 ? table[b >>> 16]! : floatToHalf(values[i]!);
  }
  return out;
}
