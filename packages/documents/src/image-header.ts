import { DocumentError } from './errors.ts';
import type { DocumentFormat } from './format.ts';
import type { PageSize } from './limits.ts';
import { readNetpbmHeader } from './netpbm.ts';

/** Reading stops here: the page limit refuses long before, and a crafted IFD chain cannot spin. */
const MAX_TIFF_FRAMES = 100_000;

/** One page of an image file as its header describes it. */
export interface ImagePage extends PageSize {
  /**
   * Decodes a band at a time, so scaling it down as it decodes needs little memory: TIFF strips
   * and tiles, a non-interlaced PNG, a sequential JPEG; JPEG 2000 decodes no finer a resolution
   * level than it needs. An interlaced PNG, a progressive JPEG, GIF, WebP, BMP and PNM are decoded
   * whole first.
   */
  inBands: boolean;
  /**
   * How much taller than wide one pixel is (x resolution over y resolution), where a TIFF or PNG
   * header gives the two apart: a standard-mode fax at 204 × 98 dpi has 2.08. Absent for square pixels.
   */
  pixelAspect?: number;
  /** TIFF Orientation 5 to 8: decoding turns the image a quarter, so its rows become columns. */
  turned?: boolean;
  /**
   * A TIFF page in old-style JPEG (compression 6, as 1990s imaging software wrote scans), which
   * libvips's libtiff is built without: where the page points at a whole JPEG file it holds
   * (JPEGInterchangeFormat), that file, decoded as a JPEG.
   */
  embeddedJpeg?: { offset: number; length: number };
}

/** Resolutions this close count as square (a fine-mode fax, 204 × 196 dpi); past 4:1 a header is not believed. */
const SQUARE_ENOUGH = 0.05;
const MOST_ASPECT = 4;

/** x over y resolution when they differ enough to matter and are believable; else undefined. */
function pixelAspect(xResolution: number, yResolution: number): number | undefined {
  if (!(xResolution > 0 && yResolution > 0)) return undefined;
  const aspect = xResolution / yResolution;
  if (Math.abs(aspect - 1) <= SQUARE_ENOUGH || aspect > MOST_ASPECT || aspect < 1 / MOST_ASPECT) return undefined;
  return aspect;
}

/**
 * Page sizes from an image's header alone, without decoding pixels: PNG IHDR, JPEG SOFn,
 * BMP DIB header, WebP VP8/VP8L/VP8X, GIF logical screen, AVIF and HEIC `ispe`, JPEG 2000 SIZ, PNM width and height,
 * and every IFD of a TIFF (one size per page).
 * A header that cannot be read is corrupt_image.
 */
export function readImageHeader(bytes: Uint8Array, format: Exclude<DocumentFormat, 'pdf'>): ImagePage[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sizes: ImagePage[];
  try {
    sizes = HEADER_READERS[format](view);
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    // A RangeError from DataView: the header runs past the end of the file.
    throw corrupt(format, 'its header is cut short');
  }
  for (const size of sizes) {
    if (!(size.width > 0 && size.height > 0)) throw corrupt(format, `its header gives a ${size.width} × ${size.height} size`);
  }
  return sizes;
}

function corrupt(format: string, why: string): DocumentError {
  return new DocumentError('corrupt_image', `The ${format.toUpperCase()} image cannot be read: ${why}.`);
}

const HEADER_READERS: Record<Exclude<DocumentFormat, 'pdf'>, (view: DataView) => ImagePage[]> = {
  png: readPng,
  jpeg: readJpeg,
  bmp: readBmp,
  webp: readWebp,
  gif: readGif,
  avif: (view) => readHeif(view, 'avif'),
  heic: (view) => readHeif(view, 'heic'),
  jp2: readJp2,
  pnm: readPnm,
  tiff: readTiff,
};

function fourCC(view: DataView, offset: number): string {
  return String.fromCharCode(view.getUint8(offset), view.getUint8(offset + 1), view.getUint8(offset + 2), view.getUint8(offset + 3));
}

// The logical screen, which every frame is drawn into; only the first frame is read (like WebP).
function readGif(view: DataView): ImagePage[] {
  return [{ width: view.getUint16(6, true), height: view.getUint16(8, true), inBands: false }];
}

function readPng(view: DataView): ImagePage[] {
  if (fourCC(view, 12) !== 'IHDR') throw corrupt('png', 'the IHDR chunk is missing');
  // The last IHDR byte: 0 no interlace, 1 Adam7.
  const page: ImagePage = { width: view.getUint32(16), height: view.getUint32(20), inBands: view.getUint8(28) === 0 };
  const aspect = pngPixelAspect(view);
  return [aspect === undefined ? page : { ...page, pixelAspect: aspect }];
}

/** From the pHYs chunk, which comes before the image data: pixels per unit across and down. */
function pngPixelAspect(view: DataView): number | undefined {
  for (let offset = 8; offset + 8 <= view.byteLength; ) {
    const length = view.getUint32(offset);
    const type = fourCC(view, offset + 4);
    if (type === 'pHYs' && length >= 8 && offset + 16 <= view.byteLength) {
      return pixelAspect(view.getUint32(offset + 8), view.getUint32(offset + 12));
    }
    if (type === 'IDAT' || type === 'IEND') return undefined;
    offset += 12 + length;
  }
  return undefined;
}

// SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
const isStartOfFrame = (marker: number): boolean =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
// Baseline and extended sequential DCT: decoded row by row; the other frame types buffer the whole image.
const SEQUENTIAL_FRAMES = new Set([0xc0, 0xc1]);
// Markers that stand alone, without a length: TEM, RST0..7, SOI.
const hasNoLength = (marker: number): boolean => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8);

function readJpeg(view: DataView): ImagePage[] {
  let offset = 2;
  while (offset < view.byteLength) {
    if (view.getUint8(offset) !== 0xff) {
      // Extraneous bytes before a marker (a segment whose length is off by a few, as some editors
      // write them): libjpeg skips to the next 0xFF with a warning, and decodes the image.
      offset++;
      continue;
    }
    const marker = view.getUint8(offset + 1);
    if (marker === 0xff) {
      offset++; // fill byte
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break; // end of image, or scan data before any frame
    if (hasNoLength(marker)) {
      offset += 2;
      continue;
    }
    if (isStartOfFrame(marker)) {
      return [{ width: view.getUint16(offset + 7), height: view.getUint16(offset + 5), inBands: SEQUENTIAL_FRAMES.has(marker) }];
    }
    offset += 2 + view.getUint16(offset + 2);
  }
  throw corrupt('jpeg', 'no frame header (SOF) was found');
}

function readBmp(view: DataView): ImagePage[] {
  const dibSize = view.getUint32(14, true);
  if (dibSize === 12) return [{ width: view.getUint16(18, true), height: view.getUint16(20, true), inBands: false }];
  // A negative height means rows are stored top-down.
  return [{ width: view.getInt32(18, true), height: Math.abs(view.getInt32(22, true)), inBands: false }];
}

// The first image's size; a file of several concatenated images is read as its first (like GIF).
function readPnm(view: DataView): ImagePage[] {
  const { width, height } = readNetpbmHeader(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  return [{ width, height, inBands: false }];
}

function readWebp(view: DataView): ImagePage[] {
  return [{ ...webpSize(view), inBands: false }];
}

function webpSize(view: DataView): PageSize {
  const chunk = fourCC(view, 12);
  if (chunk === 'VP8X') {
    const uint24 = (o: number): number => view.getUint8(o) | (view.getUint8(o + 1) << 8) | (view.getUint8(o + 2) << 16);
    return { width: uint24(24) + 1, height: uint24(27) + 1 };
  }
  if (chunk === 'VP8L') {
    if (view.getUint8(20) !== 0x2f) throw corrupt('webp', 'the lossless signature is missing');
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ') {
    if (view.getUint8(23) !== 0x9d || view.getUint8(24) !== 0x01 || view.getUint8(25) !== 0x2a) {
      throw corrupt('webp', 'the lossy frame start code is missing');
    }
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  throw corrupt('webp', `unknown first chunk "${chunk}"`);
}

/** ISO-BMFF (and JP2) boxes from `start` to `end`: [type, where the content starts, where the box ends]. */
function* boxes(view: DataView, start: number, end: number, format: string): Generator<[string, number, number]> {
  for (let at = start; at + 8 <= end; ) {
    let size = view.getUint32(at);
    let header = 8;
    if (size === 1) {
      size = Number(view.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < header || at + size > end) throw corrupt(format, 'a box runs past its container');
    yield [fourCC(view, at + 4), at + header, at + size];
    at += size;
  }
}

/** The children of the first box of `type` among the boxes from `start` to `end`; `full` boxes carry 4 more header bytes. */
function child(view: DataView, start: number, end: number, type: string, format: string, full = false): [number, number] {
  for (const [found, content, boxEnd] of boxes(view, start, end, format)) {
    if (found === type) return [content + (full ? 4 : 0), boxEnd];
  }
  throw corrupt(format, `it has no ${type} box`);
}

/**
 * HEIF (AVIF, HEIC): the largest `ispe` (image spatial extents) among the item properties (meta →
 * iprp → ipco). A grid image's own size is its largest; its tiles, thumbnail and alpha are
 * smaller. It is the size before any turn (`irot`): the page's area, whichever way up.
 */
function readHeif(view: DataView, format: 'avif' | 'heic'): ImagePage[] {
  const meta = child(view, 0, view.byteLength, 'meta', format, true);
  const iprp = child(view, meta[0], meta[1], 'iprp', format);
  const ipco = child(view, iprp[0], iprp[1], 'ipco', format);
  let size: PageSize | undefined;
  for (const [type, content] of boxes(view, ipco[0], ipco[1], format)) {
    if (type !== 'ispe') continue;
    const width = view.getUint32(content + 4);
    const height = view.getUint32(content + 8);
    if (!size || width * height > size.width * size.height) size = { width, height };
  }
  if (!size) throw corrupt(format, 'it gives no image size (ispe)');
  return [{ ...size, inBands: false }];
}

/** JPEG 2000: the image area its codestream's SIZ marker gives (in a JP2 file, the `jp2c` box's codestream). */
function readJp2(view: DataView): ImagePage[] {
  let soc = 0;
  if (view.getUint16(0) !== 0xff4f) {
    soc = -1;
    for (const [type, content] of boxes(view, 0, view.byteLength, 'jp2')) {
      if (type === 'jp2c') {
        soc = content;
        break;
      }
    }
    if (soc < 0) throw corrupt('jp2', 'it has no codestream (jp2c box)');
  }
  if (view.getUint16(soc) !== 0xff4f || view.getUint16(soc + 2) !== 0xff51) throw corrupt('jp2', 'its codestream does not open with SOC and SIZ');
  // Xsiz, Ysiz: the reference grid's far corner; XOsiz, YOsiz: where the image starts on it.
  const width = view.getUint32(soc + 8) - view.getUint32(soc + 16);
  const height = view.getUint32(soc + 12) - view.getUint32(soc + 20);
  return [{ width, height, inBands: true }];
}

const TIFF_IMAGE_WIDTH = 256;
const TIFF_IMAGE_LENGTH = 257;
const TIFF_ORIENTATION = 274;
const TIFF_X_RESOLUTION = 282;
const TIFF_Y_RESOLUTION = 283;
const TIFF_COMPRESSION = 259;
const TIFF_OLD_JPEG = 6;
const TIFF_JPEG_INTERCHANGE_FORMAT = 513;
const TIFF_JPEG_INTERCHANGE_FORMAT_LENGTH = 514;
const TIFF_SHORT = 3;
const TIFF_RATIONAL = 5;

function readTiff(view: DataView): ImagePage[] {
  const little = view.getUint8(0) === 0x49;
  const sizes: ImagePage[] = [];
  const seen = new Set<number>();
  let ifd = view.getUint32(4, little);
  while (ifd !== 0) {
    if (seen.has(ifd)) throw corrupt('tiff', 'its page chain loops');
    if (sizes.length >= MAX_TIFF_FRAMES) throw corrupt('tiff', `it claims more than ${MAX_TIFF_FRAMES} pages`);
    seen.add(ifd);
    const entries = view.getUint16(ifd, little);
    let width = 0;
    let height = 0;
    let orientation = 1;
    let xResolution = 0;
    let yResolution = 0;
    let compression = 0;
    let jpegOffset = 0;
    let jpegLength = 0;
    for (let i = 0; i < entries; i++) {
      const entry = ifd + 2 + i * 12;
      const tag = view.getUint16(entry, little);
      const type = view.getUint16(entry + 2, little);
      if (tag === TIFF_X_RESOLUTION || tag === TIFF_Y_RESOLUTION) {
        // A RATIONAL is 8 bytes, so the entry holds where it is; one the file cannot hold is ignored.
        const at = view.getUint32(entry + 8, little);
        if (type !== TIFF_RATIONAL || at + 8 > view.byteLength) continue;
        const value = view.getUint32(at, little) / view.getUint32(at + 4, little);
        if (tag === TIFF_X_RESOLUTION) xResolution = value;
        else yResolution = value;
        continue;
      }
      const value = type === TIFF_SHORT ? view.getUint16(entry + 8, little) : view.getUint32(entry + 8, little);
      if (tag === TIFF_IMAGE_WIDTH) width = value;
      else if (tag === TIFF_IMAGE_LENGTH) height = value;
      else if (tag === TIFF_ORIENTATION) orientation = value;
      else if (tag === TIFF_COMPRESSION) compression = value;
      else if (tag === TIFF_JPEG_INTERCHANGE_FORMAT) jpegOffset = value;
      else if (tag === TIFF_JPEG_INTERCHANGE_FORMAT_LENGTH) jpegLength = value;
    }
    const aspect = pixelAspect(xResolution, yResolution);
    // The length is optional: the JPEG data ends with its own end-of-image marker.
    const embeddedJpeg =
      compression === TIFF_OLD_JPEG && jpegOffset > 0 && jpegOffset + 3 <= view.byteLength && view.getUint16(jpegOffset) === 0xffd8
        ? { offset: jpegOffset, length: jpegLength > 0 ? Math.min(jpegLength, view.byteLength - jpegOffset) : view.byteLength - jpegOffset }
        : undefined;
    sizes.push({
      width,
      height,
      inBands: true,
      ...(aspect === undefined ? {} : { pixelAspect: aspect, turned: orientation >= 5 && orientation <= 8 }),
      ...(embeddedJpeg ? { embeddedJpeg } : {}),
    });
    ifd = view.getUint32(ifd + 2 + entries * 12, little);
  }
  if (sizes.length === 0) throw corrupt('tiff', 'it has no pages');
  return sizes;
}
