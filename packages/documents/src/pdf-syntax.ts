/** A PDF value as far as this reader needs one: strings are kept as their raw source. */
export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfString | PdfValue[] | PdfDict;

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

export class PdfString {
  constructor(readonly raw: string) {}
}

export type PdfDict = Map<string, PdfValue>;

/** An operator of a content stream (`cm`, `Do`, `Tj`), or a keyword of the file (`obj`, `R`, `stream`). */
export class PdfKeyword {
  constructor(readonly word: string) {}
}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const MAX_NESTING = 64;

/** Thrown on input this reader does not follow; callers treat it as "not the simple case". */
export class PdfSyntaxError extends Error {
  override readonly name = 'PdfSyntaxError';
}

/**
 * Reads PDF syntax (ISO 32000-1, 7.2–7.3) from a latin1 string, one byte per character: the
 * values of an object's dictionary, or the operands and operators of a content stream.
 */
export class PdfLexer {
  /** Arrays and dictionaries open around the position: a file can nest them past any stack. */
  private depth = 0;

  constructor(
    private readonly text: string,
    public position = 0,
  ) {}

  private code(at: number): number {
    return this.text.charCodeAt(at);
  }

  private skipSpace(): void {
    while (this.position < this.text.length) {
      const c = this.code(this.position);
      if (WHITESPACE.has(c)) this.position++;
      else if (c === 0x25) {
        while (this.position < this.text.length && this.code(this.position) !== 0x0a && this.code(this.position) !== 0x0d) this.position++;
      } else return;
    }
  }

  get atEnd(): boolean {
    this.skipSpace();
    return this.position >= this.text.length;
  }

  /** The next value or keyword; `n g R` is read as one reference. */
  next(): PdfValue | PdfKeyword {
    const value = this.token();
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) {
      const saved = this.position;
      const gen = this.lookahead();
      if (typeof gen === 'number' && Number.isInteger(gen) && gen >= 0) {
        const r = this.lookahead();
        if (r instanceof PdfKeyword && r.word === 'R') return new PdfRef(value, gen);
      }
      this.position = saved;
    }
    return value;
  }

  /** A plain token for telling `n g R` from numbers, or undefined where none can follow. */
  private lookahead(): PdfValue | PdfKeyword | undefined {
    if (this.atEnd) return undefined;
    const c = this.code(this.position);
    return DELIMITERS.has(c) ? undefined : this.token();
  }

  /** The next value, which must not be a keyword. */
  value(): PdfValue {
    const value = this.next();
    if (value instanceof PdfKeyword) throw new PdfSyntaxError(`unexpected ${value.word}`);
    return value;
  }

  private token(): PdfValue | PdfKeyword {
    this.skipSpace();
    if (this.position >= this.text.length) throw new PdfSyntaxError('unexpected end');
    const c = this.code(this.position);
    if (c === 0x2f) return new PdfName(this.name());
    if (c === 0x28) return new PdfString(this.literalString());
    if (c === 0x3c) {
      if (this.code(this.position + 1) === 0x3c) return this.dictionary();
      return new PdfString(this.hexString());
    }
    if (c === 0x5b) return this.array();
    if (DELIMITERS.has(c)) throw new PdfSyntaxError(`unexpected ${this.text[this.position]}`);
    const start = this.position;
    while (this.position < this.text.length && !WHITESPACE.has(this.code(this.position)) && !DELIMITERS.has(this.code(this.position))) this.position++;
    const word = this.text.slice(start, this.position);
    if (NUMBER.test(word)) return Number(word);
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    return new PdfKeyword(word);
  }

  private name(): string {
    const start = ++this.position;
    while (this.position < this.text.length && !WHITESPACE.has(this.code(this.position)) && !DELIMITERS.has(this.code(this.position))) this.position++;
    return this.text.slice(start, this.position).replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }

  private literalString(): string {
    const start = this.position;
    let depth = 0;
    while (this.position < this.text.length) {
      const c = this.code(this.position++);
      if (c === 0x5c) this.position++;
      else if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) return this.text.slice(start, this.position);
    }
    throw new PdfSyntaxError('unterminated string');
  }

  private hexString(): string {
    const end = this.text.indexOf('>', this.position);
    if (end < 0) throw new PdfSyntaxError('unterminated hex string');
    const raw = this.text.slice(this.position, end + 1);
    this.position = end + 1;
    return raw;
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING) throw new PdfSyntaxError('nested too deeply');
  }

  private array(): PdfValue[] {
    this.enter();
    this.position++;
    const items: PdfValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.code(this.position) === 0x5d) {
        this.position++;
        this.depth--;
        return items;
      }
      items.push(this.value());
    }
  }

  private dictionary(): PdfDict {
    this.enter();
    this.position += 2;
    const dict: PdfDict = new Map();
    for (;;) {
      this.skipSpace();
      if (this.text.startsWith('>>', this.position)) {
        this.position += 2;
        this.depth--;
        return dict;
      }
      const key = this.value();
      if (!(key instanceof PdfName)) throw new PdfSyntaxError('a dictionary key must be a name');
      dict.set(key.name, this.value());
    }
  }
}

export function isDict(value: PdfValue | undefined): value is PdfDict {
  return value instanceof Map;
}

/** The name a value holds, or undefined. */
export function nameOf(value: PdfValue | undefined): string | undefined {
  return value instanceof PdfName ? value.name : undefined;
}
