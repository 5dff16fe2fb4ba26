import { inflateSync } from 'node:zlib';
import { PdfLexer, PdfRef, PdfSyntaxError, isDict, nameOf, type PdfDict, type PdfValue } from './pdf-syntax.ts';

/** A stream object: its dictionary and its bytes as stored (still encoded). */
export interface PdfStream {
  dict: PdfDict;
  data: Buffer;
}

// `12 0 obj`, not inside a longer number.
const OBJECT_HEADER = /(?<![0-9])(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+obj(?![A-Za-z0-9])/g;
const OBJECT_STREAM = /\/Type[\0\t\n\f\r ]*\/ObjStm(?![A-Za-z0-9])/g;
const MAX_REFERENCE_DEPTH = 8;
// Object streams hold dictionaries only (pages, resources): KBs each, MBs in a large file.
const MAX_OBJECT_STREAM_BYTES = 16 << 20;

/** Where an object's value starts, and in which text: the file's, or a decoded object stream's. */
interface Location {
  text: string;
  offset: number;
}

/**
 * The objects of a PDF, found by their `n g obj` headers rather than through the
 * cross-reference table, and inside object streams (`/Type /ObjStm`, where PDF 1.5 writers pack
 * page dictionaries): enough to read a page's dictionary, resources and content. Of an object
 * defined twice, the definition later in the file is taken: an incremental update appends its
 * objects, and its cross-reference section points at them.
 */
export class PdfObjects {
  private index: Map<string, Location> | undefined;

  /** `text`: the file as latin1, one character per byte. */
  constructor(private readonly text: string) {}

  private locate(ref: PdfRef): Location | undefined {
    this.index ??= this.buildIndex();
    return this.index.get(`${ref.num} ${ref.gen}`);
  }

  private buildIndex(): Map<string, Location> {
    const index = new Map<string, Location>();
    // Where in the file each object is defined: its header, or its object stream's.
    const defined = new Map<string, number>();
    const add = (key: string, location: Location, position: number) => {
      if ((defined.get(key) ?? -1) > position) return;
      defined.set(key, position);
      index.set(key, location);
    };
    const headers: Array<{ start: number; ref: PdfRef }> = [];
    for (const match of this.text.matchAll(OBJECT_HEADER)) {
      add(`${match[1]} ${match[2]}`, { text: this.text, offset: match.index + match[0].length }, match.index);
      headers.push({ start: match.index, ref: new PdfRef(Number(match[1]), Number(match[2])) });
    }
    this.index = index;
    let budget = MAX_OBJECT_STREAM_BYTES;
    for (const match of this.text.matchAll(OBJECT_STREAM)) {
      const header = headers.findLast((h) => h.start < match.index);
      const stream = header && this.stream(header.ref);
      const data = stream && decodedStream(stream, budget);
      if (!data) continue;
      budget -= data.length;
      for (const [num, location] of packedObjects(stream.dict, data.toString('latin1'))) add(`${num} 0`, location, header.start);
    }
    return index;
  }

  /** The object's value, or undefined when it is unknown (see above) or cannot be read. */
  get(ref: PdfRef): PdfValue | undefined {
    return this.read(ref)?.value;
  }

  /** Follows references until a direct value. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    for (let depth = 0; value instanceof PdfRef; depth++) {
      if (depth === MAX_REFERENCE_DEPTH) return undefined;
      value = this.get(value);
    }
    return value;
  }

  /** The dictionary a value is or refers to. */
  dict(value: PdfValue | undefined): PdfDict | undefined {
    const resolved = this.resolve(value);
    return isDict(resolved) ? resolved : undefined;
  }

  /** The stream object `ref` names, with exactly the bytes its /Length gives, or undefined. */
  stream(ref: PdfRef): PdfStream | undefined {
    const object = this.read(ref);
    // Streams are never packed in object streams.
    if (!object || object.text !== this.text || !isDict(object.value)) return undefined;
    const after = /^[\0\t\n\f\r ]*stream(\r\n|\n|\r)/.exec(this.text.slice(object.end, object.end + 64));
    const length = this.resolve(object.value.get('Length'));
    if (!after || typeof length !== 'number' || !Number.isInteger(length) || length < 0) return undefined;
    const start = object.end + after[0].length;
    if (!/^[\0\t\n\f\r ]*endstream/.test(this.text.slice(start + length, start + length + 64))) return undefined;
    return { dict: object.value, data: Buffer.from(this.text.slice(start, start + length), 'latin1') };
  }

  private read(ref: PdfRef): { value: PdfValue; end: number; text: string } | undefined {
    const location = this.locate(ref);
    if (!location) return undefined;
    const lexer = new PdfLexer(location.text, location.offset);
    try {
      const value = lexer.value();
      return { value, end: lexer.position, text: location.text };
    } catch (error) {
      if (error instanceof PdfSyntaxError) return undefined;
      throw error;
    }
  }
}

/** The objects an object stream holds: its header's pairs of object number and offset after /First. */
function packedObjects(dict: PdfDict, text: string): Array<[number, Location]> {
  const count = dict.get('N');
  const first = dict.get('First');
  if (typeof count !== 'number' || typeof first !== 'number' || first > text.length) return [];
  const lexer = new PdfLexer(text.slice(0, first));
  const objects: Array<[number, Location]> = [];
  try {
    for (let i = 0; i < count; i++) {
      const num = lexer.value();
      const offset = lexer.value();
      if (typeof num !== 'number' || typeof offset !== 'number') return [];
      objects.push([num, { text, offset: first + offset }]);
    }
  } catch (error) {
    if (error instanceof PdfSyntaxError) return [];
    throw error;
  }
  return objects;
}

/**
 * A stream's bytes decoded, where it is stored plainly or deflated without a predictor; undefined
 * for other filters or when it would decode to more than `maxBytes`.
 */
export function decodedStream(stream: PdfStream, maxBytes: number): Buffer | undefined {
  const filter = stream.dict.get('Filter');
  const filters = Array.isArray(filter) ? filter : filter === undefined ? [] : [filter];
  if (filters.length === 0) return stream.data.length <= maxBytes ? stream.data : undefined;
  if (filters.length > 1 || nameOf(filters[0]) !== 'FlateDecode' || stream.dict.get('DecodeParms') !== undefined) return undefined;
  return inflated(stream.data, maxBytes);
}

/** Deflated bytes inflated, or undefined when they are damaged or would exceed `maxBytes`. */
export function inflated(data: Buffer, maxBytes: number): Buffer | undefined {
  try {
    return inflateSync(data, { maxOutputLength: maxBytes });
  } catch {
    return undefined;
  }
}
