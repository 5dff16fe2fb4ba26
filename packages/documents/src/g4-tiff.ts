// TIFF tags (TIFF 6.0) and field types a one-strip bitonal image needs.
const SHORT = 3;
const LONG = 4;
const COMPRESSION_CCITT_T6 = 4;
const PHOTOMETRIC_WHITE_IS_ZERO = 0;

/**
 * CCITT Group 4 data (as a PDF's CCITTFaxDecode stream holds it, `K` < 0) wrapped as a
 * little-endian, one-strip TIFF, so that libtiff decodes it: the same coding, with the
 * image's size and how its bits read around it. Black runs come out black.
 */
export function g4Tiff(data: Buffer, width: number, height: number): Buffer {
  const entries: Array<[tag: number, type: number, value: number]> = [
    [256, LONG, width],
    [257, LONG, height],
    [258, SHORT, 1],
    [259, SHORT, COMPRESSION_CCITT_T6],
    [262, SHORT, PHOTOMETRIC_WHITE_IS_ZERO],
    [273, LONG, 0],
    [277, SHORT, 1],
    [278, LONG, height],
    [279, LONG, data.length],
    [293, LONG, 0],
  ];
  const ifdSize = 2 + entries.length * 12 + 4;
  const header = Buffer.alloc(8 + ifdSize);
  header.write('II', 0, 'latin1');
  header.writeUInt16LE(42, 2);
  header.writeUInt32LE(8, 4);
  header.writeUInt16LE(entries.length, 8);
  entries.forEach(([tag, type, value], i) => {
    const at = 10 + i * 12;
    header.writeUInt16LE(tag, at);
    header.writeUInt16LE(type, at + 2);
    header.writeUInt32LE(1, at + 4);
    // The strip follows the directory.
    const field = tag === 273 ? header.length : value;
    if (type === SHORT) header.writeUInt16LE(field, at + 8);
    else header.writeUInt32LE(field, at + 8);
  });
  return Buffer.concat([header, data]);
}
