import { DocumentError } from './errors.ts';

const PART = /^(\d+)(?:\s*-\s*(\d*))?$/;

/**
 * Parses a 1-based page selection such as "1-3,5" or "4-" (page 4 to the end).
 * A blank spec selects every page. The returned function resolves the selection against
 * the document's page count into sorted, distinct page numbers. A range that starts in the
 * document stops at its last page ("1-3" of a 1-page scan is page 1, as a batch of mixed
 * documents sent with one selection needs); a page, or a range's start, past the end is an error.
 * Bad syntax throws invalid_page_range; a page past the end throws page_out_of_range.
 *
 * @example
 * parsePageSelection('1-3,5')(10); // [1, 2, 3, 5]
 */
export function parsePageSelection(spec: string): (pageCount: number) => number[] {
  const ranges: Array<{ from: number; to: number | null }> = [];
  if (spec.trim() !== '') {
    for (const part of spec.split(',')) {
      const match = PART.exec(part.trim());
      if (!match) throw invalidRange(spec, `"${part.trim()}" is not a page or a range like 2-5`);
      const from = Number(match[1]);
      const to = match[2] === undefined ? from : match[2] === '' ? null : Number(match[2]);
      if (from < 1) throw invalidRange(spec, 'pages are numbered from 1');
      if (to !== null && to < from) throw invalidRange(spec, `the range ${from}-${to} runs backwards`);
      ranges.push({ from, to });
    }
  }
  return (pageCount) => {
    if (ranges.length === 0) return Array.from({ length: pageCount }, (_, i) => i + 1);
    const pages = new Set<number>();
    for (const { from, to } of ranges) {
      if (from > pageCount) {
        throw new DocumentError(
          'page_out_of_range',
          `The page selection "${spec}" asks for page ${from}, but the document has ${pageCount} page${pageCount === 1 ? '' : 's'}.`,
        );
      }
      const last = Math.min(to ?? pageCount, pageCount);
      for (let page = from; page <= last; page++) pages.add(page);
    }
    return [...pages].sort((a, b) => a - b);
  };
}

function invalidRange(spec: string, why: string): DocumentError {
  return new DocumentError('invalid_page_range', `Invalid page selection "${spec}": ${why}.`);
}
