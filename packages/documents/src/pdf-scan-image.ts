import { flatePng } from './flate-png.ts';
import { g4Tiff } from './g4-tiff.ts';
import { inflated, type PdfObjects } from './pdf-objects.ts';
import { PdfRef, nameOf, type PdfDict, type PdfValue } from './pdf-syntax.ts';

/** A scan's image as a PDF stores it, in a file sharp reads, and what its dictionary states. */
export interface StoredImage {
  /**
   * A JPEG, a bitonal CCITT G4 image wrapped as a TIFF, a deflated image with PNG predictors
   * wrapped as a PNG, or plain pixels (`raw`: 8-bit, `components` to a pixel, row after row).
   */
  file: Buffer;
  format: 'jpeg' | 'tiff' | 'png' | 'raw';
  width: number;
  height: number;
  /** 1 for grey or bitonal, 3 for RGB. */
  components: 1 | 3;
}

// A deflated JPEG larger than this is left to pdfjs (a 300 dpi A0 scan is ~50 MB as a JPEG).
const MAX_JPEG_BYTES = 256 << 20;

/**
 * Colour components of a grey or RGB colour space: DeviceGray, DeviceRGB, or an ICC profile of
 * one or three components (scanners often tag their pages sRGB; what the profile changes is no
 * matter for reading the page).
 */
function greyOrRgb(objects: PdfObjects, value: PdfValue | undefined): 1 | 3 | undefined {
  const space = objects.resolve(value);
  const name = nameOf(space);
  if (name === 'DeviceGray' || name === 'DeviceRGB') return name === 'DeviceGray' ? 1 : 3;
  if (!Array.isArray(space) || space.length !== 2 || nameOf(space[0]) !== 'ICCBased') return undefined;
  const components = objects.dict(space[1])?.get('N');
  return components === 1 || components === 3 ? components : undefined;
}

const positiveInteger = (value: PdfValue | undefined): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

/** The parameters of an image's one filter (a dictionary, or an array of one), empty where it has none. */
function decodeParameters(objects: PdfObjects, image: PdfDict): PdfDict {
  const raw = image.get('DecodeParms');
  return objects.dict(Array.isArray(raw) ? raw[0] : raw) ?? new Map<string, PdfValue>();
}

/**
 * A bitonal scan in CCITT G4 (the usual compression of black-and-white scanners) as a TIFF sharp
 * reads, where black runs are drawn black: `BlackIs1` false and no decode map, or both inverted.
 */
function ccittImage(objects: PdfObjects, image: PdfDict, data: Buffer, width: number, height: number): StoredImage | undefined {
  const parameters = decodeParameters(objects, image);
  const k = parameters.get('K') ?? 0;
  const columns = parameters.get('Columns') ?? 1728;
  const rows = parameters.get('Rows') ?? height;
  const blackIs1 = parameters.get('BlackIs1') === true;
  const decode = image.get('Decode');
  const inverted = Array.isArray(decode) && decode[0] === 1 && decode[1] === 0;
  const plain =
    typeof k === 'number' &&
    k < 0 &&
    columns === width &&
    rows === height &&
    parameters.get('EncodedByteAlign') !== true &&
    (decode === undefined || inverted || (Array.isArray(decode) && decode[0] === 0 && decode[1] === 1)) &&
    blackIs1 === inverted &&
    image.get('BitsPerComponent') === 1 &&
    greyOrRgb(objects, image.get('ColorSpace')) === 1;
  return plain ? { file: g4Tiff(data, width, height), format: 'tiff', width, height, components: 1 } : undefined;
}

/**
 * A lossless scan: deflated 8-bit grey or RGB pixels, with PNG predictors (as img2pdf embeds a
 * PNG) or as plain rows. No decode map.
 */
function flateImage(objects: PdfObjects, image: PdfDict, data: Buffer, width: number, height: number): StoredImage | undefined {
  const parameters = decodeParameters(objects, image);
  const bits = image.get('BitsPerComponent');
  const components = greyOrRgb(objects, image.get('ColorSpace'));
  const predictor = parameters.get('Predictor') ?? 1;
  if (bits !== 8 || components === undefined || image.has('Decode')) return undefined;
  if (typeof predictor === 'number' && predictor >= 10) {
    // The rows as the predictor reads them must be the image's.
    const rows = (parameters.get('Colors') ?? 1) === components && (parameters.get('BitsPerComponent') ?? 8) === bits && (parameters.get('Columns') ?? 1) === width;
    return rows ? { file: flatePng(data, width, height, components), format: 'png', width, height, components } : undefined;
  }
  if (predictor !== 1) return undefined;
  const size = width * height * components;
  const pixels = inflated(data, size);
  return pixels && pixels.length === size ? { file: pixels, format: 'raw', width, height, components } : undefined;
}

/** The image's file, when it is one PDF draws as it is stored: a grey or RGB JPEG, a bitonal G4 scan, or deflated pixels; no mask. */
export function plainImage(objects: PdfObjects, ref: PdfValue | undefined): StoredImage | undefined {
  // The dictionary first: a page of drawings may name hundreds of forms, whose streams need not be read.
  const image = ref instanceof PdfRef ? objects.dict(ref) : undefined;
  if (!image) return undefined;
  const filter = image.get('Filter');
  // A JPEG, (as some scanners write it) a JPEG deflated once more, a bitonal scan, or deflated pixels.
  const filters = (Array.isArray(filter) ? filter : [filter]).map(nameOf).join(' ');
  const width = image.get('Width');
  const height = image.get('Height');
  const unmasked =
    nameOf(image.get('Subtype')) === 'Image' &&
    !['SMask', 'Mask', 'OC', 'SMaskInData'].some((key) => image.has(key)) &&
    image.get('ImageMask') !== true &&
    positiveInteger(width) &&
    positiveInteger(height);
  if (!unmasked) return undefined;
  if (filters === 'CCITTFaxDecode' || filters === 'FlateDecode') {
    const stream = objects.stream(ref as PdfRef);
    if (!stream) return undefined;
    return (filters === 'FlateDecode' ? flateImage : ccittImage)(objects, image, stream.data, width, height);
  }
  const parameters = image.get('DecodeParms');
  const components = greyOrRgb(objects, image.get('ColorSpace'));
  const jpeg =
    (filters === 'DCTDecode' || filters === 'FlateDecode DCTDecode') &&
    // ColorTransform and the like: pdfjs follows them, a plain JPEG decoder may not.
    (parameters === undefined || parameters === null || (Array.isArray(parameters) && parameters.every((p) => p === null))) &&
    image.get('BitsPerComponent') === 8 &&
    !image.has('Decode') &&
    components !== undefined;
  const stream = jpeg ? objects.stream(ref as PdfRef) : undefined;
  const file = stream && (filters === 'DCTDecode' ? stream.data : inflated(stream.data, MAX_JPEG_BYTES));
  return file && { file, format: 'jpeg', width, height, components: components! };
}
