import type { Table } from '@ocr/contracts';
import { pairLabelRows } from './annotations/title-block.ts';
import { splitTextLine, type Fragment } from './layout/fragments.ts';
import type { BoxedLine, PageLine } from './layout/page-lines.ts';
import { groupRows } from './layout/rows.ts';
import { alignedLineTables } from './tables/aligned-lines.ts';
import { gridToTable, type Grid } from './tables/grid.ts';
import { htmlTables } from './tables/html.ts';
import { markdownTables } from './tables/markdown.ts';

/**
 * What a page is laid out as, read once for the readers after it: its tables, and its rows of
 * fragments (visual rows of boxes, or text lines and table rows) for title blocks and key–value pairs.
 */
export interface PageStructure {
  tables: Table[];
  /** Rows of fragments for title-block reading: table rows and visual rows. */
  rows: Fragment[][];
  /** Lines that are tables, so diagram finding does not take them for callouts. */
  tableLines: Set<number>;
}

/** From line boxes: tables by alignment, rows by vertical overlap. */
export function fromBoxes(lines: BoxedLine[], page: number): PageStructure {
  const found = alignedLineTables(lines, page);
  return {
    tables: found.map((t) => gridToTable(t.grid)),
    rows: groupRows(lines).map((row) => row.map((l) => ({ text: l.text, line: l.index, box: l.box }))),
    tableLines: new Set(found.flatMap((t) => t.lines.map((l) => l.index))),
  };
}

function gridRows(grid: Grid, line: number): Fragment[][] {
  const rows: Fragment[][] = [];
  for (const cell of grid.cells) (rows[cell.row] ??= []).push({ text: cell.text, line });
  return rows.filter((r) => r.length > 0);
}

/** From model text: Markdown and HTML tables, lines cut into fragments. */
export function fromText(text: string, lines: PageLine[], page: number, confidence: number): PageStructure {
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.text.length + 1;
  }
  const lineAt = (at: number): number => Math.max(0, lineStarts.findLastIndex((s) => s <= at));
  const html = htmlTables(text, page, confidence).map((t) => ({ ...t, first: lineAt(t.start), last: lineAt(t.end - 1) }));
  const inHtml = (i: number): boolean => html.some((t) => t.first <= i && i <= t.last);
  const markdown = markdownTables(
    lines.map((l) => (inHtml(l.index) ? '' : l.text)),
    page,
    confidence,
  );
  const rows = [
    ...lines.filter((l) => !inHtml(l.index)).map((l) => splitTextLine(l.text, l.index)),
    ...html.flatMap((t) => pairLabelRows(gridRows(t.grid, t.first))),
  ].filter((r) => r.length > 0);
  const ordered = [...markdown.map((t) => ({ at: t.firstLine, grid: t.grid })), ...html.map((t) => ({ at: t.first, grid: t.grid }))];
  return {
    tables: ordered.sort((a, b) => a.at - b.at).map((t) => gridToTable(t.grid)),
    rows,
    tableLines: new Set(),
  };
}
