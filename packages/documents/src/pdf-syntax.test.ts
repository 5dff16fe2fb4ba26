import { describe, expect, it } from 'vitest';
import { PdfKeyword, PdfLexer, PdfName, PdfRef, PdfString, type PdfValue } from './pdf-syntax.ts';

function tokens(text: string): Array<PdfValue | PdfKeyword> {
  const lexer = new PdfLexer(text);
  const out: Array<PdfValue | PdfKeyword> = [];
  while (!lexer.atEnd) out.push(lexer.next());
  return out;
}

const words = (text: string) => tokens(text).filter((t): t is PdfKeyword => t instanceof PdfKeyword).map((t) => t.word);

describe('PdfLexer', () => {
  it('reads numbers, names, references and keywords', () => {
    expect(tokens('12 0 R -3.5 .5 /A#20B true null cm')).toEqual([
      new PdfRef(12, 0),
      -3.5,
      0.5,
      new PdfName('A B'),
      true,
      null,
      new PdfKeyword('cm'),
    ]);
    // Numbers that only look like the start of a reference stay numbers.
    expect(tokens('1 0 0 1 0 0 cm')).toEqual([1, 0, 0, 1, 0, 0, new PdfKeyword('cm')]);
    expect(tokens('[1 2] [3 0 R]')).toEqual([[1, 2], [new PdfRef(3, 0)]]);
  });

  it('reads dictionaries, nested, with references', () => {
    const [dict] = tokens('<< /Type /Page /Kids [4 0 R 5 0 R] /Res << /X 7 0 R >> /N 3 >>');
    expect(dict).toEqual(
      new Map<string, PdfValue>([
        ['Type', new PdfName('Page')],
        ['Kids', [new PdfRef(4, 0), new PdfRef(5, 0)]],
        ['Res', new Map([['X', new PdfRef(7, 0)]])],
        ['N', 3],
      ]),
    );
  });

  it('keeps operators that follow strings with escapes, nested parentheses and hex', () => {
    // A string read wrongly would swallow the painting operators after it.
    expect(words('(a\\) b) Tj (x (nested) y) Tj <48656c6c6f> Tj 0 0 m 10 10 l S')).toEqual(['Tj', 'Tj', 'Tj', 'm', 'l', 'S']);
    expect(tokens('(a\\\\) Tj')).toEqual([new PdfString('(a\\\\)'), new PdfKeyword('Tj')]);
    expect(words("[(A) -120 (B)] TJ 3 Tr (C) ' 1 2 (D) \" % a comment Do\nET")).toEqual(['TJ', 'Tr', "'", '"', 'ET']);
  });

  it('refuses what it cannot read', () => {
    expect(() => tokens('(unterminated')).toThrow(/unterminated/);
    expect(() => tokens('<< /A >>')).toThrow();
    expect(() => tokens(')')).toThrow();
    // Nesting deep enough to overflow a recursive reader's stack is refused, not followed.
    expect(() => tokens('['.repeat(100_000))).toThrow(/nested too deeply/);
    expect(tokens(`${'['.repeat(60)}${']'.repeat(60)}`)).toHaveLength(1);
  });
});
