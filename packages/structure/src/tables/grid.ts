import type { BoundingBox, Table, TableCell, TableSource } from '@ocr/contracts';

/** A table as its cells with spans, before it is flattened into the contract's shape. */
export interface Grid {
  page: number;
  source: TableSource;
  columns: number;
  /** Number of leading grid rows that form the header (0 for none). */
  headerRows: number;
  cells: TableCell[];
  confidence: number;
  box?: BoundingBox;
}

/** Column names: the texts of the header cells above each column, top to bottom, repeats dropped. */
function flattenHeader(grid: Grid): string[] | null {
  if (grid.headerRows === 0) return null;
  const header: string[][] = Array.from({ length: grid.columns }, () => []);
  for (const cell of grid.cells) {
    if (cell.row >= grid.headerRows || cell.text === '') continue;
    for (let c = cell.column; c < Math.min(cell.column + cell.colSpan, grid.columns); c++) {
      const names = header[c];
      if (names && names[names.length - 1] !== cell.text) names.push(cell.text);
    }
  }
  return header.map((names) => names.join(' '));
}

/** Body rows; a merged body cell's text sits in its first row and column, the rest stay "". */
function bodyRows(grid: Grid): string[][] {
  const rowCount = Math.max(grid.headerRows, ...grid.cells.map((c) => c.row + c.rowSpan));
  const rows = Array.from({ length: rowCount - grid.headerRows }, () => Array<string>(grid.columns).fill(''));
  for (const cell of grid.cells) {
    const row = rows[cell.row - grid.headerRows];
    if (row && cell.column < grid.columns) row[cell.column] = cell.text;
  }
  return rows;
}

function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** GitHub-flavoured Markdown; a table without header gets an empty one, as GFM requires one. */
function toMarkdown(header: string[] | null, rows: string[][], columns: number): string {
  const line = (cells: string[]): string => `| ${cells.map(markdownCell).join(' | ')} |`;
  return [
    line(header ?? Array<string>(columns).fill('')),
    `|${Array<string>(columns).fill(' --- ').join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

export function gridToTable(grid: Grid): Table {
  const header = flattenHeader(grid);
  const rows = bodyRows(grid);
  return {
    page: grid.page,
    source: grid.source,
    header,
    rows,
    markdown: toMarkdown(header, rows, grid.columns),
    confidence: grid.confidence,
    cells: grid.cells,
    ...(grid.box ? { box: grid.box } : {}),
  };
}
