import { closeSync, openSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import type { ExternalRef } from './graph-builder.ts';

/**
 * Appends tensors to an external data file one at a time, so a converter never holds the whole
 * model in memory. Offsets are aligned (default 4096 bytes) so onnxruntime can mmap the weights.
 *
 * @example
 * const data = new ExternalDataWriter('/out/model.onnx.data');
 * g.externalInitializer('w', 'float32', [4096, 4096], data.append(weightBytes));
 * data.close();
 */
export class ExternalDataWriter {
  private readonly fd: number;
  private size = 0;
  /** The file name that tensors record, relative to the model file in the same folder. */
  readonly location: string;

  constructor(
    path: string,
    private readonly align = 4096,
  ) {
    this.fd = openSync(path, 'w');
    this.location = basename(path);
  }

  append(bytes: ArrayBufferView): ExternalRef {
    const offset = Math.ceil(this.size / this.align) * this.align;
    writeSync(this.fd, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0, bytes.byteLength, offset);
    this.size = offset + bytes.byteLength;
    return { location: this.location, offset, length: bytes.byteLength };
  }

  close(): void {
    closeSync(this.fd);
  }
}
