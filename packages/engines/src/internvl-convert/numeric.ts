import { FLOAT16_TO_FLOAT32, float16Bits } from '../onnx/float16.ts';
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
    for (let i = 0; i < halves.length; i++) out[i] = FLOAT16_TO_FLOAT32[halves[i]!]!;
  }
  return out;
}


export const float16Max = 65504;

const scratch = new Float32Array(1);
const scratchBits = new Uint32Array(scratch.buffer);

let halfOfUpperBits: Uint16Array | undefined;

/** Half of every float32 whose low 16 bits are zero (every widened BF16 value), by its upper 16 bits. */
function upperBitsTable(): Uint16Array {
  if (!halfOfUpperBits) {
    halfOfUpperBits = new Uint16Array(65536);
    for (let upper = 0; upper < 65536; upper++) {
      scratchBits[0] = upper << 16;
      halfOfUpperBits[upper] = float16Bits(scratch[0]!);
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
    out[i] = (b & 0xffff) === 0 ? table[b >>> 16]! : float16Bits(values[i]!);
  }
  return out;
}
