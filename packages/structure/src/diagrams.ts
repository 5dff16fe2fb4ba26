import type { BoundingBox, Diagram } from '@ocr/contracts';
import { bottom, median, right, unionBoxes } from './layout/geometry.ts';
import type { BoxedLine } from './layout/page-lines.ts';

export interface LayoutDiagramOptions {
  width: number;
  height: number;
  /** Lines already read as tables or notes: text, not drawing. */
  textLines: ReadonlySet<number>;
}

// Callouts on a drawing are short ("Ø20", "R5", "A-A"); prose and table rows are longer.
const MAX_CALLOUT_CHARS = 16;

function gapBetween(a: BoundingBox, b: BoundingBox): number {
  const dx = Math.max(0, b.x - right(a), a.x - right(b));
  const dy = Math.max(0, b.y - bottom(a), a.y - bottom(b));
  return Math.hypot(dx, dy);
}

/** A line is part of running text when another line sits right above or below it, left-aligned. */
function inParagraph(line: BoxedLine, lines: readonly BoxedLine[], lineHeight: number): boolean {
  return lines.some(
    (o) =>
      o !== line &&
      Math.abs(o.box.x - line.box.x) < lineHeight &&
      Math.min(Math.abs(o.box.y - bottom(line.box)), Math.abs(line.box.y - bottom(o.box))) < 0.8 * lineHeight,
  );
}

function contains(region: BoundingBox, box: BoundingBox): boolean {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return cx >= region.x && cx <= right(region) && cy >= region.y && cy <= bottom(region);
}

/**
 * Drawing regions from line boxes: clusters of short, scattered callouts that cover a sizeable
 * part of the page while their text covers little of it. Text alone cannot show a drawing with no
 * labels at all; such drawings are not found.
 */
export function layoutDiagrams(lines: readonly BoxedLine[], page: number, options: LayoutDiagramOptions): Diagram[] {
  const lineHeight = median(lines.map((l) => l.box.height));
  const dense = lines.filter(
    (l) => options.textLines.has(l.index) || l.text.trim().length > MAX_CALLOUT_CHARS || inParagraph(l, lines, lineHeight),
  );
  const sparse = lines.filter((l) => !dense.includes(l) && l.text.trim() !== '');
  // Callouts of one drawing sit far apart; views of one sheet may join into one region.
  const reach = Math.max(6 * lineHeight, 0.4 * Math.min(options.width, options.height));

  // Single-linkage clusters of callouts.
  const cluster = sparse.map((_, i) => i);
  const find = (i: number): number => (cluster[i] === i ? i : (cluster[i] = find(cluster[i] ?? i)));
  for (let i = 0; i < sparse.length; i++) {
    for (let j = i + 1; j < sparse.length; j++) {
      const a = sparse[i];
      const b = sparse[j];
      if (a && b && gapBetween(a.box, b.box) <= reach) cluster[find(i)] = find(j);
    }
  }
  const groups = new Map<number, BoxedLine[]>();
  sparse.forEach((line, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), line]));

  const pageArea = options.width * options.height;
  const diagrams: Diagram[] = [];
  for (const members of groups.values()) {
    const core = unionBoxes(members.map((m) => m.box));
    if (!core || members.length < 2) continue;
    if (dense.some((d) => contains(core, d.box))) continue;
    const x = Math.max(0, core.x - lineHeight);
    const y = Math.max(0, core.y - lineHeight);
    const box = {
      x,
      y,
      width: Math.min(options.width, right(core) + lineHeight) - x,
      height: Math.min(options.height, bottom(core) + lineHeight) - y,
    };
    const area = box.width * box.height;
    const textArea = members.reduce((sum, m) => sum + m.box.width * m.box.height, 0);
    if (area < 0.04 * pageArea || textArea > 0.15 * area) continue;
    const labels = [...members].sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x).map((m) => m.text.trim());
    diagrams.push({ page, source: 'layout', box, labels });
  }
  return diagrams;
}

const FIGURE_PATTERNS: RegExp[] = [
  /!\[([^\]]+)\]\([^)]*\)/g,
  /<img\b[^>]*\balt\s*=\s*["']([^"']+)["'][^>]*>/gi,
  /<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>/gi,
  /\[(?:Figure|Diagram|Image|Drawing|图|图片|示意图|插图)\s*[:：]\s*([^\]]+)\]/gi,
  /^\s*(?:Figure|Fig\.)\s*\d+(?:[-.]\d+)?\s*[.:：]?\s+(.+?)\s*$/gim,
  /^\s*图\s*\d+(?:[-.]\d+)?\s*[:：.]?\s*(.+?)\s*$/gm,
];

/** Figures that a model described or captioned: image alt text, figure captions, "[图: …]". */
export function modelDiagrams(text: string, page: number): Diagram[] {
  const found: { at: number; description: string }[] = [];
  for (const pattern of FIGURE_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const description = (m[1] ?? '').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
      if (description !== '' && !found.some((f) => f.at === m.index)) found.push({ at: m.index, description });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ description }) => ({ page, source: 'model', description, labels: [] }));
}
