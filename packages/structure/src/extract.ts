import type { Annotation, OcrLine, StructuredContent } from '@ocr/contracts';
import { keyValuePairs } from './annotations/key-value.ts';
import { notes } from './annotations/notes.ts';
import { titleBlockFields } from './annotations/title-block.ts';
import { layoutDiagrams, modelDiagrams } from './diagrams.ts';
import { hasBox, pageLines } from './layout/page-lines.ts';
import { groupRows } from './layout/rows.ts';
import { fromBoxes, fromText } from './page-structure.ts';
import { pageSpecifications } from './specifications/page.ts';

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
    specifications: pageSpecifications(lines, input.page, titleBlock.materialValues),
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
