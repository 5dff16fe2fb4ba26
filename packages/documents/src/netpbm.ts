import type { PageImage } from '@ocr/contracts';
import { DocumentError } from './errors.ts';

/** Netpbm's six image kinds by magic number: P1–P3 write their samples as ASCII numbers, P4–P6 as bytes. */
type NetpbmKind = 1 | 2 | 3 | 4 | 5 | 6;

/** What a PBM, PGM or PPM header says, and where its samples start. */
export interface NetpbmHeader {
  kind: NetpbmKind;
  width: number;
  height: number;
  /** The value of full intensity: 1 for a bitmap (P1, P4), else 1 to 65535. */
  maxval: number;
  /** The first byte after the header (P4–P6: after the one whitespace byte that ends it). */
  dataOffset: number;
}

const MAX_MAXVAL = 65535;
/** A width or height past this is no real image (and stays far from where doubles lose integers). */
const MAX_SIDE = 0x7fffffff;

const HASH = 0x23;
const ZERO = 0x30;
const NINE = 0x39;
const isWhitespace = (byte: number | undefined): boolean => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
const isDigit = (byte: number | undefined): boolean => byte !== undefined && byte >= ZERO && byte <= NINE;
const isEndOfLine = (byte: number | undefined): boolean => byte === 0x0a || byte === 0x0d;

/** Where the next token starts: past whitespace and `#` comments (each to its end of line). */
function skipSeparators(bytes: Uint8Array, at: number): number {
  while (at < bytes.length) {
    if (isWhitespace(bytes[at])) at++;
    else if (bytes[at] === HASH) while (at < bytes.length && !isEndOfLine(bytes[at])) at++;
    else break;
  }
  return at;
}

/** The magic number's kind when the bytes open with P1–P6 and a separator, else undefined. */
function magicKind(bytes: Uint8Array): NetpbmKind | undefined {
  if (bytes.length < 3 || bytes[0] !== 0x50 || !(isWhitespace(bytes[2]) || bytes[2] === HASH)) return undefined;
  const digit = bytes[1]! - ZERO;
  return digit >= 1 && digit <= 6 ? (digit as NetpbmKind) : undefined;
}

/** The decimal number at `at`; undefined when no digit is there or the digits run on into something that is not a separator ("12px"). */
function readNumber(bytes: Uint8Array, at: number): { value: number; end: number } | undefined {
  let end = at;
  let value = 0;
  while (isDigit(bytes[end])) value = value * 10 + (bytes[end++]! - ZERO);
  if (end === at) return undefined;
  if (end < bytes.length && !isWhitespace(bytes[end]) && bytes[end] !== HASH) return undefined;
  return { value, end };
}

/**
 * Whether the bytes open like a Netpbm image: P1–P6, a separator, then a width and a height that
 * are numbers. Text that happens to start "P1 " has no numbers there.
 */
export function looksLikeNetpbm(bytes: Uint8Array): boolean {
  if (magicKind(bytes) === undefined) return false;
  const width = readNumber(bytes, skipSeparators(bytes, 2));
  return width !== undefined && readNumber(bytes, skipSeparators(bytes, width.end)) !== undefined;
}

function corrupt(reason: string): DocumentError {
  return new DocumentError('corrupt_image', `The PNM image cannot be decoded (it may be truncated or damaged): ${reason}`);
}

/**
 * Reads a PBM, PGM or PPM header: magic number, width, height and (but for a bitmap) maxval, with
 * `#` comments allowed between them. A header that cannot be read is corrupt_image.
 *
 * @example
 * readNetpbmHeader(Buffer.from('P5\n# scanimage\n2480 3508\n255\n')); // { kind: 5, width: 2480, height: 3508, maxval: 255, dataOffset: 29 }
 */
export function readNetpbmHeader(bytes: Uint8Array): NetpbmHeader {
  const kind = magicKind(bytes);
  if (kind === undefined) throw corrupt('it does not open with a magic number P1 to P6');
  const bitmap = kind === 1 || kind === 4;
  const names = bitmap ? ['width', 'height'] : ['width', 'height', 'maxval'];
  const values: number[] = [];
  let at = 2;
  for (const name of names) {
    at = skipSeparators(bytes, at);
    if (at >= bytes.length) throw corrupt(`its header is cut short before the ${name}`);
    const number = readNumber(bytes, at);
    if (number === undefined) throw corrupt(`its header has no number where the ${name} belongs`);
    values.push(number.value);
    at = number.end;
  }
  const [width, height, maxval = 1] = values as [number, number, number?];
  if (!(width > 0 && height > 0)) throw corrupt(`its header gives a ${width} × ${height} size`);
  if (width > MAX_SIDE || height > MAX_SIDE) throw corrupt('its header gives a size too large to be real');
  if (!(maxval >= 1 && maxval <= MAX_MAXVAL)) throw corrupt(`its maxval is ${maxval}, not 1 to ${MAX_MAXVAL}`);
  if (at >= bytes.length) throw corrupt('its header is cut short after the last number');
  // Exactly one whitespace byte ends the header; a comment there ends at its line break, which counts as that byte.
  if (bytes[at] === HASH) while (at < bytes.length && !isEndOfLine(bytes[at])) at++;
  return { kind, width, height, maxval, dataOffset: at + 1 };
}

/** value × 255 / maxval, rounded, for every value from 0 to maxval (a sample over maxval, out of spec, is read as white). */
function scaleTable(maxval: number): Uint8Array {
  const table = new Uint8Array(maxval + 1);
  for (let value = 0; value <= maxval; value++) table[value] = Math.round((value * 255) / maxval);
  return table;
}

/**
 * Decodes the first image of a PBM, PGM or PPM file (P1–P6; 1- to 16-bit samples, big-endian
 * when maxval is over 255), which sharp cannot read, into RGB: a bitmap's 1 is black, and
 * samples are scaled from 0..maxval to 0..255. Damaged data is corrupt_image; images after the
 * first in the file are ignored.
 *
 * @example
 * decodeNetpbm(Buffer.from('P1\n2 1\n10')); // { width: 2, height: 1, channels: 3, data: [0, 0, 0, 255, 255, 255] }
 */
export function decodeNetpbm(bytes: Uint8Array): PageImage {
  const header = readNetpbmHeader(bytes);
  const { kind, width, height } = header;
  const pixels = width * height;
  const samples = kind === 3 || kind === 6 ? pixels * 3 : pixels;
  const rgb = kind <= 3 ? decodeAscii(bytes, header, samples) : decodeBinary(bytes, header, samples);
  return { width, height, channels: 3, data: rgb };
}

/** Grey samples (one per pixel) repeated into RGB, or RGB samples as they are. */
function toRgb(samples: Uint8Array, pixels: number): Uint8Array {
  if (samples.length === pixels * 3) return samples;
  const rgb = new Uint8Array(pixels * 3);
  for (let p = 0; p < pixels; p++) rgb[p * 3] = rgb[p * 3 + 1] = rgb[p * 3 + 2] = samples[p]!;
  return rgb;
}

function decodeBinary(bytes: Uint8Array, header: NetpbmHeader, count: number): Uint8Array {
  const { kind, width, height, maxval, dataOffset } = header;
  const available = bytes.length - dataOffset;
  if (kind === 4) {
    const rowBytes = Math.ceil(width / 8);
    if (available < rowBytes * height) throw corrupt(`its data holds ${Math.max(0, available)} bytes of the ${rowBytes * height} its size needs`);
    const grey = new Uint8Array(count);
    for (let y = 0; y < height; y++) {
      const row = dataOffset + y * rowBytes;
      for (let x = 0; x < width; x++) grey[y * width + x] = (bytes[row + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 0 : 255;
    }
    return toRgb(grey, count);
  }
  const sampleBytes = maxval > 255 ? 2 : 1;
  if (available < count * sampleBytes) throw corrupt(`its data holds ${Math.max(0, available)} bytes of the ${count * sampleBytes} its size needs`);
  const table = scaleTable(maxval);
  const scaled = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const at = dataOffset + i * sampleBytes;
    const value = sampleBytes === 2 ? (bytes[at]! << 8) | bytes[at + 1]! : bytes[at]!;
    scaled[i] = value <= maxval ? table[value]! : 255;
  }
  return toRgb(scaled, header.width * header.height);
}

function decodeAscii(bytes: Uint8Array, header: NetpbmHeader, count: number): Uint8Array {
  const { kind, maxval } = header;
  // A bitmap's digits may run together; other samples need a separator each. Refusing a file too
  // short for its size up front keeps a few bytes from claiming a large allocation.
  const least = kind === 1 ? count : 2 * count - 1;
  if (bytes.length - header.dataOffset < least) throw corrupt(`its data is too short for a ${header.width} × ${header.height} image`);
  const table = scaleTable(maxval);
  const scaled = new Uint8Array(count);
  let at = header.dataOffset;
  for (let i = 0; i < count; i++) {
    at = skipSeparators(bytes, at);
    if (at >= bytes.length) throw corrupt(`its data ends after ${i} of ${count} samples`);
    if (kind === 1) {
      const bit = bytes[at++]! - ZERO;
      if (bit !== 0 && bit !== 1) throw corrupt(`sample ${i + 1} is not 0 or 1`);
      scaled[i] = bit === 1 ? 0 : 255;
      continue;
    }
    const number = readNumber(bytes, at);
    if (number === undefined) throw corrupt(`sample ${i + 1} is not a number`);
    scaled[i] = number.value <= maxval ? table[number.value]! : 255;
    at = number.end;
  }
  return toRgb(scaled, header.width * header.height);
}
