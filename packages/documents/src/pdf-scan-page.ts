import { flatePng } from './flate-png.ts';
import { g4Tiff } from './g4-tiff.ts';
import { decodedStream, inflated, type PdfObjects } from './pdf-objects.ts';
import { PdfKeyword, PdfLexer, PdfRef, PdfSyntaxError, nameOf, type PdfDict, type PdfValue } from './pdf-syntax.ts';

/** A page that is one scanned image: the file sharp reads it from, what its dictionary states, and where it lies. */
export interface ScanImage {
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
  /**
   * The image's edges on the page before /Rotate, as fractions of the page's visible box from its
   * top-left corner: a scan often falls a point short of the page or runs a point over it.
   */
  box: Box;
  /** What a clipping path leaves of the page, in the same fractions (the whole page: 0 to 1). */
  clip: Box;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

type StoredImage = Omit<ScanImage, 'box' | 'clip'>;

type Matrix = [number, number, number, number, number, number];

// A page's content streams are a few KB for a scan, more with an invisible text layer.
const MAX_CONTENT_BYTES = 2 << 20;
// A deflated JPEG larger than this is left to pdfjs (a 300 dpi A0 scan is ~50 MB as a JPEG).
const MAX_JPEG_BYTES = 256 << 20;
const MAX_PARENTS = 32;
// Area of the image over the page's: beyond, pdfjs renders the part that shows.
const MAX_OVERDRAW = 4;
// Forms drawn inside forms, at most.
const MAX_FORM_DEPTH = 4;

// Operators that paint nothing and change nothing a single image is drawn with.
const HARMLESS = new Set([
  'BT', 'ET', 'Tc', 'Tw', 'Tz', 'TL', 'Tf', 'Ts', 'Td', 'TD', 'Tm', 'T*',
  'g', 'G', 'rg', 'RG', 'k', 'K', 'cs', 'CS', 'sc', 'SC', 'scn', 'SCN',
  'w', 'J', 'j', 'M', 'd', 'ri', 'i',
  'BMC', 'BDC', 'EMC', 'MP', 'DP', 'BX', 'EX',
]);
const SHOW_TEXT = new Set(['Tj', 'TJ', "'", '"']);
// Text render mode 3 draws nothing: the hidden text layer of a searchable scan.
const INVISIBLE_TEXT = 3;

function multiply(m: Matrix, by: Matrix): Matrix {
  const [a, b, c, d, e, f] = m;
  const [A, B, C, D, E, F] = by;
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

/** A page attribute, looked up through the page tree as PDF inheritance has it. */
function inherited(objects: PdfObjects, page: PdfDict, key: string): PdfValue | undefined {
  let node: PdfDict | undefined = page;
  for (let depth = 0; node && depth < MAX_PARENTS; depth++) {
    const value = node.get(key);
    if (value !== undefined) return value;
    node = objects.dict(node.get('Parent'));
  }
  return undefined;
}

/** The page's content streams, decoded and joined, or undefined where one cannot be read. */
function pageContent(objects: PdfObjects, page: PdfDict): string | undefined {
  let contents = page.get('Contents');
  if (contents instanceof PdfRef && !objects.stream(contents)) contents = objects.get(contents);
  const refs = Array.isArray(contents) ? contents : [contents];
  const parts: Buffer[] = [];
  let total = 0;
  for (const ref of refs) {
    if (!(ref instanceof PdfRef)) return undefined;
    const stream = objects.stream(ref);
    const data = stream && decodedStream(stream, MAX_CONTENT_BYTES - total);
    if (!data) return undefined;
    parts.push(data, Buffer.from('\n'));
    total += data.length + 1;
  }
  return Buffer.concat(parts).toString('latin1');
}

/** An upright rectangle in page space (PDF units, y up). */
interface Rect {
  left: number;
  bottom: number;
  right: number;
  top: number;
}

function intersect(a: Rect | undefined, b: Rect): Rect {
  if (!a) return b;
  return { left: Math.max(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.min(a.right, b.right), top: Math.min(a.top, b.top) };
}

/** Turns nothing (though it may mirror): a rectangle stays an upright rectangle. */
const axisAligned = ([a, b, c, d]: Matrix): boolean => Math.abs(b) < 1e-6 * Math.abs(a) && Math.abs(c) < 1e-6 * Math.abs(d);
/** Neither turns nor mirrors: an image comes out as stored. */
const upright = (matrix: Matrix): boolean => axisAligned(matrix) && matrix[0] > 0 && matrix[3] > 0;

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const numbers = (values: PdfValue[], count: number): values is number[] => values.length === count && values.every((n) => typeof n === 'number');

/** The rectangle from (x0, y0) to (x1, y1) on the page, drawn through an axis-aligned matrix. */
function onPage([a, , , d, e, f]: Matrix, x0: number, y0: number, x1: number, y1: number): Rect {
  const xs = [a * x0 + e, a * x1 + e];
  const ys = [d * y0 + f, d * y1 + f];
  return { left: Math.min(...xs), right: Math.max(...xs), bottom: Math.min(...ys), top: Math.max(...ys) };
}

interface Drawing {
  image: PdfRef;
  matrix: Matrix;
  /** The clipping rectangle it was drawn in, if any (`x y w h re W n`, a form's box). */
  clip: Rect | undefined;
}

/** The graphics state a content stream starts in. */
interface Start {
  matrix: Matrix;
  clip: Rect | undefined;
}

/**
 * Runs a content stream: `null` when it paints nothing, the one image it draws (directly or
 * through forms), or undefined when it paints anything else: text other than in the invisible
 * mode, paths other than axis-aligned clipping rectangles, a second image.
 */
function drawingOf(objects: PdfObjects, content: string, resources: PdfDict | undefined, start: Start, depth: number): Drawing | null | undefined {
  const lexer = new PdfLexer(content);
  const states: Array<{ matrix: Matrix; textMode: number; clip: Rect | undefined }> = [];
  let { matrix, clip } = start;
  let textMode = 0;
  // A rectangle path waiting for `W` (clip) and `n` (end, unpainted).
  let path: { rect: Rect; clips: boolean } | undefined;
  let drawn: Drawing | null = null;
  let operands: PdfValue[] = [];
  try {
    while (!lexer.atEnd) {
      const token = lexer.next();
      if (!(token instanceof PdfKeyword)) {
        operands.push(token);
        continue;
      }
      const op = token.word;
      if (path && op !== 'W' && op !== 'W*' && op !== 'n') return undefined;
      if (op === 'q') states.push({ matrix, textMode, clip });
      else if (op === 'Q') {
        const state = states.pop();
        if (!state) return undefined;
        ({ matrix, textMode, clip } = state);
      } else if (op === 'cm') {
        if (!numbers(operands, 6)) return undefined;
        matrix = multiply(operands as Matrix, matrix);
      } else if (op === 're') {
        if (!numbers(operands, 4) || !axisAligned(matrix)) return undefined;
        const [x, y, w, h] = operands as [number, number, number, number];
        path = { rect: onPage(matrix, x, y, x + w, y + h), clips: false };
      } else if (op === 'W' || op === 'W*') {
        if (!path) return undefined;
        path.clips = true;
      } else if (op === 'n') {
        if (path?.clips) clip = intersect(clip, path.rect);
        path = undefined;
      } else if (op === 'gs') {
        const name = nameOf(operands[0]);
        if (name === undefined || !plainState(objects, objects.dict(resources?.get('ExtGState'))?.get(name))) return undefined;
      } else if (op === 'Tr') {
        if (typeof operands[0] !== 'number') return undefined;
        textMode = operands[0];
      } else if (op === 'Do') {
        const name = nameOf(operands[0]);
        const ref = name === undefined ? undefined : objects.dict(resources?.get('XObject'))?.get(name);
        if (!(ref instanceof PdfRef)) return undefined;
        const subtype = nameOf(objects.dict(ref)?.get('Subtype'));
        const inner: Drawing | null | undefined =
          subtype === 'Image' ? { image: ref, matrix, clip } : subtype === 'Form' && depth < MAX_FORM_DEPTH ? formDrawing(objects, ref, resources, { matrix, clip }, depth + 1) : undefined;
        if (inner === undefined || (inner && drawn)) return undefined;
        drawn ??= inner;
      } else if (SHOW_TEXT.has(op)) {
        if (textMode !== INVISIBLE_TEXT) return undefined;
      } else if (!HARMLESS.has(op)) return undefined;
      operands = [];
    }
  } catch (error) {
    if (error instanceof PdfSyntaxError) return undefined;
    throw error;
  }
  return path ? undefined : drawn;
}

// Graphics-state entries that change nothing about an opaque image drawn on white.
const PLAIN_STATE = new Set(['Type', 'LW', 'LC', 'LJ', 'ML', 'D', 'RI', 'OP', 'op', 'OPM', 'FL', 'SM', 'SA', 'AIS', 'TK', 'Font', 'BG', 'BG2', 'UCR', 'UCR2', 'HT', 'UseBlackPtComp']);

/**
 * A graphics state (`gs`) that draws an image as it is: full opacity, normal blending, no soft
 * mask or transfer function. Office and Chrome set one before every drawing.
 */
function plainState(objects: PdfObjects, value: PdfValue | undefined): boolean {
  const state = objects.dict(value);
  if (!state) return false;
  return [...state].every(([key, entry]) => {
    const resolved = objects.resolve(entry);
    if (PLAIN_STATE.has(key)) return true;
    if (key === 'CA' || key === 'ca') return resolved === 1;
    if (key === 'BM') return ['Normal', 'Compatible'].includes(nameOf(Array.isArray(resolved) ? resolved[0] : resolved) ?? '');
    if (key === 'SMask') return nameOf(resolved) === 'None';
    if (key === 'TR' || key === 'TR2') return ['Identity', 'Default'].includes(nameOf(resolved) ?? '');
    return false;
  });
}

/**
 * What a form XObject draws, run in its own matrix and clipped to its box: scanning software
 * wraps a page's image in one, and OCRmyPDF puts its hidden text layer in another.
 */
function formDrawing(objects: PdfObjects, ref: PdfRef, outer: PdfDict | undefined, start: Start, depth: number): Drawing | null | undefined {
  const stream = objects.stream(ref);
  const form = stream?.dict;
  if (!stream || !form || ['SMask', 'OC', 'Ref'].some((key) => form.has(key))) return undefined;
  const own = objects.resolve(form.get('Matrix')) ?? [...IDENTITY];
  const box = objects.resolve(form.get('BBox'));
  if (!Array.isArray(own) || !numbers(own, 6) || !Array.isArray(box) || !numbers(box, 4)) return undefined;
  const matrix = multiply(own as Matrix, start.matrix);
  if (!axisAligned(matrix)) return undefined;
  const content = decodedStream(stream, MAX_CONTENT_BYTES);
  if (!content) return undefined;
  const [x0, y0, x1, y1] = box as [number, number, number, number];
  const clip = intersect(start.clip, onPage(matrix, x0, y0, x1, y1));
  // A form without resources of its own uses those of the page it is drawn on.
  return drawingOf(objects, content.toString('latin1'), objects.dict(form.get('Resources')) ?? outer, { matrix, clip }, depth);
}

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

/**
 * A bitonal scan in CCITT G4 (the usual compression of black-and-white scanners) as a TIFF sharp
 * reads, where black runs are drawn black: `BlackIs1` false and no decode map, or both inverted.
 */
function ccittImage(objects: PdfObjects, image: PdfDict, data: Buffer, width: number, height: number): StoredImage | undefined {
  const raw = image.get('DecodeParms');
  const parameters = objects.dict(Array.isArray(raw) ? raw[0] : raw) ?? new Map<string, PdfValue>();
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
  const raw = image.get('DecodeParms');
  const parameters = objects.dict(Array.isArray(raw) ? raw[0] : raw) ?? new Map<string, PdfValue>();
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
function plainImage(objects: PdfObjects, ref: PdfValue | undefined): StoredImage | undefined {
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

/**
 * The scanned image that is all a page shows, or undefined for any other page. It must be drawn
 * upright (any turn is the page's /Rotate) where the page's visible box (`view`, from pdfjs: the
 * crop box) shows it, with nothing else visible on the page: no other drawing, no annotations,
 * text only as the hidden layer of a searchable scan. Such a page looks exactly like its image on
 * white, which can then be decoded and placed natively instead of through pdfjs's JavaScript
 * decoders.
 */
export function pageScan(objects: PdfObjects, pageRef: PdfRef, view: readonly number[]): ScanImage | undefined {
  const page = objects.dict(pageRef);
  if (!page) return undefined;
  const annotations = objects.resolve(page.get('Annots'));
  if (Array.isArray(annotations) ? annotations.length > 0 : annotations !== undefined && annotations !== null) return undefined;
  // Resources before content: most pages that are no scan name no image or form, and are told
  // apart without inflating their content.
  const resources = objects.dict(inherited(objects, page, 'Resources'));
  const xobjects = objects.dict(resources?.get('XObject'));
  const drawsAny = [...(xobjects?.values() ?? [])].some((ref) => ref instanceof PdfRef && ['Image', 'Form'].includes(nameOf(objects.dict(ref)?.get('Subtype')) ?? ''));
  const content = drawsAny ? pageContent(objects, page) : undefined;
  const drawing = content === undefined ? undefined : drawingOf(objects, content, resources, { matrix: IDENTITY, clip: undefined }, 0);
  const scan = drawing && plainImage(objects, drawing.image);
  if (!drawing || !scan) return undefined;

  const [a, , , d, e, f] = drawing.matrix;
  const [left, bottom, right, top] = view as [number, number, number, number];
  const width = right - left;
  const height = top - bottom;
  const fractions = (rect: Rect): Box => ({
    left: (rect.left - left) / width,
    right: (rect.right - left) / width,
    top: (top - rect.top) / height,
    bottom: (top - rect.bottom) / height,
  });
  const image = { left: e, bottom: f, right: e + a, top: f + d };
  const shown = intersect(drawing.clip, intersect(image, { left, bottom, right, top }));
  // Seen at least in part, and not so far past the page that scaling all of it would be costly.
  const seen = shown.left < shown.right && shown.bottom < shown.top && (a * d) / (width * height) <= MAX_OVERDRAW;
  return upright(drawing.matrix) && seen ? { ...scan, box: fractions(image), clip: fractions(drawing.clip ?? { left, bottom, right, top }) } : undefined;
}
