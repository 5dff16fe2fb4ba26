import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A weight widened to float32 with its PyTorch shape. */
export interface ReferenceTensor {
  shape: number[];
  data: Float32Array;
}

/**
 * Loads every weight of a (small) checkpoint into memory. Written apart from the converter's
 * streaming reader on purpose, so a mistake in one does not hide in the other.
 */
export async function loadWeights(folder: string): Promise<Map<string, ReferenceTensor>> {
  const indexPath = join(folder, 'model.safetensors.index.json');
  const files = existsSync(indexPath)
    ? [...new Set(Object.values((JSON.parse(await readFile(indexPath, 'utf8')) as { weight_map: Record<string, string> }).weight_map))]
    : ['model.safetensors'];
  const weights = new Map<string, ReferenceTensor>();
  for (const file of files) {
    const bytes = await readFile(join(folder, file));
    const headerLength = Number(bytes.readBigUInt64LE(0));
    const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString('utf8')) as Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }>;
    for (const [name, entry] of Object.entries(header)) {
      if (name === '__metadata__') continue;
      const start = 8 + headerLength + entry.data_offsets[0];
      const count = entry.shape.reduce((a, b) => a * b, 1);
      const data = new Float32Array(count);
      for (let i = 0; i < count; i++) {
        if (entry.dtype === 'BF16') data[i] = bf16(bytes.readUInt16LE(start + 2 * i));
        else if (entry.dtype === 'F32') data[i] = bytes.readFloatLE(start + 4 * i);
        else throw new Error(`reference: dtype ${entry.dtype} of ${name} not supported`);
      }
      weights.set(name, { shape: entry.shape, data });
    }
  }
  return weights;
}

const word = new Uint32Array(1);
const asFloat = new Float32Array(word.buffer);

/** bfloat16 is the top half of a float32. */
function bf16(bits: number): number {
  word[0] = bits * 65536;
  return asFloat[0]!;
}
