import { open } from 'node:fs/promises';

/** Element types a checkpoint may store; InternVL3 ships BF16. */
export type SafetensorsDtype = 'BF16' | 'F16' | 'F32';

const bytesPerElement: Record<SafetensorsDtype, number> = { BF16: 2, F16: 2, F32: 4 };

/** Where one tensor's bytes lie, without reading them. */
export interface TensorLocation {
  name: string;
  dtype: SafetensorsDtype;
  shape: number[];
  file: string;
  /** Absolute byte offset of the first element in `file`. */
  offset: number;
  byteLength: number;
}

/** Thrown when a checkpoint file or index is malformed or a tensor is missing. */
export class CheckpointError extends Error {
  override readonly name = 'CheckpointError';
}

export function elementCount(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function elementSize(dtype: SafetensorsDtype): number {
  return bytesPerElement[dtype];
}

/** Reads only the JSON header of a `.safetensors` file: u64 LE length, then `{name: {dtype, shape, data_offsets}}`. */
export async function readSafetensorsHeader(file: string): Promise<TensorLocation[]> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const lengthBytes = Buffer.alloc(8);
    await handle.read(lengthBytes, 0, 8, 0);
    const headerLength = Number(lengthBytes.readBigUInt64LE(0));
    if (headerLength <= 0 || 8 + headerLength > size) throw new CheckpointError(`${file}: bad safetensors header length ${headerLength}`);
    const headerBytes = Buffer.alloc(headerLength);
    await handle.read(headerBytes, 0, headerLength, 8);
    const header = JSON.parse(headerBytes.toString('utf8')) as Record<string, unknown>;
    const dataStart = 8 + headerLength;
    const tensors: TensorLocation[] = [];
    for (const [name, value] of Object.entries(header)) {
      if (name === '__metadata__') continue;
      const { dtype, shape, data_offsets: offsets } = value as { dtype: string; shape: number[]; data_offsets: [number, number] };
      if (!(dtype in bytesPerElement)) throw new CheckpointError(`${file}: tensor ${name} has unsupported dtype ${dtype}`);
      const location: TensorLocation = {
        name,
        dtype: dtype as SafetensorsDtype,
        shape,
        file,
        offset: dataStart + offsets[0],
        byteLength: offsets[1] - offsets[0],
      };
      if (location.byteLength !== elementCount(shape) * elementSize(location.dtype) || location.offset + location.byteLength > size) {
        throw new CheckpointError(`${file}: tensor ${name} has inconsistent offsets`);
      }
      tensors.push(location);
    }
    return tensors;
  } finally {
    await handle.close();
  }
}

/**
 * Yields a tensor's bytes in chunks read into `buffer` (whole elements), so a 2 GB embedding never
 * sits in memory at once. Each chunk is a view of `buffer`, valid until the next one is read.
 */
export async function* readTensorChunks(tensor: TensorLocation, buffer: Uint8Array): AsyncGenerator<Uint8Array> {
  const size = elementSize(tensor.dtype);
  const step = buffer.byteLength - (buffer.byteLength % size);
  const handle = await open(tensor.file, 'r');
  try {
    for (let done = 0; done < tensor.byteLength; ) {
      const length = Math.min(step, tensor.byteLength - done);
      const chunk = buffer.subarray(0, length);
      const { bytesRead } = await handle.read(chunk, 0, length, tensor.offset + done);
      if (bytesRead !== length) throw new CheckpointError(`${tensor.file}: short read in tensor ${tensor.name}`);
      yield chunk;
      done += length;
    }
  } finally {
    await handle.close();
  }
}
