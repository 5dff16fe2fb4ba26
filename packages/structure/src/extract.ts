import type { Annotation, OcrLine, Specification, StructuredContent, Table } from '@ocr/contracts';
import { keyValuePairs } from './annotations/key-value.ts';
import { notes } from './annotations/notes.ts';
import { pairLabelRows, titleBlockFields } from './annotations/title-block.ts';
import { layoutDiagrams, modelDiagrams } from './diagrams.ts';
import { splitTextLine, type Fragment } from './layout/fragments.ts';
import { subBox } from './layout/geometry.ts';
import { hasBox, pageLines, type BoxedLine, type PageLine } from './layout/page-lines.ts';
import { groupRows } from './layout/rows.ts';
import { parseSpecifications, type ParsedSpec } from './specifications/parse.ts';
import { alignedLineTables } from './tables/aligned-lines.ts';
import { gridToTable, type Grid } from './tables/grid.ts';
import { htmlTables } from './tables/html.ts';
import { markdownTables } from './tables/markdown.ts';

/** One page of engine output. */
export interface StructurePageInput {
  /** 1-based page number. */
  page: number;
  text: string;
  /** Line boxes, where the engine gives them (the CPU engine does, a VLM does not). */
  lines?: OcrLine[];
  /** Page size in pixels. */
  width: number;
  height: number;
  /** The engine's page confidence; tables read from text inherit it. */
  confidence?: number;
}

interface PageStructure {
  tables: Table[];
  /** Rows of fragments for title-block reading: table rows and visual rows. */
  rows: Fragment[][];
  /** Lines that are tables, so diagram finding does not take them for callouts. */
  tableLines: Set<number>;
}

function fromBoxes(lines: BoxedLine[], page: number): PageStructure {
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

function fromText(text: string, lines: PageLine[], page: number, confidence: number): PageStructure {
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

function place(line: PageLine, page: number, p: ParsedSpec, shift = 0): Specification {
  const start = p.start + shift;
  const end = p.end + shift;
  return {
    ...p.value,
    text: p.text,
    page,
    span: { line: line.index, start, end },
    ...(line.box ? { box: subBox(line.box, line.text, start, end) } : {}),
  } as Specification;
}

/**
 * Specifications line by line; then the values of material fields once more with the label as
 * context, since a bare grade (材料 | 304) is a material only there.
 */
function specifications(lines: PageLine[], page: number, materialValues: Fragment[]): Specification[] {
  const found = lines.flatMap((line) => parseSpecifications(line.text).map((p) => place(line, page, p)));
  for (const value of materialValues) {
    const line = lines[value.line];
    const at = line ? line.text.indexOf(value.text) : -1;
    if (!line || at < 0) continue;
    for (const p of parseSpecifications(value.text, { materialLabelBefore: true })) {
      const spec = place(line, page, p, at);
      const taken = found.some((f) => f.span.line === line.index && f.span.start < spec.span.end && spec.span.start < f.span.end);
      if (spec.kind === 'material' && !taken) found.push(spec);
    }
  }
  return found.sort((a, b) => a.span.line - b.span.line || a.span.start - b.span.start);
}

function extractPage(input: StructurePageInput): StructuredContent {
  const lines = pageLines(input.text, input.lines);
  const boxed = lines.filter(hasBox);
  const layout = boxed.length > 0;
  const structure = layout ? fromBoxes(boxed, input.page) : fromText(input.text, lines, input.page, input.confidence ?? 1);
  const readingOrder = layout ? groupRows(boxed).flat() : lines;
  const noteSection = notes(readingOrder, input.page);
  const titleBlock = titleBlockFields(structure.rows, input.page);
  const loose = structure.rows.flat().filter((f) => !titleBlock.used.has(f) && !noteSection.lines.has(f.line));
  const annotations: Annotation[] = [...noteSection.notes, ...titleBlock.fields, ...keyValuePairs(loose, input.page)];
  const diagrams = layout
    ? layoutDiagrams(boxed, input.page, {
        width: input.width,
        height: input.height,
        textLines: new Set([...structure.tableLines, ...noteSection.lines]),
      })
    : modelDiagrams(input.text, input.page);
  return {
    tables: structure.tables,
    diagrams,
    annotations,
    specifications: specifications(lines, input.page, titleBlock.materialValues),
  };
}

/**
 * Reads tables, diagrams, annotations and specifications out of engine output, page by page.
 * Pure: the same pages give the same result.
 *
 * @example
 * const content = extractStructure([{ page: 1, text: '材料: 45钢\nM8×1.25-6H', width: 800, height: 600 }]);
 * content.specifications.map((s) => s.kind); // ['material', 'thread']
 */
export function extractStructure(pages: readonly StructurePageInput[]): StructuredContent {
  const content: StructuredContent = { tables: [], diagrams: [], annotations: [], specifications: [] };
  for (const page of pages) {
    const found = extractPage(page);
    content.tables.push(...found.tables);
    content.diagrams.push(...found.diagrams);
    content.annotations.push(...found.annotations);
    content.specifications.push(...found.specifications);
  }
  return content;
}
