import type { TableCell } from '@ocr/contracts';
import type { Grid } from './grid.ts';

/** An HTML table found in text, with the character range it spans. */
export interface HtmlTable {
  grid: Grid;
  start: number;
  end: number;
}

// The named entities a model writes in engineering tables.
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  times: '×',
  plusmn: '±',
  deg: '°',
  Oslash: 'Ø',
  oslash: 'ø',
  phi: 'φ',
  Phi: 'Φ',
  micro: 'µ',
  le: '≤',
  ge: '≥',
  minus: '−',
};

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function cellText(html: string): string {
  return decode(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

function span(attributes: string, name: string): number {
  const m = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attributes);
  return m ? Math.max(1, Math.min(Number(m[1]), 1000)) : 1;
}

interface RawCell {
  text: string;
  th: boolean;
  rowSpan: number;
  colSpan: number;
}

interface RawRow {
  cells: RawCell[];
  inHead: boolean;
}

/** Rows of one table's inner HTML; tolerant of the unclosed tags a model may emit. */
function readRows(html: string): RawRow[] {
  const rows: RawRow[] = [];
  let inHead = false;
  const tokens = /<(\/?)(thead|tbody|tfoot|tr|td|th)\b([^>]*)>/gi;
  let open: { cell: RawCell; from: number } | undefined;
  const close = (at: number): void => {
    if (!open) return;
    open.cell.text = cellText(html.slice(open.from, at));
    open = undefined;
  };
  for (const m of html.matchAll(tokens)) {
    const closing = m[1] === '/';
    const tag = (m[2] ?? '').toLowerCase();
    close(m.index);
    if (tag === 'thead') inHead = !closing;
    else if (tag === 'tr' && !closing) rows.push({ cells: [], inHead });
    else if ((tag === 'td' || tag === 'th') && !closing) {
      if (rows.length === 0) rows.push({ cells: [], inHead });
      const cell: RawCell = { text: '', th: tag === 'th', rowSpan: span(m[3] ?? '', 'rowspan'), colSpan: span(m[3] ?? '', 'colspan') };
      rows[rows.length - 1]?.cells.push(cell);
      open = { cell, from: m.index + m[0].length };
    }
  }
  close(html.length);
  return rows.filter((r) => r.cells.length > 0);
}

/** Places cells on the grid, skipping positions that a rowspan from above already covers. */
function layout(rows: RawRow[]): { cells: TableCell[]; columns: number; headerRows: number } {
  const occupied = new Set<string>();
  const cells: TableCell[] = [];
  // Header rows: those in <thead>, else leading rows made only of <th>.
  let headerRows = rows.findIndex((r) => !r.inHead);
  if (headerRows === -1) headerRows = rows.length;
  if (headerRows === 0) {
    while (headerRows < rows.length && rows[headerRows]?.cells.every((c) => c.th)) headerRows++;
    if (headerRows === rows.length && rows.length > 1) headerRows = 1;
  }
  rows.forEach((row, r) => {
    let c = 0;
    for (const raw of row.cells) {
      while (occupied.has(`${r},${c}`)) c++;
      const rowSpan = Math.min(raw.rowSpan, rows.length - r);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < raw.colSpan; dc++) occupied.add(`${r + dr},${c + dc}`);
      cells.push({ row: r, column: c, rowSpan, colSpan: raw.colSpan, text: raw.text, header: r < headerRows });
      c += raw.colSpan;
    }
  });
  const columns = Math.max(0, ...cells.map((cell) => cell.column + cell.colSpan));
  return { cells, columns, headerRows };
}

/**
 * HTML tables (`<table>` … `</table>`, or to the end of the text when a model stopped early),
 * with rowspan/colspan. Confidence is the page's confidence scaled by how many rows fill the
 * full width.
 */
export function htmlTables(text: string, page: number, pageConfidence: number): HtmlTable[] {
  const tables: HtmlTable[] = [];
  for (const m of text.matchAll(/<table\b[^>]*>([\s\S]*?)(?:<\/table\s*>|$(?![\s\S]))/gi)) {
    const rows = readRows(m[1] ?? '');
    const { cells, columns, headerRows } = layout(rows);
    if (columns === 0) continue;
    const widths = rows.map((_, r) =>
      cells.filter((c) => c.row <= r && r < c.row + c.rowSpan).reduce((sum, c) => sum + c.colSpan, 0),
    );
    const regular = widths.filter((w) => w === columns).length / rows.length;
    tables.push({
      grid: { page, source: 'html', columns, headerRows, cells, confidence: pageConfidence * regular },
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return tables;
}
