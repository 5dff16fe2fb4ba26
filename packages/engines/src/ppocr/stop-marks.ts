import type { InkRun, StripInk } from './strip-ink.ts';

/**
 * Small marks the recogniser misses or takes for one another, and the spaces after them, where the
 * strip shows them plainly.
 * On a scanned magazine page at 300 dpi it read `a big.` for `a big,` and `igno.`, `be.`, `tempo.`
 * for words hyphenated at the line's end; on a screenshot of coordinates `[159. 276]` for
 * `[159, 276]`; and a line's last mark, at the strip's edge, is often not read at all (`M8, 20 mm
 * long`). At a line's end nothing follows to tell the model; mid-line a small comma blurs into a
 * dot. In the strip a full stop stands on the line's baseline about as tall as wide; a comma
 * reaches below the baseline, taller than wide; a hyphen floats at the letters' middle, wider than
 * tall.
 */
type Mark = '.' | ',' | '-';

/** The glyphs before a mark whose feet give the line's baseline there (a skewed scan's baseline drifts along the line). */
const BASELINE_GLYPHS = 6;
/** A glyph's run spans at least this share of the strip's height (a mark is smaller)... */
const LEAST_GLYPH = 0.25;
/** ...and at most this share, on the median: taller runs are glyphs blurred together, or a drawing's strokes. */
const MOST_GLYPH = 0.75;
/** At least this many of them stand within this share of the strip's height of the baseline, or there is none to tell by. */
const STANDING = { glyphs: 3, within: 0.06 };
/** A mark's ink is at most this wide and this tall, as shares of the glyphs' height; more is a glyph, or a mark run into one. */
const MARK_SIZE = { width: 0.8, height: 0.7 };
/** A full stop sits on the baseline within this share of the glyphs' height, about as tall as wide: stops measured 5 × 4 to 8 × 7 pixels. */
const STOP = { within: 0.12, shapeBy: 1.5 };
/**
 * A comma's head reaches the baseline and its foot goes below, not as far as a descender; its top
 * stays below the glyphs' middle. A stop's foot stays level with the letters', blurred as they
 * are. Its foot goes below by this much of the glyphs' height where it is taller than wide (a
 * round head: 7 × 8 pixels), or by less where it is this much taller (a thin tail: 2 × 9 to 8 × 13).
 */
const COMMA = { deepest: 0.5, highest: 0.45, below: 0.1, thinBelow: 0.06, thin: 1.3 };
/**
 * A hyphen's ink ends above the baseline by this much of the glyphs' height and starts below their
 * top; it is at least this share of the strip's height wide and wider than tall by this much:
 * hyphens measured 7 × 6 to 10 × 5 pixels. A raised dot (`·`) is square.
 */
const HYPHEN = { above: 0.2, highest: 0.8, leastWidth: 0.12, widerBy: 1.1 };
/**
 * The raised dot of a product of units (`N·m`, `kW·h`), which the recogniser reads as `-`, `.` or
 * `·` about equally: raised as a hyphen is, at least this share of the strip's height wide, and
 * less than this much wider than tall. Such dots measured 0.8–1.25 times as wide as tall in six
 * faces at 16–28 px, sharp and scanned; hyphens 1.33 and more.
 */
const PRODUCT_DOT = { leastWidth: 0.06, widerBy: 1.3 };

/**
 * A line's last mark left unread stands at most this share of the strip's height after the glyph
 * before it; a stop there is at least this share wide, or it is a speck.
 */
const MARK_GAP = 0.3;
const LEAST_STOP_WIDTH = 0.08;

/**
 * What the mark the recogniser read as `.` at step `markStep` (the next character at `nextStep`)
 * is: `,` or `-` where the strip plainly shows one, else `.`. A hyphen is taken only at the line's
 * end (`lineEnd`), where a word is cut: mid-line the model reads hyphens right.
 */
export function stopMarkShown(ink: StripInk, markStep: number, nextStep: number, lineEnd: boolean): Mark {
  const mark = ink.runAt(markStep, nextStep);
  const shown = mark && markShape(ink, mark);
  return shown === ',' || (shown === '-' && lineEnd) ? shown : '.';
}

/**
 * The mark after a line's last character read (emitted at step `lastStep`) that the recogniser
 * left unread, where the strip shows a stop, a comma or a hyphen standing alone just after it.
 */
export function unreadLastMark(ink: StripInk, lastStep: number): Mark | undefined {
  const last = ink.runAt(lastStep);
  const mark = last && ink.next(last);
  if (!mark || ink.next(mark) || mark.start - last.end > MARK_GAP * ink.height) return undefined;
  const shown = markShape(ink, mark);
  return shown === '.' && mark.end - mark.start < LEAST_STOP_WIDTH * ink.height ? undefined : shown;
}

/** Whether the mark read at step `markStep` (the next character at `nextStep`) is a product's raised dot (see `PRODUCT_DOT`). */
export function isProductDot(ink: StripInk, markStep: number, nextStep: number): boolean {
  const mark = ink.runAt(markStep, nextStep);
  const line = mark && lineBefore(ink, mark);
  if (!mark || !line || !markSized(mark, line.size) || !raised(mark, line)) return false;
  const width = mark.end - mark.start;
  return width >= PRODUCT_DOT.leastWidth * ink.height && width < PRODUCT_DOT.widerBy * (mark.bottom - mark.top + 1);
}

/** Where the glyphs of a line stand (their feet's row) and how high they are, in strip pixels. */
interface Line {
  baseline: number;
  size: number;
}

/** The baseline and height of the glyphs before `mark` (a run of `ink`); undefined where too few stand level to tell, or they are no glyphs. */
function lineBefore(ink: StripInk, mark: InkRun): Line | undefined {
  const runs = ink.runs();
  const at = runs.indexOf(mark);
  const glyphs = runs.slice(Math.max(0, at - BASELINE_GLYPHS), at).filter((run) => run.bottom - run.top + 1 >= LEAST_GLYPH * ink.height);
  if (glyphs.length < STANDING.glyphs) return undefined;
  const baseline = median(glyphs.map((run) => run.bottom));
  const size = median(glyphs.map((run) => run.bottom - run.top + 1));
  const standing = glyphs.filter((run) => Math.abs(run.bottom - baseline) <= STANDING.within * ink.height).length;
  return size > MOST_GLYPH * ink.height || standing < STANDING.glyphs ? undefined : { baseline, size };
}

/** Whether `mark` floats at the middle of the glyphs of `line`, as a hyphen or a raised dot does. */
function raised(mark: InkRun, { baseline, size }: Line): boolean {
  return mark.bottom < baseline - HYPHEN.above * size && mark.top > baseline - HYPHEN.highest * size;
}

/** Whether `mark` is no larger than a mark beside glyphs `size` pixels high. */
function markSized(mark: InkRun, size: number): boolean {
  return mark.end - mark.start <= MARK_SIZE.width * size && mark.bottom - mark.top + 1 <= MARK_SIZE.height * size;
}

/** The mark `mark` (a run of `ink`) plainly is, judged against the baseline and height of the glyphs before it; undefined where it is none or there is no telling. */
function markShape(ink: StripInk, mark: InkRun): Mark | undefined {
  const line = lineBefore(ink, mark);
  if (!line || !markSized(mark, line.size)) return undefined;
  const { baseline, size } = line;
  const width = mark.end - mark.start;
  const height = mark.bottom - mark.top + 1;
  if (raised(mark, line)) return width >= HYPHEN.leastWidth * ink.height && width >= HYPHEN.widerBy * height ? '-' : undefined;
  const below = mark.bottom - baseline;
  const tail = (below >= COMMA.below * size && height > width) || (below >= COMMA.thinBelow * size && height >= COMMA.thin * width);
  if (tail && below <= COMMA.deepest * size && mark.top >= baseline - COMMA.highest * size && mark.top <= baseline) return ',';
  const square = height <= STOP.shapeBy * width && width <= STOP.shapeBy * height;
  return Math.abs(mark.bottom - baseline) <= STOP.within * size && square ? '.' : undefined;
}

function median(values: number[]): number {
  return values.sort((a, b) => a - b)[values.length >> 1]!;
}

/**
 * After a stop, comma, colon or semicolon a word space leaves at least this share of the strip's
 * height blank, and this many times the blank before the mark. A mark inside a number (`1,250`,
 * `12.35`, `1:2`) stands about as far from both neighbours: rendered in three faces at 16–28 px,
 * sharp and scanned, such commas left 1–9 pixels blank after them and 2–9 before; spaced ones 10–23
 * after and 2–7 before, where the recogniser often reads no space on small scans (`kW,1450`,
 * `MPa,flow`). A run wider than this share of the strip's height is no lone mark.
 */
const SPACE_AFTER_MARK = { least: 0.2, overBefore: 2, widest: 0.22 };

/**
 * No space follows a mark whose blank after is no wider than this many times the blank before: a
 * decimal mark read with a space after it (`12. 35` in a monospaced face, whose `.` sits mid-cell).
 */
const UNSPACED_OVER_BEFORE = 1.5;

/**
 * Whether the strip shows a word space after the mark read at step `markStep`, before the character
 * read at `nextStep`: `true` or `false` where it plainly shows one or none (see `SPACE_AFTER_MARK`,
 * `UNSPACED_OVER_BEFORE`), undefined where it cannot tell.
 */
export function spacedAfterMark(ink: StripInk, markStep: number, nextStep: number): boolean | undefined {
  // The ink after the mark is the next character's, not a speck between them.
  const [mark, next] = ink.adjacentRuns(markStep, nextStep) ?? [];
  const before = mark && ink.previous(mark);
  if (!mark || !next || !before || mark.end - mark.start > SPACE_AFTER_MARK.widest * ink.height) return undefined;
  const [blank, blankBefore] = [next.start - mark.end, mark.start - before.end];
  if (blank >= SPACE_AFTER_MARK.least * ink.height && blank >= SPACE_AFTER_MARK.overBefore * blankBefore) return true;
  if (blank <= UNSPACED_OVER_BEFORE * blankBefore) return false;
  return undefined;
}
