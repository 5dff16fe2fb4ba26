import { quadBounds, type Bounds } from './geometry.ts';
import type { ReadLine } from './readings.ts';
import { holdsGlyphs, readsUpOrDown } from './sideways-text.ts';

/** Lines the other way cover at least this share of the slice's length... */
const COVERED = 0.5;
/** ...each spanning this share of its breadth. */
const SPANNED = 0.8;
/**
 * A slice reads a glyph or so of each line it crosses: at most this many characters a line. A line
 * that slices cross reads more (`0 20 / A6`, crossed by three slices through a column of such
 * labels, `2 2 2 2`, `A A A A`, `0 9 8 7`).
 */
const GLYPHS_A_LINE = 1.5;

/** A box's extent along a line's length and across it. */
interface Extent {
  start: number;
  end: number;
  from: number;
  to: number;
}

const along = (b: Bounds, upOrDown: boolean): Extent =>
  upOrDown ? { start: b.top, end: b.bottom, from: b.left, to: b.right } : { start: b.left, end: b.right, from: b.top, to: b.bottom };

/**
 * The lines without those cut through lines set the other way: a schematic's pin names set one
 * under another (`AD_B1_09`, `AD_B1_08`, …), whose first letters, aligned, the detector boxed as
 * one line down the page, read `A A A A A A A A A A`; names set up the page side by side (`GPIO8`,
 * `GPIO9`, …), whose ends it boxed as one line across, read `P P P P P`. Such a slice is crossed by
 * two or more lines read the other way, each spanning its breadth, that together cover half its
 * length or more, and reads a glyph or so of each (see GLYPHS_A_LINE); text beside lines set the
 * other way runs past them, not through.
 */
export function withoutColumnSlices(lines: readonly ReadLine[]): ReadLine[] {
  const placed = lines.map((line) => ({ upOrDown: readsUpOrDown(line.box), bounds: quadBounds(line.box) }));
  return lines.filter((line, i) => {
    if (holdsGlyphs(line.box)) return true;
    const { upOrDown, bounds } = placed[i]!;
    const slice = along(bounds, upOrDown);
    const spans = placed
      .filter((other) => other.upOrDown !== upOrDown)
      .map((other) => along(other.bounds, upOrDown))
      .filter((o) => Math.min(o.to, slice.to) - Math.max(o.from, slice.from) >= SPANNED * (slice.to - slice.from) && o.start < slice.end && slice.start < o.end)
      .map((o) => ({ start: Math.max(o.start, slice.start), end: Math.min(o.end, slice.end) }))
      .sort((a, b) => a.start - b.start);
    if (spans.length < 2 || line.text.replace(/\s/g, '').length > GLYPHS_A_LINE * spans.length) return true;
    let covered = 0, reached = slice.start;
    for (const s of spans) {
      covered += Math.max(0, s.end - Math.max(s.start, reached));
      reached = Math.max(reached, s.end);
    }
    return covered < COVERED * (slice.end - slice.start);
  });
}
