import { decodedStream, type PdfObjects } from './pdf-objects.ts';
import { PdfKeyword, PdfLexer, PdfRef, PdfString, PdfSyntaxError, nameOf, type PdfDict, type PdfValue } from './pdf-syntax.ts';

// What a page's content stream draws, followed far enough to tell a scan (one image, nothing
// else visible) from any other page; see drawingOf.

export type Matrix = [number, number, number, number, number, number];

// A page's content streams are a few KB for a scan, more with an invisible text layer.
export const MAX_CONTENT_BYTES = 2 << 20;
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

/** A content stream's operators in order, each with its operands; PdfSyntaxError where it cannot be read. */
function* operations(content: string): Generator<{ op: string; operands: PdfValue[] }> {
  const lexer = new PdfLexer(content);
  let operands: PdfValue[] = [];
  while (!lexer.atEnd) {
    const token = lexer.next();
    if (token instanceof PdfKeyword) {
      yield { op: token.word, operands };
      operands = [];
    } else operands.push(token);
  }
}

/** The XObject a `Do` operand names in `resources`, as stored (a reference where the file is sound). */
function namedXObject(objects: PdfObjects, resources: PdfDict | undefined, operand: PdfValue | undefined): PdfValue | undefined {
  const name = nameOf(operand);
  return name === undefined ? undefined : objects.dict(resources?.get('XObject'))?.get(name);
}

/** An upright rectangle in page space (PDF units, y up). */
export interface Rect {
  left: number;
  bottom: number;
  right: number;
  top: number;
}

export function intersect(a: Rect | undefined, b: Rect): Rect {
  if (!a) return b;
  return { left: Math.max(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.min(a.right, b.right), top: Math.min(a.top, b.top) };
}

/** Turns nothing (though it may mirror): a rectangle stays an upright rectangle. */
const axisAligned = ([a, b, c, d]: Matrix): boolean => Math.abs(b) < 1e-6 * Math.abs(a) && Math.abs(c) < 1e-6 * Math.abs(d);
/** Neither turns nor mirrors: an image comes out as stored. */
export const upright = (matrix: Matrix): boolean => axisAligned(matrix) && matrix[0] > 0 && matrix[3] > 0;

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const numbers = (values: PdfValue[], count: number): values is number[] => values.length === count && values.every((n) => typeof n === 'number');

/** The rectangle from (x0, y0) to (x1, y1) on the page, drawn through an axis-aligned matrix. */
function onPage([a, , , d, e, f]: Matrix, x0: number, y0: number, x1: number, y1: number): Rect {
  const xs = [a * x0 + e, a * x1 + e];
  const ys = [d * y0 + f, d * y1 + f];
  return { left: Math.min(...xs), right: Math.max(...xs), bottom: Math.min(...ys), top: Math.max(...ys) };
}

export interface Drawing {
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
export function drawingOf(objects: PdfObjects, content: string, resources: PdfDict | undefined, start: Start, depth: number): Drawing | null | undefined {
  const states: Array<{ matrix: Matrix; textMode: number; clip: Rect | undefined }> = [];
  let { matrix, clip } = start;
  let textMode = 0;
  // A rectangle path waiting for `W` (clip) and `n` (end, unpainted).
  let path: { rect: Rect; clips: boolean } | undefined;
  let drawn: Drawing | null = null;
  try {
    for (const { op, operands } of operations(content)) {
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
        const ref = namedXObject(objects, resources, operands[0]);
        if (!(ref instanceof PdfRef)) return undefined;
        const subtype = nameOf(objects.dict(ref)?.get('Subtype'));
        const inner: Drawing | null | undefined =
          subtype === 'Image' ? { image: ref, matrix, clip } : subtype === 'Form' && depth < MAX_FORM_DEPTH ? formDrawing(objects, ref, resources, { matrix, clip }, depth + 1) : undefined;
        if (inner === undefined || (inner && drawn)) return undefined;
        drawn ??= inner;
      } else if (SHOW_TEXT.has(op)) {
        if (textMode !== INVISIBLE_TEXT) return undefined;
      } else if (!HARMLESS.has(op)) return undefined;
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
 * Whether a string operand shows something other than spaces: a literal's characters (escaped
 * whitespace counts as space), a hex string's bytes (0x20, and the 0x00/0x03 of two-byte codes,
 * where CID 3 is the usual space, count as space).
 */
function showsInk(value: PdfValue | undefined): boolean {
  if (Array.isArray(value)) return value.some(showsInk);
  if (!(value instanceof PdfString)) return false;
  const { raw } = value;
  if (raw.startsWith('<')) {
    const bytes = raw.slice(1, -1).replace(/\s/g, '').match(/.{1,2}/g) ?? [];
    return bytes.some((byte) => !['00', '03', '20'].includes(byte.padEnd(2, '0')));
  }
  return /\S/.test(raw.slice(1, -1).replace(/\\(?:[nrtbf]|040|\r?\n)/g, ''));
}

type Operation = { op: string; operands: PdfValue[] };

/**
 * Whether some operation of a content stream, or of a form it draws (four deep), is one `test`
 * looks for; `test` is made afresh for each stream, with that stream's resources. `seen` keeps a
 * form drawn many times from being read more than once.
 */
function anyOperation(
  objects: PdfObjects,
  content: string,
  resources: PdfDict | undefined,
  test: (resources: PdfDict | undefined) => (operation: Operation) => boolean,
  depth = 0,
  seen = new Set<string>(),
): boolean {
  try {
    const found = test(resources);
    for (const operation of operations(content)) {
      if (found(operation)) return true;
      const { op, operands } = operation;
      if (op === 'Do' && depth < MAX_FORM_DEPTH) {
        const ref = namedXObject(objects, resources, operands[0]);
        const stream = ref instanceof PdfRef && !seen.has(`${ref.num} ${ref.gen}`) ? objects.stream(ref) : undefined;
        if (ref instanceof PdfRef && stream && nameOf(stream.dict.get('Subtype')) === 'Form') {
          seen.add(`${ref.num} ${ref.gen}`);
          const inner = decodedStream(stream, MAX_CONTENT_BYTES);
          const own = objects.dict(stream.dict.get('Resources')) ?? resources;
          if (inner && anyOperation(objects, inner.toString('latin1'), own, test, depth + 1, seen)) return true;
        }
      }
    }
  } catch (error) {
    if (error instanceof PdfSyntaxError) return false;
    throw error;
  }
  return false;
}

/**
 * Whether a content stream, or a form it draws, shows text in the invisible mode: the hidden layer
 * of a searchable scan, another program's OCR of the image rather than the page's own text.
 * Invisible spaces alone do not count: Acrobat leaves them in born-digital pages as a layout
 * artifact.
 */
export function drawsInvisibleText(objects: PdfObjects, content: string, resources: PdfDict | undefined): boolean {
  return anyOperation(objects, content, resources, () => {
    let invisible = false;
    return ({ op, operands }) => {
      if (op === 'Tr') invisible = operands[0] === INVISIBLE_TEXT;
      return invisible && SHOW_TEXT.has(op) && operands.some(showsInk);
    };
  });
}

/** Area by which a matrix scales what it draws, whichever way it turns or mirrors it. */
const scaleOf = ([a, b, c, d]: Matrix): number => Math.abs(a * d - b * c);

/**
 * Area, in the units of the space a content stream starts in, of the images it and the forms it
 * draws (four deep) paint, overlaps counted twice: a searchable scan's image covers its page, a
 * logo in a CAD sheet's title block (Altium's schematics, whose invisible text names every pin
 * and net) a thousandth of it. A form's own area is taken once and scaled wherever it is drawn
 * (`areas`), so forms drawn many times inside forms cost no more than one. Content that cannot
 * be read counts up to where it stops.
 */
export function imageArea(objects: PdfObjects, content: string, resources: PdfDict | undefined, depth = 0, areas = new Map<string, number>()): number {
  const states: Matrix[] = [];
  let matrix = IDENTITY;
  let area = 0;
  try {
    for (const { op, operands } of operations(content)) {
      if (op === 'q') states.push(matrix);
      else if (op === 'Q') matrix = states.pop() ?? matrix;
      else if (op === 'cm' && numbers(operands, 6)) matrix = multiply(operands as Matrix, matrix);
      // An inline image fills the unit square, as an XObject does.
      else if (op === 'BI') area += scaleOf(matrix);
      else if (op === 'Do') {
        const ref = namedXObject(objects, resources, operands[0]);
        if (!(ref instanceof PdfRef)) continue;
        const subtype = nameOf(objects.dict(ref)?.get('Subtype'));
        if (subtype === 'Image') area += scaleOf(matrix);
        else if (subtype === 'Form' && depth < MAX_FORM_DEPTH) area += formImageArea(objects, ref, resources, matrix, depth, areas);
      }
    }
  } catch (error) {
    if (!(error instanceof PdfSyntaxError)) throw error;
  }
  return area;
}

/** imageArea of the form `ref`, drawn in `matrix`. */
function formImageArea(objects: PdfObjects, ref: PdfRef, outer: PdfDict | undefined, matrix: Matrix, depth: number, areas: Map<string, number>): number {
  const stream = objects.stream(ref);
  if (!stream) return 0;
  const key = `${ref.num} ${ref.gen}`;
  let own = areas.get(key);
  if (own === undefined) {
    // Set before the form is read: a form that draws itself adds nothing.
    areas.set(key, 0);
    const content = decodedStream(stream, MAX_CONTENT_BYTES);
    own = content ? imageArea(objects, content.toString('latin1'), objects.dict(stream.dict.get('Resources')) ?? outer, depth + 1, areas) : 0;
    areas.set(key, own);
  }
  const formMatrix = objects.resolve(stream.dict.get('Matrix')) ?? [...IDENTITY];
  return Array.isArray(formMatrix) && numbers(formMatrix, 6) ? own * scaleOf(multiply(formMatrix as Matrix, matrix)) : 0;
}
