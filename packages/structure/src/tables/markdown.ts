import type { Grid } from './grid.ts';

/** A table found in text, with the text lines it spans. */
export interface TextTable {
  grid: Grid;
  firstLine: number;
  lastLine: number;
}

const SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Cells of one pipe row; "\|" is a literal pipe, outer pipes are optional. */
function splitRow(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return trimmed.split(/(?<!\\)\|/).map((cell) =>
    cell
      .replace(/\\\|/g, '|')
      .replace(/<br\s*\/?>/gi, ' ')
      // Models bold header cells ("**项目**"); the emphasis is not the text.
      .replace(/^\s*(\*\*|__)(.*)\1\s*$/, '$2')
      .trim(),
  );
}

function isRow(line: string): boolean {
  return line.includes('|') && line.trim().length > 1;
}

/**
 * GitHub-flavoured Markdown tables: a header row, a `---` separator row, body rows. Rows with too
 * few cells are padded with empty cells; surplus cells are dropped. Confidence is the page's
 * confidence scaled by the share of rows that had the header's cell count.
 */
export function markdownTables(lines: readonly string[], page: number, pageConfidence: number): TextTable[] {
  const tables: TextTable[] = [];
  for (let i = 1; i < lines.length; i++) {
    const headerLine = lines[i - 1] ?? '';
    if (!SEPARATOR.test(lines[i] ?? '') || !isRow(headerLine)) continue;
    const header = splitRow(headerLine);
    const columns = header.length;
    const body: string[][] = [];
    let j = i + 1;
    for (; j < lines.length && isRow(lines[j] ?? '') && !SEPARATOR.test(lines[j] ?? ''); j++) body.push(splitRow(lines[j] ?? ''));
    const regular = [header, ...body].filter((r) => r.length === columns).length / (body.length + 1);
    // An all-empty header row is how Markdown writes a table that has none.
    const headerRows = header.every((cell) => cell === '') ? 0 : 1;
    const gridRows = headerRows ? [header, ...body] : body;
    const cells = gridRows.flatMap((row, r) =>
      Array.from({ length: columns }, (_, c) => ({
        row: r,
        column: c,
        rowSpan: 1,
        colSpan: 1,
        text: row[c] ?? '',
        header: r < headerRows,
      })),
    );
    tables.push({
      grid: { page, source: 'markdown', columns, headerRows, cells, confidence: pageConfidence * regular },
      firstLine: i - 1,
      lastLine: j - 1,
    });
    i = j;
  }
  return tables;
}
