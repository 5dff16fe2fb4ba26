import type { PageImage } from '@ocr/contracts';
import { DocumentError } from './errors.ts';
import { flattenOntoPaper } from './transparency.ts';

/**
 * Decodes a BMP, which sharp cannot read: every DIB header (OS/2 1.x and 2.x, Windows 3 to V5),
 * 1-, 2-, 4- and 8-bit palettes (scanners write grey and bitonal pages so), RLE4 and RLE8, 16-
 * and 32-bit with or without bit masks, 24-bit; bottom-up or top-down.
 *
 * A fourth byte of 32-bit pixels is taken for alpha only where some pixel sets it (as Chromium
 * does): writers that mean "unused" leave it 0. Pixels an RLE image skips are paper.
 */
export function decodeBmp(bytes: Uint8Array): PageImage {
  const header = readHeader(bytes);
  const { width, height, bitsPerPixel, compression } = header;
  // Four channels only where the pixels may carry alpha: a 100 MP scan needs 300 MB as it is.
  const pixels: Pixels = { channels: header.alphaMask === 0 ? 3 : 4, data: new Uint8Array(width * height * (header.alphaMask === 0 ? 3 : 4)) };
  if (compression === RLE8 || compression === RLE4) {
    pixels.data.fill(255);
    decodeRle(bytes, header, pixels);
  } else if (bitsPerPixel <= 8) {
    decodeIndexed(bytes, header, pixels);
  } else {
    decodePacked(bytes, header, pixels);
  }
  return toPage(pixels, width, height);
}

interface Pixels {
  channels: 3 | 4;
  data: Uint8Array;
}

const RGB = 0;
const RLE8 = 1;
const RLE4 = 2;
const BITFIELDS = 3;
const JPEG = 4;
const PNG = 5;
const ALPHA_BITFIELDS = 6;
// OS/2 2.x headers give codes 3 and 4 other meanings.
const OS2_HUFFMAN = 3;
const OS2_RLE24 = 4;

interface BmpHeader {
  width: number;
  height: number;
  topDown: boolean;
  bitsPerPixel: number;
  compression: number;
  pixelOffset: number;
  /** RGB entries, 3 bytes each. */
  palette: Uint8Array;
  masks: [number, number, number];
  /** 0 where the pixels carry no alpha. */
  alphaMask: number;
}

function corrupt(why: string): DocumentError {
  return new DocumentError('corrupt_image', `The BMP image cannot be decoded: ${why}.`);
}

function unsupported(what: string): DocumentError {
  return new DocumentError('unsupported_format', `The BMP image holds ${what}, which is not read: send it as PNG or TIFF.`);
}

function readHeader(bytes: Uint8Array): BmpHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 26) throw corrupt('its header is cut short');
  const dibSize = view.getUint32(14, true);
  const core = dibSize === 12;
  // Windows headers are these sizes; OS/2 2.x ones any other from 16 to 64.
  const os2 = !core && ![40, 52, 56, 108, 124].includes(dibSize);
  if (bytes.length < 14 + (core ? 12 : 16)) throw corrupt('its header is cut short');
  const width = core ? view.getUint16(18, true) : view.getInt32(18, true);
  const signedHeight = core ? view.getUint16(20, true) : view.getInt32(22, true);
  const bitsPerPixel = view.getUint16(core ? 24 : 28, true);
  const field = (offset: number): number => (dibSize >= offset - 14 + 4 && offset + 4 <= bytes.length ? view.getUint32(offset, true) : 0);
  const compression = core ? RGB : field(30);
  const height = Math.abs(signedHeight);
  if (!(width > 0 && height > 0)) throw corrupt(`its header gives a ${width} × ${signedHeight} size`);
  if (os2 && compression === OS2_HUFFMAN) throw unsupported('Huffman-coded (fax) data');
  if (os2 && compression === OS2_RLE24) throw unsupported('24-bit run-length data');
  if (compression === JPEG) throw unsupported('a JPEG image');
  if (compression === PNG) throw unsupported('a PNG image');
  const valid =
    (compression === RGB && [1, 2, 4, 8, 16, 24, 32].includes(bitsPerPixel)) ||
    (compression === RLE8 && bitsPerPixel === 8) ||
    (compression === RLE4 && bitsPerPixel === 4) ||
    ((compression === BITFIELDS || compression === ALPHA_BITFIELDS) && (bitsPerPixel === 16 || bitsPerPixel === 32));
  if (!valid) throw corrupt(`its header gives ${bitsPerPixel} bits a pixel with compression ${compression}`);

  // Masks sit in V2+ headers, or follow a 40-byte one.
  let tableOffset = 14 + dibSize;
  let masks: [number, number, number];
  let alphaMask = 0;
  if (compression === BITFIELDS || compression === ALPHA_BITFIELDS) {
    const inHeader = dibSize >= 52;
    const at = inHeader ? 54 : tableOffset;
    const count = compression === ALPHA_BITFIELDS ? 4 : 3;
    if (at + count * 4 > bytes.length) throw corrupt('its bit masks are cut short');
    masks = [view.getUint32(at, true), view.getUint32(at + 4, true), view.getUint32(at + 8, true)];
    if (count === 4) alphaMask = view.getUint32(at + 12, true);
    else if (dibSize >= 56) alphaMask = view.getUint32(66, true);
    if (!inHeader) tableOffset += count * 4;
  } else if (bitsPerPixel === 16) {
    masks = [0x7c00, 0x03e0, 0x001f];
  } else {
    masks = [0x00ff0000, 0x0000ff00, 0x000000ff];
    if (bitsPerPixel === 32) alphaMask = 0xff000000;
  }

  let pixelOffset = view.getUint32(10, true);
  let palette = new Uint8Array(0);
  if (bitsPerPixel <= 8) {
    const entrySize = core ? 3 : 4;
    const used = core ? 0 : field(46);
    const count = Math.min(used > 0 ? used : 1 << bitsPerPixel, 1 << bitsPerPixel);
    // An offset that leaves no room for the table is wrong (some writers leave it at the table's
    // start): the pixels follow the table. One inside the table cuts it short, as writers that
    // count more entries than they write put the pixels straight after those they wrote.
    if (pixelOffset <= tableOffset) pixelOffset = tableOffset + count * entrySize;
    const entries = Math.min(count, Math.floor((Math.min(pixelOffset, bytes.length) - tableOffset) / entrySize));
    if (entries <= 0) throw corrupt('its colour table is missing');
    palette = new Uint8Array(entries * 3);
    for (let i = 0; i < entries; i++) {
      const at = tableOffset + i * entrySize;
      palette[i * 3] = bytes[at + 2]!;
      palette[i * 3 + 1] = bytes[at + 1]!;
      palette[i * 3 + 2] = bytes[at]!;
    }
  } else if (pixelOffset < tableOffset) {
    pixelOffset = tableOffset;
  }
  if (pixelOffset >= bytes.length) throw corrupt('its pixels are missing');
  return { width, height, topDown: !core && signedHeight < 0, bitsPerPixel, compression, pixelOffset, palette, masks, alphaMask };
}

/** The bytes of each stored row, padded to 4; throws when the file holds fewer rows. */
function rowLength({ width, height, bitsPerPixel, pixelOffset }: BmpHeader, bytes: Uint8Array): number {
  const length = Math.ceil((width * bitsPerPixel) / 32) * 4;
  // The last row's padding may be missing.
  const needed = length * (height - 1) + Math.ceil((width * bitsPerPixel) / 8);
  if (pixelOffset + needed > bytes.length) throw corrupt('its pixels are cut short');
  return length;
}

const imageRow = (header: BmpHeader, stored: number): number => (header.topDown ? stored : header.height - 1 - stored);

function decodeIndexed(bytes: Uint8Array, header: BmpHeader, pixels: Pixels): void {
  const { width, height, bitsPerPixel, palette, pixelOffset } = header;
  const length = rowLength(header, bytes);
  const perByte = 8 / bitsPerPixel;
  const indexMask = (1 << bitsPerPixel) - 1;
  for (let stored = 0; stored < height; stored++) {
    const source = pixelOffset + stored * length;
    let target = imageRow(header, stored) * width * 3;
    for (let x = 0; x < width; x++, target += 3) {
      const byte = bytes[source + Math.floor(x / perByte)]!;
      setIndexed(pixels.data, target, palette, (byte >> (8 - bitsPerPixel * ((x % perByte) + 1))) & indexMask);
    }
  }
}

/** An index past the table is black, as browsers paint it. */
function setIndexed(rgb: Uint8Array, target: number, palette: Uint8Array, index: number): void {
  const at = index * 3;
  const known = at < palette.length;
  rgb[target] = known ? palette[at]! : 0;
  rgb[target + 1] = known ? palette[at + 1]! : 0;
  rgb[target + 2] = known ? palette[at + 2]! : 0;
}

interface Channel {
  mask: number;
  shift: number;
  max: number;
}

function channel(mask: number): Channel {
  const unsigned = mask >>> 0;
  if (unsigned === 0) return { mask: 0, shift: 0, max: 1 };
  let shift = 0;
  while (((unsigned >>> shift) & 1) === 0) shift++;
  return { mask: unsigned, shift, max: unsigned >>> shift };
}

const scaled = (pixel: number, { mask, shift, max }: Channel): number => (mask === 0 ? 0 : Math.round((((pixel & mask) >>> shift) * 255) / max));

function decodePacked(bytes: Uint8Array, header: BmpHeader, { channels, data }: Pixels): void {
  const { width, height, bitsPerPixel, pixelOffset } = header;
  const length = rowLength(header, bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [red, green, blue] = header.masks.map(channel) as [Channel, Channel, Channel];
  const alpha = channel(header.alphaMask);
  const bytesPerPixel = bitsPerPixel / 8;
  for (let stored = 0; stored < height; stored++) {
    let source = pixelOffset + stored * length;
    let target = imageRow(header, stored) * width * channels;
    for (let x = 0; x < width; x++, source += bytesPerPixel, target += channels) {
      if (bitsPerPixel === 24) {
        data[target] = bytes[source + 2]!;
        data[target + 1] = bytes[source + 1]!;
        data[target + 2] = bytes[source]!;
        continue;
      }
      const pixel = bitsPerPixel === 16 ? view.getUint16(source, true) : view.getUint32(source, true);
      data[target] = scaled(pixel, red);
      data[target + 1] = scaled(pixel, green);
      data[target + 2] = scaled(pixel, blue);
      if (channels === 4) data[target + 3] = scaled(pixel, alpha);
    }
  }
}

/** Run-length data: runs, literal stretches, line ends and jumps; what it never paints stays as it was. */
function decodeRle(bytes: Uint8Array, header: BmpHeader, pixels: Pixels): void {
  const { width, height, palette, compression } = header;
  const four = compression === RLE4;
  let at = header.pixelOffset;
  let x = 0;
  let stored = 0;
  const paint = (index: number): void => {
    if (x < width && stored < height) setIndexed(pixels.data, (imageRow(header, stored) * width + x) * 3, palette, index);
    x++;
  };
  while (at + 1 < bytes.length && stored < height) {
    const count = bytes[at]!;
    const value = bytes[at + 1]!;
    at += 2;
    if (count > 0) {
      for (let i = 0; i < count; i++) paint(four ? (i % 2 === 0 ? value >> 4 : value & 0x0f) : value);
    } else if (value === 0) {
      x = 0;
      stored++;
    } else if (value === 1) {
      return;
    } else if (value === 2) {
      if (at + 1 >= bytes.length) break;
      x += bytes[at]!;
      stored += bytes[at + 1]!;
      at += 2;
    } else {
      const length = four ? Math.ceil(value / 2) : value;
      if (at + length > bytes.length) break;
      for (let i = 0; i < value; i++) paint(four ? (i % 2 === 0 ? bytes[at + (i >> 1)]! >> 4 : bytes[at + (i >> 1)]! & 0x0f) : bytes[at + i]!);
      // Literal stretches end on a 16-bit boundary.
      at += length + (length % 2);
    }
  }
  // Files that stop short of their end-of-bitmap code keep what they painted, as viewers show them.
}

function toPage({ channels, data }: Pixels, width: number, height: number): PageImage {
  if (channels === 3) return { width, height, channels, data };
  for (let i = 3; i < data.length; i += 4) {
    if (data[i] !== 0) return flattenOntoPaper(data, width, height);
  }
  const rgb = new Uint8Array(width * height * 3);
  for (let p = 0, q = 0; q < rgb.length; p += 4, q += 3) {
    rgb[q] = data[p]!;
    rgb[q + 1] = data[p + 1]!;
    rgb[q + 2] = data[p + 2]!;
  }
  return { width, height, channels: 3, data: rgb };
}
