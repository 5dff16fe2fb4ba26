import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ExternalRef } from '../onnx/index.ts';
import { float16Max, narrowInto, widenInto } from './numeric.ts';
import { elementSize, readTensorChunks, type TensorLocation } from './safetensors.ts';

/** Elements converted per step (4 Mi: 16 MB as float32). */
const chunkElements = 4 << 20;

/** Precision of stored weights. */
export type WeightDtype = 'float32' | 'float16';

/** Thrown when a weight cannot be stored in the requested precision. */
export class ConversionError extends Error {
  override readonly name = 'ConversionError';
}

/**
 * An ONNX external data file written tensor by tensor and chunk by chunk: a weight goes from the
 * safetensors file to this one without ever being whole in memory. Offsets are 4 KB aligned (mmap).
 */
export class WeightFile {
  private size = 0;
  // Reused for every chunk: fresh buffers per chunk pile up faster than the GC frees them.
  private readonly sourceChunk = new Uint8Array(chunkElements * 4);
  private readonly wide = new Float32Array(chunkElements);
  private readonly narrow = new Uint16Array(chunkElements);
  readonly location: string;

  private constructor(
    private readonly handle: FileHandle,
    path: string,
    private readonly onTensor: (sourceBytes: number) => void,
  ) {
    this.location = basename(path);
  }

  /** `onTensor` hears the checkpoint bytes of each tensor copied (for progress). */
  static async create(path: string, onTensor: (sourceBytes: number) => void = () => {}): Promise<WeightFile> {
    return new WeightFile(await open(path, 'w'), path, onTensor);
  }

  /** Copies a checkpoint tensor, widened to float32 or narrowed to float16 (refusing values past ±65504). */
  async writeTensor(tensor: TensorLocation, dtype: WeightDtype): Promise<ExternalRef> {
    const offset = this.alignedEnd();
    let position = offset;
    for await (const chunk of readTensorChunks(tensor, this.sourceChunk.subarray(0, chunkElements * elementSize(tensor.dtype)))) {
      const values = widenInto(chunk, tensor.dtype, this.wide);
      if (dtype === 'float16') {
        for (const v of values) if (!(Math.abs(v) <= float16Max)) throw new ConversionError(`tensor ${tensor.name} holds ${v}, outside the float16 range`);
      }
      const out = dtype === 'float16' ? narrowInto(values, this.narrow) : values;
      position += await this.writeAt(out, position);
    }
    this.size = position;
    this.onTensor(tensor.byteLength);
    return { location: this.location, offset, length: position - offset };
  }

  /** Stores a tensor computed by the converter (e.g. rotary tables). */
  async writeArray(values: Float32Array | Uint16Array): Promise<ExternalRef> {
    const offset = this.alignedEnd();
    const length = await this.writeAt(values, offset);
    this.size = offset + length;
    return { location: this.location, offset, length };
  }

  async close(): Promise<void> {
    await this.handle.sync();
    await this.handle.close();
  }

  private alignedEnd(): number {
    return Math.ceil(this.size / 4096) * 4096;
  }

  private async writeAt(view: ArrayBufferView, position: number): Promise<number> {
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    const { bytesWritten } = await this.handle.write(bytes, 0, bytes.byteLength, position);
    if (bytesWritten !== bytes.byteLength) throw new ConversionError(`short write to ${this.location}`);
    return bytesWritten;
  }
}
