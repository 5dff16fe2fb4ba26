import { inflateSync } from 'node:zlib';
import { PdfLexer, PdfRef, PdfSyntaxError, isDict, nameOf, type PdfDict, type PdfValue } from './pdf-syntax.ts';

/** A stream object: its dictionary and its bytes as stored (still encoded). */
export interface PdfStream {
  dict: PdfDict;
  data: Buffer;
}

// `12 0 obj`, not inside a longer number.
const OBJECT_HEADER = /(?<![0-9])(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+obj(?![A-Za-z0-9])/g;
const MAX_REFERENCE_DEPTH = 8;

/**
 * The plain (uncompressed) objects of a PDF, found by their `n g obj` headers rather than through
 * the cross-reference table: enough to read a page whose objects lie in the open, as a scanner
 * writes them. An object defined twice (an incremental update, or bytes inside a stream that
 * happen to read as a header) is treated as unknown, as is one inside an object stream: callers
 * then leave the page to pdfjs.
 */
export class PdfObjects {
  private offsets: Map<string, number> | undefined;

  /** `text`: the file as latin1, one character per byte. */
  constructor(private readonly text: string) {}

  private offsetOf(ref: PdfRef): number | undefined {
    if (!this.offsets) {
      this.offsets = new Map();
      for (const match of this.text.matchAll(OBJECT_HEADER)) {
        const key = `${match[1]} ${match[2]}`;
        this.offsets.set(key, this.offsets.has(key) ? -1 : match.index + match[0].length);
      }
    }
    const offset = this.offsets.get(`${ref.num} ${ref.gen}`);
    return offset === undefined || offset < 0 ? undefined : offset;
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
    if (!object || !isDict(object.value)) return undefined;
    const after = /^[\0\t\n\f\r ]*stream(\r\n|\n|\r)/.exec(this.text.slice(object.end, object.end + 64));
    const length = this.resolve(object.value.get('Length'));
    if (!after || typeof length !== 'number' || !Number.isInteger(length) || length < 0) return undefined;
    const start = object.end + after[0].length;
    if (!/^[\0\t\n\f\r ]*endstream/.test(this.text.slice(start + length, start + length + 64))) return undefined;
    return { dict: object.value, data: Buffer.from(this.text.slice(start, start + length), 'latin1') };
  }

  private read(ref: PdfRef): { value: PdfValue; end: number } | undefined {
    const offset = this.offsetOf(ref);
    if (offset === undefined) return undefined;
    const lexer = new PdfLexer(this.text, offset);
    try {
      const value = lexer.value();
      return { value, end: lexer.position };
    } catch (error) {
      if (error instanceof PdfSyntaxError) return undefined;
      throw error;
    }
  }
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
  try {
    return inflateSync(stream.data, { maxOutputLength: maxBytes });
  } catch {
    return undefined;
  }
}
