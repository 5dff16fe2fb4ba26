import type { OcrLine } from '@ocr/contracts';
import { quadBounds, type Bounds } from './geometry.ts';

/** A line as read, with the characters the recogniser saw in it (inferred spaces not counted). */
export interface ReadLine extends OcrLine {
  characters: number;
}

/** Two boxes are one place on the page when their overlap covers this share of the smaller. */
const SAME_PLACE = 0.3;

function area(r: Bounds): number {
  return Math.max(0, r.right - r.left) * Math.max(0, r.bottom - r.top);
}

function samePlace(a: Bounds, b: Bounds): boolean {
  const overlap = area({
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  });
  return overlap > 0 && overlap >= SAME_PLACE * Math.min(area(a), area(b));
}

/** Characters read, each counted by the confidence it was read with. */
export function surelyRead(lines: readonly ReadLine[]): number {
  return lines.reduce((sum, line) => sum + line.confidence * line.characters, 0);
}

export interface ReadingMerge {
  /** Whether a group keeps the second reading's lines rather than the first's. */
  secondWins(first: readonly ReadLine[], second: readonly ReadLine[]): boolean;
  /** Whether a line only the second reading found is kept. */
  keepAlone(line: ReadLine): boolean;
}

/**
 * Merges two readings of one page: lines of the two at one place form a group, and each group
 * keeps the lines of one reading. Lines only the first reading found are kept.
 */
export function mergeReadings(first: readonly ReadLine[], second: readonly ReadLine[], merge: ReadingMerge): ReadLine[] {
  const lines = [...first, ...second];
  const rects = lines.map((line) => quadBounds(line.box));
  const parent = lines.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let a = 0; a < first.length; a++) {
    for (let b = first.length; b < lines.length; b++) {
      if (samePlace(rects[a]!, rects[b]!)) parent[root(a)] = root(b);
    }
  }
  const groups = new Map<number, { first: ReadLine[]; second: ReadLine[] }>();
  lines.forEach((line, i) => {
    const group = groups.get(root(i)) ?? { first: [], second: [] };
    (i < first.length ? group.first : group.second).push(line);
    groups.set(root(i), group);
  });
  return [...groups.values()].flatMap((group) => {
    if (group.first.length === 0) return group.second.filter(merge.keepAlone);
    return merge.secondWins(group.first, group.second) ? group.second : group.first;
  });
}
