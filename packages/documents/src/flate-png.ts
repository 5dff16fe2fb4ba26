import { crc32 } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A PDF image deflated with PNG predictors (`/Predictor` ≥ 10) is a PNG's image data already: the
 * same zlib stream of rows, each led by its filter byte. Given a PNG header around it, libspng
 * decodes it natively. 8-bit grey or RGB, not interlaced.
 */
export function flatePng(data: Buffer, width: number, height: number, components: 1 | 3): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8);
  // PNG colour types: 0 grey, 2 RGB.
  header.writeUInt8(components === 3 ? 2 : 0, 9);
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}
