import { bottom, verticalOverlap } from './geometry.ts';
import type { BoxedLine } from './page-lines.ts';

/**
 * Groups lines into visual rows: a line joins a row when it overlaps the row's vertical extent by
 * at least half of the smaller height. Rows come top to bottom, lines in a row left to right.
 */
export function groupRows(lines: readonly BoxedLine[]): BoxedLine[][] {
  const sorted = [...lines].sort((a, b) => a.box.y + a.box.height / 2 - (b.box.y + b.box.height / 2));
  const rows: { top: number; bottom: number; lines: BoxedLine[] }[] = [];
  for (const line of sorted) {
    const row = rows.find((r) => {
      const extent = { x: 0, y: r.top, width: 0, height: r.bottom - r.top };
      const shared = verticalOverlap(extent, line.box);
      return shared >= 0.5 * Math.min(line.box.height, r.bottom - r.top);
    });
    if (row) {
      row.lines.push(line);
      row.top = Math.min(row.top, line.box.y);
      row.bottom = Math.max(row.bottom, bottom(line.box));
    } else {
      rows.push({ top: line.box.y, bottom: bottom(line.box), lines: [line] });
    }
  }
  return rows.sort((a, b) => a.top - b.top).map((r) => r.lines.sort((a, b) => a.box.x - b.box.x));
}
