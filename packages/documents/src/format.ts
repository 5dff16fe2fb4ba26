import { DocumentError } from './errors.ts';
import { looksLikeNetpbm } from './netpbm.ts';
import { describeUnsupported } from './unsupported-format.ts';

export type DocumentFormat = 'jpeg' | 'png' | 'bmp' | 'tiff' | 'webp' | 'gif' | 'avif' | 'heic' | 'jp2' | 'pnm' | 'pdf';

// The PDF header may follow some junk (readers, pdfjs included, look this far for it).
const PDF_HEADER_WINDOW = 1024;
// DIB header sizes a real BMP carries: core, info, v2, v3, OS/2 v2, v4, v5.
const BMP_DIB_HEADER_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

function hasPdfHeader(bytes: Uint8Array): boolean {
  const header = ascii('%PDF-');
  const end = Math.min(bytes.length - header.length, PDF_HEADER_WINDOW);
  for (let i = 0; i <= end; i++) if (startsWith(bytes, header, i)) return true;
  return false;
}

/**
 * A PDF whose writer left out the header (`%PDF-`) but whose body opens with an indirect object,
 * after at most some comment lines: readers, pdfjs and poppler included, open such a file.
 */
function isHeaderlessPdf(bytes: Uint8Array): boolean {
  const start = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PDF_HEADER_WINDOW)).toString('latin1');
  return /^\s*(?:%[^\r\n]*[\r\n]+\s*)*\d+\s+\d+\s+obj\b/.test(start);
}

/** The brands an ISO-BMFF file names in its `ftyp` box: the major brand, then the compatible ones to the box's end. */
function ftypBrands(bytes: Uint8Array): string[] {
  if (!startsWith(bytes, ascii('ftyp'), 4) || bytes.length < 16) return [];
  const size = Math.min(bytes.length, ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0);
  const brands: string[] = [];
  // The major brand at 8, the minor version at 12, then compatible brands.
  for (let at = 8; at + 4 <= size; at += at === 8 ? 8 : 4) brands.push(String.fromCharCode(...bytes.subarray(at, at + 4)));
  return brands;
}

// HEIF's brands for HEVC images and sequences, and the codec-neutral ones phones and libheif write.
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'mif2', 'mif3', 'msf1']);

/** AVIF or another HEIF file (an HEIC photo), told by its brands: AVIF names itself wherever it also names HEIF's. */
function heifFormat(bytes: Uint8Array): 'avif' | 'heic' | undefined {
  const brands = ftypBrands(bytes);
  if (brands.some((brand) => brand === 'avif' || brand === 'avis')) return 'avif';
  return brands.some((brand) => HEIF_BRANDS.has(brand)) ? 'heic' : undefined;
}

/** JPEG 2000: the JP2 file format's signature box, or a bare codestream (SOC then SIZ). */
function isJpeg2000(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0, 0, 0, 0x0c, ...ascii('jP  '), 0x0d, 0x0a, 0x87, 0x0a]) || startsWith(bytes, [0xff, 0x4f, 0xff, 0x51]);
}

function isBmp(bytes: Uint8Array): boolean {
  // "BM" alone is two bytes of text; the DIB header size makes a match believable.
  if (!startsWith(bytes, ascii('BM')) || bytes.length < 18) return false;
  const dibSize = bytes[14]! | (bytes[15]! << 8) | (bytes[16]! << 16) | (bytes[17]! << 24);
  return BMP_DIB_HEADER_SIZES.has(dibSize);
}

/**
 * The document format told by the file's magic bytes, or null when it is none we read.
 * The filename's extension plays no part.
 *
 * @example
 * sniffFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])); // 'jpeg'
 */
export function sniffFormat(bytes: Uint8Array): DocumentFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('II*\0')) || startsWith(bytes, ascii('MM\0*'))) return 'tiff';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  const heif = heifFormat(bytes);
  if (heif) return heif;
  if (isJpeg2000(bytes)) return 'jp2';
  if (isBmp(bytes)) return 'bmp';
  // PBM, PGM, PPM: "P1" to "P6" alone is two bytes of text; a width and a height after it make a match believable.
  if (looksLikeNetpbm(bytes)) return 'pnm';
  if (hasPdfHeader(bytes) || isHeaderlessPdf(bytes)) return 'pdf';
  return null;
}

/** Like sniffFormat, but an empty or unrecognised file is a DocumentError. */
export function requireFormat(bytes: Uint8Array): DocumentFormat {
  if (bytes.length === 0) throw new DocumentError('empty_file', 'The uploaded file is empty.');
  const format = sniffFormat(bytes);
  if (!format) {
    const known = describeUnsupported(bytes);
    throw new DocumentError(
      'unsupported_format',
      known
        ? `The file is ${known.name}, which is not read: ${known.instead}. ` +
            'The service reads JPEG, PNG, BMP, TIFF, WebP, GIF, AVIF, HEIC, JPEG 2000, PNM (PBM, PGM, PPM) and PDF, judged by content, not name.'
        : 'The file is not a JPEG, PNG, BMP, TIFF, WebP, GIF, AVIF, HEIC, JPEG 2000, PNM (PBM, PGM, PPM) or PDF (judged by its content, not its name).',
    );
  }
  return format;
}
