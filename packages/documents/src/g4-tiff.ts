// TIFF field types (TIFF 6.0) a one-strip image needs.
export const TIFF_SHORT = 3;
export const TIFF_LONG = 4;
const COMPRESSION_CCITT_T6 = 4;
const PHOTOMETRIC_WHITE_IS_ZERO = 0;
/** Tags whose value is where the strip lies: StripOffsets, and old-style JPEG's JPEGInterchangeFormat. */
const POINTS_AT_STRIP = new Set([273, 513]);

/** One directory entry, one value: tag, field type (SHORT or LONG), value. */
export type TiffEntry = [tag: number, type: number, value: number];

/**
 * `data` as the one strip of a little-endian TIFF after a directory of `entries` (in tag order);
 * entries that say where the strip lies are set to where it follows the directory.
 */
export function oneStripTiff(entries: readonly TiffEntry[], data: Buffer): Buffer {
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
    const field = POINTS_AT_STRIP.has(tag) ? header.length : value;
    if (type === TIFF_SHORT) header.writeUInt16LE(field, at + 8);
    else header.writeUInt32LE(field, at + 8);
  });
  return Buffer.concat([header, data]);
}

/**
 * CCITT Group 4 data (as a PDF's CCITTFaxDecode stream holds it, `K` < 0) wrapped as a
 * little-endian, one-strip TIFF, so that libtiff decodes it: the same coding, with the
 * image's size and how its bits read around it. Black runs come out black.
 */
export function g4Tiff(data: Buffer, width: number, height: number): Buffer {
  return oneStripTiff(
    [
      [256, TIFF_LONG, width],
      [257, TIFF_LONG, height],
      [258, TIFF_SHORT, 1],
      [259, TIFF_SHORT, COMPRESSION_CCITT_T6],
      [262, TIFF_SHORT, PHOTOMETRIC_WHITE_IS_ZERO],
      [273, TIFF_LONG, 0],
      [277, TIFF_SHORT, 1],
      [278, TIFF_LONG, height],
      [279, TIFF_LONG, data.length],
      [293, TIFF_LONG, 0],
    ],
    data,
  );
}
