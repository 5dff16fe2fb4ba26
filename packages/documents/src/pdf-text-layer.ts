import type { PageTextChar } from '@ocr/contracts';

/** A PDF transformation matrix [a, b, c, d, e, f]. */
type Matrix = readonly number[];

/** One run of a page's text as pdfjs's getTextContent gives it. */
export interface TextRun {
  str: string;
  /** The run's text matrix (font size included) in PDF user space. */
  transform: Matrix;
  /** Advance along the baseline, in user space units. */
  width: number;
  /** Set in the invisible rendering mode (3); the patched pdfjs tells. */
  invisible?: boolean;
}

/**
 * Share of a page's invisible characters that the characters it prints must reach for the
 * invisible ones to be left out. A page whose only text is invisible is a CAD plotter's (KiCad's,
 * over its stroked lettering: its text is what prints) or a scan's OCR layer (see
 * hasHiddenTextLayer). A page that prints its text and sets more invisible is an Altium sheet,
 * naming every pin and net (`PIU1049`, `COR1`) beside the labels it prints: ~1,500 such
 * characters beside ~1,800 printed, which, taken for the text of the labels they lie by, kept a
 * third of the labels' readings from being checked. A KiCad sheet that a merger stamped a
 * printed page number on keeps its text.
 */
const PRINTED_SHARE = 0.25;

const inked = (runs: readonly TextRun[]): number => runs.reduce((n, run) => n + run.str.replace(/\s/g, '').length, 0);

/** The runs of the page's own text: all of them, or those it prints where it prints enough (see PRINTED_SHARE). */
export function ownRuns(runs: readonly TextRun[]): readonly TextRun[] {
  const printed = runs.filter((run) => !run.invisible);
  return inked(printed) >= PRINTED_SHARE * inked(runs.filter((run) => run.invisible)) ? printed : runs;
}

/** Share of the font size above the baseline where a glyph's middle sits (lower case and capitals). */
const GLYPH_MIDDLE = 0.35;

/**
 * A run of spaces wider than this many font sizes fills a table's gap between cells: its one
 * character, placed at the middle of its advance, would land inside some other run's word
 * (`Pan el`, `7. 00` in a skating protocol whose fillers span the page). A word space is far
 * narrower, and the gap such a run fills parts the words anyway.
 */
const FILLER_EMS = 1;

function filler(run: TextRun): boolean {
  return run.str.trim() === '' && run.width > FILLER_EMS * Math.hypot(run.transform[2]!, run.transform[3]!);
}

/**
 * A character this share of its font size or nearer to the same character placed before is that
 * one drawn again: some producers draw text twice, a hair apart, for bold (a seed trial's report:
 * every run twice, read `$$792`, `KKruger`, `Ac,,PV`). Glyphs of one word stand half a size apart
 * or more.
 */
const OVERPRINT = 0.15;

/**
 * `placed` without the characters drawn again over the same character, the first drawn kept, and
 * without spaces drawn over a glyph (the copies' character maps can differ: one gives a stop where
 * the other gives a space). See OVERPRINT.
 */
function withoutOverprint(placed: readonly PageTextChar[]): PageTextChar[] {
  const byRow = [...placed.keys()].sort((a, b) => placed[a]!.y - placed[b]!.y);
  const dropped = new Set<number>();
  for (let k = 0; k < byRow.length; k++) {
    const i = byRow[k]!;
    const c = placed[i]!, near = OVERPRINT * c.size!;
    for (let j = k + 1; j < byRow.length && !dropped.has(i); j++) {
      const other = byRow[j]!, d = placed[other]!;
      if (d.y - c.y > near) break;
      if (dropped.has(other) || Math.abs(d.x - c.x) > near) continue;
      const [blank, other2] = [c.char.trim() === '', d.char.trim() === ''];
      if (d.char === c.char) dropped.add(Math.max(i, other));
      else if (blank !== other2) dropped.add(blank ? i : other);
    }
  }
  return placed.filter((_, i) => !dropped.has(i));
}

/** m × n, as pdfjs's Util.transform: n applied first. */
function multiply(m: Matrix, n: Matrix): number[] {
  return [
    m[0]! * n[0]! + m[2]! * n[1]!,
    m[1]! * n[0]! + m[3]! * n[1]!,
    m[0]! * n[2]! + m[2]! * n[3]!,
    m[1]! * n[2]! + m[3]! * n[3]!,
    m[0]! * n[4]! + m[2]! * n[5]! + m[4]!,
    m[1]! * n[4]! + m[3]! * n[5]! + m[5]!,
  ];
}

/**
 * Places each character of the page's text runs on the rendered page (`viewport`: PDF user space
 * to page pixels), at the middle of its glyph, with its font size. A run's width is shared evenly by its characters.
 * Text drawn twice over itself is placed once (see OVERPRINT).
 */
export function placeText(runs: readonly TextRun[], viewport: Matrix): PageTextChar[] {
  const placed: PageTextChar[] = [];
  const pixelsPerUnit = Math.hypot(viewport[0]!, viewport[1]!);
  for (const run of runs) {
    const chars = Array.from(run.str);
    if (chars.length === 0 || filler(run)) continue;
    const m = multiply(viewport, run.transform);
    const along = Math.hypot(m[0]!, m[1]!), up = Math.hypot(m[2]!, m[3]!);
    if (along === 0 || up === 0) continue;
    const advance = (run.width * pixelsPerUnit) / chars.length;
    // Unit vectors on the page along the baseline and up the glyphs (the viewport flips y).
    const [bx, by] = [m[0]! / along, m[1]! / along];
    const [ux, uy] = [m[2]! / up, m[3]! / up];
    const lift = GLYPH_MIDDLE * up;
    chars.forEach((char, i) => {
      const t = advance * (i + 0.5);
      placed.push({ char, x: m[4]! + bx * t + ux * lift, y: m[5]! + by * t + uy * lift, size: up });
    });
  }
  return withoutOverprint(placed);
}

/**
 * The median font size of the runs' characters (spaces left out) in PDF user space units;
 * undefined where they hold none. A run's font size is the height of its text matrix.
 */
export function medianFontSize(runs: readonly TextRun[]): number | undefined {
  const sized = runs
    .map((run) => ({ size: Math.hypot(run.transform[2]!, run.transform[3]!), count: run.str.replace(/\s/gu, '').length }))
    .filter((run) => run.count > 0 && run.size > 0)
    .sort((a, b) => a.size - b.size);
  let left = sized.reduce((n, run) => n + run.count, 0) / 2;
  for (const run of sized) {
    left -= run.count;
    if (left <= 0) return run.size;
  }
  return undefined;
}
