import type { BoundingBox, TableCell } from '@ocr/contracts';
import { bottom, horizontalOverlap, median, right, unionBoxes } from '../layout/geometry.ts';
import type { BoxedLine } from '../layout/page-lines.ts';
import { groupRows } from '../layout/rows.ts';
import type { Grid } from './grid.ts';

/** A table found in line boxes, with the lines it was built from. */
export interface LayoutTable {
  grid: Grid;
  lines: BoxedLine[];
}

interface Column {
  x0: number;
  x1: number;
}

// Cells of tables are short; a column whose typical cell is longer than this reads as prose.
const PROSE_CHARS = 24;
/** A column with text in at least half of its table's rows counts in telling a table from prose. */
const DENSE_COLUMN = 0.5;

const NUMERIC = /^[\s\dØΦφ±+\-.,:/×x°~%()RM]*\d[\s\dØΦφ±+\-.,:/×x°~%()a-zA-Z]*$/;

/**
 * Runs of consecutive rows that could be one table: rows of two or more lines, close together;
 * a one-line row may sit between them (a row whose other cells are empty).
 */
function candidateRuns(rows: BoxedLine[][], lineHeight: number): BoxedLine[][][] {
  const runs: BoxedLine[][][] = [];
  let run: BoxedLine[][] = [];
  const flush = (): void => {
    while (run.length > 0 && (run[run.length - 1]?.length ?? 0) < 2) run.pop();
    if (run.filter((r) => r.length >= 2).length >= 2) runs.push(run);
    run = [];
  };
  for (const row of rows) {
    const previous = run[run.length - 1];
    const gap = previous ? Math.min(...row.map((l) => l.box.y)) - Math.max(...previous.map((l) => bottom(l.box))) : 0;
    if (previous && gap > 1.5 * lineHeight) flush();
    if (row.length >= 2 || run.length > 0) run.push(row);
  }
  flush();
  return runs;
}

/** A cell spans columns when, in some other row, it lies over two or more cells. */
function isSpanning(cell: BoxedLine, rows: BoxedLine[][]): boolean {
  return rows.some((row) => !row.includes(cell) && row.filter((o) => horizontalOverlap(o.box, cell.box) > 0).length >= 2);
}

/** Column bands: the x-extents of non-spanning cells, merged where they overlap. */
function findColumns(rows: BoxedLine[][]): Column[] {
  const bands = rows
    .flat()
    .filter((cell) => !isSpanning(cell, rows))
    .map((cell) => ({ x0: cell.box.x, x1: right(cell.box) }))
    .sort((a, b) => a.x0 - b.x0);
  const columns: Column[] = [];
  for (const band of bands) {
    const last = columns[columns.length - 1];
    if (last && band.x0 < last.x1) last.x1 = Math.max(last.x1, band.x1);
    else columns.push({ ...band });
  }
  return columns;
}

const sharedWidth = (box: BoundingBox, col: Column): number =>
  Math.max(0, Math.min(right(box), col.x1) - Math.max(box.x, col.x0));

/**
 * The columns a cell covers: those it overlaps substantially, and both sides of a gap that its
 * centre lies in while it reaches into both (a header centred over two columns); else the nearest.
 */
function coveredColumns(box: BoundingBox, columns: Column[]): [number, number] {
  const centre = box.x + box.width / 2;
  const covered = columns.flatMap((col, i) => {
    const next = columns[i + 1];
    if (next && centre > col.x1 && centre < next.x0 && sharedWidth(box, col) > 0 && sharedWidth(box, next) > 0) return [i, i + 1];
    return sharedWidth(box, col) > 0.3 * Math.min(box.width, col.x1 - col.x0) ? [i] : [];
  });
  if (covered.length > 0) return [Math.min(...covered), Math.max(...covered)];
  const nearest = columns.reduce(
    (best, col, i) => {
      const d = Math.abs((col.x0 + col.x1) / 2 - centre);
      return d < best.d ? { i, d } : best;
    },
    { i: 0, d: Infinity },
  );
  return [nearest.i, nearest.i];
}

/**
 * A cell the detector boxed together with its neighbour (`02Aug2018 Clearing Cheque` over a
 * date and a description column), cut at the spaces whose place on the line, estimated from the
 * characters' share of its width, falls in the gaps between the columns it covers; undefined
 * where some gap holds no space.
 */
function cutAtColumnGaps(line: BoxedLine, first: number, last: number, columns: Column[]): BoxedLine[] | undefined {
  const chars = [...line.text];
  const step = line.box.width / Math.max(1, chars.length);
  const cuts: number[] = [];
  for (let k = first; k < last; k++) {
    const gapStart = columns[k]!.x1, gapEnd = columns[k + 1]!.x0;
    let cut = -1;
    let distance = Infinity;
    chars.forEach((ch, i) => {
      const x = line.box.x + (i + 0.5) * step;
      if (ch !== ' ' || i <= (cuts.at(-1) ?? -1) || x < gapStart - step || x > gapEnd + step) return;
      const d = Math.abs(x - (gapStart + gapEnd) / 2);
      if (d < distance) [cut, distance] = [i, d];
    });
    if (cut < 0) return undefined;
    cuts.push(cut);
  }
  const bounds = [-1, ...cuts, chars.length];
  const parts = bounds.slice(1).map((end, i) => {
    const start = bounds[i]! + 1;
    const box = { ...line.box, x: line.box.x + start * step, width: (end - start) * step };
    return { ...line, text: chars.slice(start, end).join('').trim(), box };
  });
  return parts.every((part) => part.text !== '') ? parts : undefined;
}

function isLabel(text: string): boolean {
  return text.trim() !== '' && !NUMERIC.test(text);
}

function buildGrid(rows: BoxedLine[][], page: number): LayoutTable | undefined {
  const columns = findColumns(rows);
  if (columns.length < 2) return undefined;
  const placed: (TableCell & { lines: BoxedLine[] })[] = [];
  rows.forEach((row, r) => {
    // Below the first row (a header may span columns), a box over two columns beside other cells
    // of its row is two cells the detector joined; a lone box across the table is a row of its own.
    const cells = row.flatMap((line) => {
      const [first, last] = coveredColumns(line.box, columns);
      const parts = r > 0 && row.length > 1 && last > first ? cutAtColumnGaps(line, first, last, columns) : undefined;
      return parts ?? [line];
    });
    for (const line of cells) {
      const [first, last] = coveredColumns(line.box, columns);
      const same = placed.find((p) => p.row === r && p.column === first);
      // Two boxes in one cell: the detector split a cell's text at a wide gap.
      if (same) {
        same.text = `${same.text} ${line.text}`;
        same.lines.push(line);
        same.colSpan = Math.max(same.colSpan, last - first + 1);
        continue;
      }
      placed.push({ row: r, column: first, rowSpan: 1, colSpan: last - first + 1, text: line.text, header: false, lines: [line] });
    }
  });
  const filled = placed.reduce((n, c) => n + c.colSpan, 0);
  if (filled < 0.5 * rows.length * columns.length) return undefined;
  // Most rows of a table hold two cells or more; a column of prose with a sidebar beside part of
  // it (an infobox, a figure's caption) holds one in most.
  const paired = rows.filter((_, r) => placed.filter((p) => p.row === r && p.text.trim() !== '').length >= 2).length;
  if (paired < 0.5 * rows.length) return undefined;
  // Two columns of running text share baselines too; a table has at least one column of short
  // cells. Columns filled in few rows are no such column: a word of a justified line the detector
  // boxed apart, a folio beside the text.
  const dense = columns
    .map((_, c) => placed.filter((p) => p.column === c && p.text.trim() !== ''))
    .filter((cells) => cells.length >= DENSE_COLUMN * rows.length);
  if (dense.every((cells) => median(cells.map((p) => p.text.length)) > PROSE_CHARS)) return undefined;

  // Header: a first row of labels over a body with numbers, or one holding merged (spanning) cells;
  // under merged cells, a second row of labels is a sub-header.
  const rowCells = (r: number): typeof placed => placed.filter((c) => c.row === r);
  const first = rowCells(0);
  const merged = first.some((c) => c.colSpan > 1);
  const labelsOnly = (cells: typeof placed): boolean => cells.every((c) => isLabel(c.text));
  const bodyHasNumbers = placed.some((c) => c.row > 0 && !isLabel(c.text));
  let headerRows = labelsOnly(first) && (merged || bodyHasNumbers) ? 1 : 0;
  if (headerRows === 1 && merged && rows.length > 2 && labelsOnly(rowCells(1))) headerRows = 2;
  if (headerRows === 2) {
    // A top header cell with nothing under it spans both header rows.
    for (const cell of first) {
      const below = rowCells(1).some((c) => c.column < cell.column + cell.colSpan && cell.column < c.column + c.colSpan);
      if (!below) cell.rowSpan = 2;
    }
  }

  const rowTop = rows.map((row) => Math.min(...row.map((l) => l.box.y)));
  const rowBottom = rows.map((row) => Math.max(...row.map((l) => bottom(l.box))));
  const cells: TableCell[] = [];
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < columns.length; c++) {
      const cell = placed.find((p) => p.row <= r && r < p.row + p.rowSpan && p.column <= c && c < p.column + p.colSpan);
      const column = columns[c];
      if (cell && cell.row === r && cell.column === c) {
        const { lines, ...rest } = cell;
        cells.push({ ...rest, header: r < headerRows, box: unionBoxes(lines.map((l) => l.box)) });
      } else if (!cell && column) {
        const y = rowTop[r] ?? 0;
        cells.push({
          row: r,
          column: c,
          rowSpan: 1,
          colSpan: 1,
          text: '',
          header: r < headerRows,
          box: { x: column.x0, y, width: column.x1 - column.x0, height: (rowBottom[r] ?? y) - y },
        });
      }
    }
  }
  const lines = rows.flat();
  const chars = lines.reduce((n, l) => n + Math.max(1, l.text.length), 0);
  const confidence = lines.reduce((sum, l) => sum + (l.confidence ?? 0) * Math.max(1, l.text.length), 0) / chars;
  return {
    grid: { page, source: 'layout', columns: columns.length, headerRows, cells, confidence, box: unionBoxes(lines.map((l) => l.box)) },
    lines,
  };
}

/**
 * Tables from the CPU engine's line boxes: rows by vertical overlap, columns by horizontal
 * alignment. Cells spanning several columns (merged header cells) and empty cells are kept as such.
 */
export function alignedLineTables(lines: readonly BoxedLine[], page: number): LayoutTable[] {
  const lineHeight = median(lines.map((l) => l.box.height));
  const rows = groupRows(lines);
  const tableOf = (run: BoxedLine[][]) => withGroupHeading(rows, run, lineHeight, page) ?? buildGrid(run, page);
  return candidateRuns(rows, lineHeight).flatMap((run) => {
    const table = tableOf(run);
    if (table) return [table];
    // A table set in running text, one line of prose close above and below it, joins the
    // prose's rows into its run: the parts between lines of prose are tried on their own.
    return proseSeparated(run).flatMap((part) => tableOf(part) ?? []);
  });
}

/** A run between lines of prose is tried as a table where it has this many rows of two cells or more... */
const SEPARATED_ROWS = 3;
/** ...and this share of its lines are short, as cells are: two columns of prose share rows too. */
const SEPARATED_SHORT_SHARE = 0.8;

/**
 * The runs left between one-line rows of prose (longer than a table's cells), as `candidateRuns`
 * keeps them, where they look like a table's rows (see SEPARATED_ROWS).
 */
function proseSeparated(run: BoxedLine[][]): BoxedLine[][][] {
  const parts: BoxedLine[][][] = [[]];
  for (const row of run) {
    if (row.length === 1 && row[0]!.text.length > PROSE_CHARS) parts.push([]);
    else parts.at(-1)!.push(row);
  }
  return parts
    .map((part) => part.slice(part.findIndex((row) => row.length >= 2)))
    .map((part) => part.slice(0, part.findLastIndex((row) => row.length >= 2) + 1))
    .filter((part) => {
      const lines = part.flat();
      const short = lines.filter((line) => line.text.length <= PROSE_CHARS).length;
      return part.length < run.length && part.filter((row) => row.length >= 2).length >= SEPARATED_ROWS && short >= SEPARATED_SHORT_SHARE * lines.length;
    });
}

/**
 * The table with the group heading that stands alone on its row just above it (`Results` over
 * `Accuracy` and `Time to complete`), as a merged header cell: a short label close above, over two
 * or more of the table's columns but not all (a title or caption spans the table, or starts at
 * its left). Undefined where the row above is no such heading.
 */
function withGroupHeading(rows: BoxedLine[][], run: BoxedLine[][], lineHeight: number, page: number): LayoutTable | undefined {
  const above = rows[rows.indexOf(run[0]!) - 1];
  const heading = above?.length === 1 ? above[0]! : undefined;
  if (!heading || !isLabel(heading.text) || heading.text.length > PROSE_CHARS) return undefined;
  if (Math.min(...run[0]!.map((l) => l.box.y)) - bottom(heading.box) > 1.5 * lineHeight) return undefined;
  const table = buildGrid([above!, ...run], page);
  const cell = table?.grid.cells.find((c) => c.row === 0 && c.text === heading.text);
  return cell && cell.column > 0 && cell.colSpan >= 2 && cell.colSpan < table!.grid.columns ? table : undefined;
}
