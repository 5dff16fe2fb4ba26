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

/**
 * Where the two readings hold about as much, the lifted one is kept: the coloured ink it lifted
 * was in the way. The printed one is kept only where it holds clearly more (coloured text that
 * lifting took away): its duplicated characters at a fragment's edges must not win it a group.
 */
const PRINTED_MARGIN = 1.25;

/**
 * A line only the lifted reading found is kept when read at least this surely: lifted to grey, a
 * coloured photo or a hatched area can look like print to the detector.
 */
const LIFTED_ALONE_CONFIDENCE = 0.8;

/** Characters read, each counted by the confidence it was read with. */
function surelyRead(lines: readonly ReadLine[]): number {
  return lines.reduce((sum, line) => sum + line.confidence * line.characters, 0);
}

/**
 * Merges a page's lines read as printed with the lines read again where coloured ink is, with
 * that ink lifted (`lifted`). Lines of the two readings at one place form a group, and each group
 * keeps one reading: under a seal the lifted one, where the coloured ink is the text (a red
 * warning) the printed one, which holds more. Lines only one reading found are kept: coloured text
 * that lifting removed, and black text a seal hid from the detector where it reads surely.
 */
export function mergeLiftedReading(printed: readonly ReadLine[], lifted: readonly ReadLine[]): ReadLine[] {
  const lines = [...printed, ...lifted];
  const rects = lines.map((line) => quadBounds(line.box));
  const parent = lines.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let a = 0; a < printed.length; a++) {
    for (let b = printed.length; b < lines.length; b++) {
      if (samePlace(rects[a]!, rects[b]!)) parent[root(a)] = root(b);
    }
  }
  const groups = new Map<number, { printed: ReadLine[]; lifted: ReadLine[] }>();
  lines.forEach((line, i) => {
    const group = groups.get(root(i)) ?? { printed: [], lifted: [] };
    (i < printed.length ? group.printed : group.lifted).push(line);
    groups.set(root(i), group);
  });
  return [...groups.values()].flatMap((group) => {
    if (group.printed.length === 0) return group.lifted.filter((line) => line.confidence >= LIFTED_ALONE_CONFIDENCE);
    return surelyRead(group.printed) > PRINTED_MARGIN * surelyRead(group.lifted) ? group.printed : group.lifted;
  });
}
