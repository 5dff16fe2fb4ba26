import type { OcrLine } from '@ocr/contracts';
import { quadSize } from './geometry.ts';
import { pageTurn, readingAngle, skewOf, turnWeight } from './page-turn.ts';

/** A line's extent on the deskewed page; `top`/`bottom` are its central band, which neighbours never share. */
interface Extent {
  line: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  /** Where its reading runs up the deskewed page -1, down it 1, across it 0. */
  crosswise: -1 | 0 | 1;
  /** Its box's height across its reading (the deskewed extent of a slanted box is taller). */
  printHeight: number;
  /** Its whole extent down the deskewed page, not only the central band. */
  outerTop: number;
  outerBottom: number;
  /** Its text starts with a lower-case letter: it goes on from the line above (`Travel and` / `miscellaneous expenses`). */
  goesOn: boolean;
  /** Its text holds Han characters: a line of Chinese goes on from the line above unless that one ended its sentence. */
  han: boolean;
  /** Its text ends a sentence (`。`, `.`, `！`…). */
  closes: boolean;
  /** Its text is a number or numbers (`5,288,011,738.39`, `12.5 %`): a table's cell, never a line of prose. */
  numeric: boolean;
  /** Its text reads as a line of prose: PROSE_WORDS words at least, or Chinese. */
  wordy: boolean;
}

/** A line of numbers: digits with their marks, signs, units' `%` and currency signs. */
const NUMBERS = /^[\d\s.,:;%+\-−±()/¥$€£]*\d[\d\s.,:;%+\-−±()/¥$€£]*$/u;

/**
 * A line of prose holds this many words of letters at least (`Expanded handshaking capability
 * allows control`), where a table's row read as one line holds codes and figures (`ep2 0 64 bulk
 * out (2×)`, `0 IOA IOB IOC`).
 */
const PROSE_WORDS = 4;
const WORD = /^[("“'‘]?\p{L}{2,}[.,;:!?)"”'’]*$/u;

/** A sentence's last mark, closing quotes and brackets after it. */
const SENTENCE_END = /[.!?。！？；;][”’"')）」』]*$/u;

type Row = Extent[];
type Block = Row[];

/** Fraction of a box's height kept as its central band for row and gap tests... */
const CORE = 0.6;
/**
 * ...and at most this share of the page's usual step from a row to the next (see `bandLimit`),
 * where that step is under DENSE_STEP of the line's height, on a page where at least DENSE_ROWS
 * lines have a line under them; each line's next is looked for among the PITCH_LOOKAHEAD lines
 * after it, top to bottom.
 */
const PITCH_CORE = 0.75;
const DENSE_STEP = 1;
const DENSE_ROWS = 10;
const PITCH_LOOKAHEAD = 50;
/**
 * A line running up or down a page whose text runs across, at least this many line heights long,
 * stands in its margin (an arXiv stamp, a drawing's revision note along its border): it is read
 * after the page's text, not in the middle of the paragraph it stands beside. A drawing's
 * vertical sizes, and a title block's column of a few characters, are shorter and keep their place.
 */
const MARGIN_LINE = 12;
/** Boxes of such a line, one after another up or down the page this close (in line heights), are pieces of it. */
const MARGIN_PIECE_GAP = 1;
/** A gap between rows wider than this many line heights starts a new block. */
const BLOCK_GAP = 1.6;
/**
 * A vertical gutter at least this many line heights wide can separate columns... Boxes reach
 * about a third of their height past the ink, so this is ~1.1 line heights of paper: wider than
 * any space between words, and a magazine's 1.5 em gutter (half a line height between boxes;
 * at 1.0 its columns were read across) is still one.
 */
const GUTTER = 0.5;
/**
 * ...and this many heights of the lines beside it: a space between words is under a third of
 * their height however large they print (a drawing's note among its zone letters), where the
 * page's usual height would take it for a gutter.
 */
const GUTTER_BESIDE = 0.35;
/** ...when the lines on both sides are text, at least this many line heights long (not table cells). */
const COLUMN_LINE = 5;
/**
 * Justified columns set a 1 em gutter apart come this close (a fifth of a line height between
 * boxes), and a newspaper's columns closer (a tenth, where the detector's box across them was
 * cut at the gutter): so narrow a gap separates columns only where the lines on both sides run
 * up to it.
 */
const NARROW_GUTTER = 0.1;
/** A table's rows hold this many cells or more, most of them: two blocks side by side (a form's receipt and its payment part) pair two. */
const TABLE_ROW = 3;
/** A box less than this share of the page's usual line high is a speck's or a mark's: it makes no gutter and closes none. */
const SPECK = 0.6;
/** Lines crossing a gutter between columns that go on above and below them are at most this share of the lines there. */
const CROSSING_SHARE = 0.2;
/** Rows of an infobox or a figure beside one paragraph, each in the middle of one of its sentences, at least this many (see `besideProse`). */
const PROSE_BESIDE_ROWS = 3;
/**
 * Boxes of a paragraph's lines come within this many line heights of each other (a Wikipedia
 * page's within 0.22); a table's wrapped cells stand further apart, past their padding (0.47).
 */
const PARAGRAPH_GAP = 0.3;
/** A justified side has at least this many lines, and this share of them reach the gutter... */
const JUSTIFIED_LINES = 4;
const JUSTIFIED_SHARE = 0.7;
/** ...to within this many line heights (a paragraph's indent or last line does not). */
const JUSTIFIED_REACH = 0.5;
/**
 * Upright print at least this many of the page's line heights high is of another size than the
 * text (a chapter's number beside its contents, a maker's name beside its address): standing
 * beside two rows or more of the text, it is read on its own before or after them. Its box spans
 * those rows, and had them read as one row, or as two columns where it joined them.
 */
const TALL_PRINT = 2;

/**
 * A block of labels beside their values (`Country  China`, `Date of audit  May 20-22, 2003`), or
 * a table of one-line cells in however many columns, is read row by row, not column by column:
 * at least this many lines a side, this share of them in rows that pair one to one across the
 * gap, and labels shorter than this many line heights, ending ragged, where a column of prose
 * runs longer or up to its gutter.
 */
const LABEL_ROWS = 3;
const LABEL_PAIRED_SHARE = 0.8;
const LABEL_LINE = 10;
/**
 * A table's cells, however long, pair row to row across a gutter as labels and values do, and its
 * rows stand apart by their cells' padding: on the median at least this many line heights between
 * one row's boxes and the next's (a unit table's rows 0.83), where a column of prose comes within
 * 0.1–0.3. Its columns were read one after another, as two columns of text.
 */
const TABLE_ROW_GAP = 0.6;

/**
 * Orders lines for reading with a recursive XY-cut on the deskewed boxes: column gutters first
 * (so a two-column page reads column by column), then the widest gap between rows. Boxes on one
 * row are joined with a space, rows with a newline, blocks with a blank line. Long lines up or
 * down the margin come last.
 */
export function readingOrder(lines: readonly OcrLine[]): { lines: OcrLine[]; text: string } {
  if (lines.length === 0) return { lines: [], text: '' };
  const extents = deskewedExtents(lines);
  const heights = extents.map((e) => (e.bottom - e.top) / CORE).sort((a, b) => a - b);
  const lineHeight = heights[heights.length >> 1]!;
  const margin = marginLines(extents, lineHeight);
  const inMargin = new Set(margin.flat());
  const body = extents.filter((e) => !inMargin.has(e));
  const blocks = body.length === 0 ? cut(extents, lineHeight) : [...cut(body, lineHeight), ...margin.map((run) => [run])];
  const ordered = blocks.flat(2).map((e) => lines[e.line]!);
  const text = blocks
    .map((block) => block.map((row) => joinRow(row.map((e) => lines[e.line]!.text))).join('\n'))
    .join('\n\n');
  return { lines: ordered, text };
}

/** Full-width punctuation (`：`, `（`, `，`), which carries its own space. */
const FULL_WIDTH_PUNCTUATION = /[\u3000-\u303f\uff00-\uffef]/u;

/**
 * The texts of a row's boxes, a space between each two but beside full-width punctuation:
 * `为：（1）` boxed in two, its blank half-ems either side of the gap, read `为： （1）`.
 */
function joinRow(texts: readonly string[]): string {
  return texts.reduce((row, text) => (row === '' || FULL_WIDTH_PUNCTUATION.test(row.at(-1)!) || FULL_WIDTH_PUNCTUATION.test(text[0] ?? '') ? row + text : `${row} ${text}`), '');
}

/**
 * The lines running up or down the page's margin, each as its pieces in reading order (the
 * detector cuts a stamp where its letters stand apart: `ar` | `Xiv:2103.15348v2` | `[cs.CV]`),
 * left to right.
 */
function marginLines(extents: readonly Extent[], lineHeight: number): Extent[][] {
  const runs: Extent[][] = [];
  for (const e of extents.filter((x) => x.crosswise !== 0).sort((a, b) => a.outerTop - b.outerTop)) {
    const run = runs.find((r) => {
      const last = r.at(-1)!;
      const overlap = Math.min(last.right, e.right) - Math.max(last.left, e.left);
      return last.crosswise === e.crosswise && overlap >= Math.min(last.width, e.width) / 2 && e.outerTop - last.outerBottom <= MARGIN_PIECE_GAP * lineHeight;
    });
    if (run) run.push(e);
    else runs.push([e]);
  }
  return runs
    .filter((run) => run.at(-1)!.outerBottom - run[0]!.outerTop >= MARGIN_LINE * lineHeight)
    .map((run) => (run[0]!.crosswise < 0 ? run.reverse() : run))
    .sort((a, b) => a[0]!.left - b[0]!.left);
}

/**
 * Turns every box into the page's upright frame: by the quarter turn most text reads in (a page
 * scanned sideways or upside down is read in its own frame, not the scanner's), plus the median
 * skew, so rows are level before cutting.
 */
function deskewedExtents(lines: readonly OcrLine[]): Extent[] {
  const quarter = Math.PI / 2;
  const angles = lines.map(({ box }) => readingAngle(box));
  // Modulo a quarter turn, so vertical and upside-down lines agree with the rest on the skew.
  const residuals = angles.map(skewOf).sort((a, b) => a - b);
  // Weighed as the engine weighs the page's turn: a long upside-down label must not read a page
  // the engine kept upright bottom to top.
  const turn = pageTurn(lines.map(({ box }) => ({ box, weight: turnWeight(box) })));
  const skew = turn * quarter + residuals[residuals.length >> 1]!;
  const cos = Math.cos(-skew), sin = Math.sin(-skew);
  const outer = lines.map(({ box, text }, line): Extent => {
    const across = Math.sin(angles[line]! - skew);
    const crosswise = Math.abs(across) > Math.SQRT1_2 ? (Math.sign(across) as -1 | 1) : 0;
    const xs = box.map(([x, y]) => x * cos - y * sin);
    const ys = box.map(([x, y]) => x * sin + y * cos);
    const top = Math.min(...ys), bottom = Math.max(...ys);
    const left = Math.min(...xs), right = Math.max(...xs);
    const han = /\p{Script=Han}/u.test(text);
    return { line, left, right, top, bottom, width: right - left, crosswise, printHeight: quadSize(box).height, outerTop: top, outerBottom: bottom, goesOn: /^\p{Ll}/u.test(text), han, closes: SENTENCE_END.test(text), numeric: NUMBERS.test(text), wordy: han || text.split(' ').filter((w) => WORD.test(w)).length >= PROSE_WORDS };
  });
  const band = bandLimit(outer);
  return outer.map((e) => {
    const height = e.bottom - e.top;
    const margin = Math.max((height * (1 - CORE)) / 2, (height - band) / 2);
    return { ...e, top: e.top + margin, bottom: e.bottom - margin };
  });
}

/**
 * The most a line's central band may span, in pixels: on a page whose rows follow each other
 * closer than its boxes are high, a share of that step, so that neighbouring rows' bands stay
 * apart. A dense table's rows (7 pt at 200 dpi: 20 px apart, boxes 23–36 px high) otherwise
 * touched where a box came out tall, left no gap between rows, and the table was cut into
 * columns. Elsewhere no limit: CORE alone.
 */
function bandLimit(extents: readonly Extent[]): number {
  const rows = extents.filter((e) => e.crosswise === 0).sort((a, b) => a.top + a.bottom - b.top - b.bottom);
  const steps: Array<{ pixels: number; share: number }> = [];
  rows.forEach((e, i) => {
    const height = e.bottom - e.top;
    const middle = (e.top + e.bottom) / 2;
    // The next line down that stands over or under it: the first few after it in order of height do.
    for (const next of rows.slice(i + 1, i + 1 + PITCH_LOOKAHEAD)) {
      const step = (next.top + next.bottom) / 2 - middle;
      if (step > height * (1 - CORE) && next.left < e.right && e.left < next.right) {
        steps.push({ pixels: step, share: step / height });
        break;
      }
    }
  });
  if (steps.length < DENSE_ROWS || median(steps.map((s) => s.share)) >= DENSE_STEP) return Infinity;
  return PITCH_CORE * median(steps.map((s) => s.pixels));
}

/** Gaps between the projections of extents on one axis: [position, width] for each. */
function gaps(extents: readonly Extent[], start: 'left' | 'top', end: 'right' | 'bottom'): Array<[number, number]> {
  const sorted = [...extents].sort((a, b) => a[start] - b[start]);
  const found: Array<[number, number]> = [];
  let reach = sorted[0]![end];
  for (const e of sorted.slice(1)) {
    if (e[start] > reach) found.push([(reach + e[start]) / 2, e[start] - reach]);
    reach = Math.max(reach, e[end]);
  }
  return found;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/**
 * A side of a gutter reads as a column of text when its lines are long and at least two of them
 * follow each other as a paragraph's do. A side of long lines each standing alone (a form's
 * labels, a list of terms) is read row by row with what stands beside it: its value, its
 * description.
 */
function isTextColumn(side: readonly Extent[], lineHeight: number): boolean {
  if (side.length < 2 || median(side.map((e) => e.width)) < COLUMN_LINE * lineHeight) return false;
  // A column of amounts in small print runs as long as text (a statement's `11,211,345,599.37`).
  if (side.filter((e) => e.numeric).length * 2 >= side.length) return false;
  const rowGaps = gaps(side, 'top', 'bottom');
  // Fewer gaps than lines less one: some lines overlap, closer together than any gap.
  return rowGaps.length < side.length - 1 || rowGaps.some(([, width]) => width < BLOCK_GAP * lineHeight);
}

/**
 * Whether most lines of a side run up to the gutter, as a justified column's do: the left side's
 * lines end together, the right side's start together. A table's cells, text wrapped ragged in
 * them, do not.
 */
function isJustifiedTowards(side: readonly Extent[], edge: 'left' | 'right', lineHeight: number): boolean {
  if (side.length < JUSTIFIED_LINES) return false;
  const reach = JUSTIFIED_REACH * lineHeight;
  const gutterEdge = edge === 'right' ? Math.max(...side.map((e) => e.right)) : Math.min(...side.map((e) => e.left));
  const reaching = side.filter((e) => Math.abs(e[edge] - gutterEdge) <= reach).length;
  return reaching >= JUSTIFIED_SHARE * side.length;
}

/**
 * The lines of a side in the column along the gutter, `edge` the side's edge towards it: those
 * across from the line reaching nearest it. A newspaper's other columns further on, and a
 * headline or an advertisement under them, are left to the cuts inside the side.
 */
function besideGutter(side: readonly Extent[], edge: 'left' | 'right'): Extent[] {
  if (side.length === 0) return [];
  const nearest = side.reduce((a, b) => (edge === 'right' ? (b.right > a.right ? b : a) : b.left < a.left ? b : a));
  return side.filter((e) => e.left < nearest.right && nearest.left < e.right);
}

/**
 * A gutter between two columns of text that only a few short lines cross, with the columns going
 * on above and below them: a photo's caption set between two columns that flow around the photo
 * (Travel & Leisure, tesseract's `8087_054.3B.tif`), which left no gutter to cut and had the
 * columns read row by row across. The crossing lines are read between the columns. A heading or
 * a page number across the gutter at the top or bottom is left to the cut between rows.
 */
/** A side's lines in rows, top to bottom: each line in the row of the first line it shares its central band with. */
function rowsOf(side: readonly Extent[]): Row[] {
  const rows: Row[] = [];
  for (const e of [...side].sort((a, b) => a.top - b.top)) {
    const row = rows.find((r) => r[0]!.top < e.bottom && e.top < r[0]!.bottom);
    if (row) row.push(e);
    else rows.push([e]);
  }
  return rows;
}

/** Whether two rows share a row of the page: some line of one shares its central band with some line of the other. */
function sharingRow(a: Row, b: Row): boolean {
  return a.some((e) => b.some((o) => o.top < e.bottom && e.top < o.bottom));
}

/** Each row of `left` that shares the page's row with exactly one row of `right`, sharing it with that row alone, with that row. */
function pairsAcross(left: readonly Extent[], right: readonly Extent[]): Array<[Row, Row]> {
  const leftRows = rowsOf(left), rightRows = rowsOf(right);
  return leftRows.flatMap((row): Array<[Row, Row]> => {
    const across = rightRows.filter((other) => sharingRow(row, other));
    return across.length === 1 && leftRows.filter((other) => sharingRow(other, across[0]!)).length === 1 ? [[row, across[0]!]] : [];
  });
}

/** Whether `left` holds the labels of the values in `right`, one to a row (see LABEL_ROWS). */
function labelsBesideValues(left: readonly Extent[], right: readonly Extent[], lineHeight: number): boolean {
  if (left.length < LABEL_ROWS || right.length < LABEL_ROWS) return false;
  if (median(left.map((e) => e.width)) >= LABEL_LINE * lineHeight || isJustifiedTowards(left, 'right', lineHeight)) return false;
  // A label wrapped over lines is a table's cell beside another: each cell is read whole.
  if (left.some((e) => e.goesOn)) return false;
  const paired = pairsAcross(left, right).reduce((n, [a, b]) => n + a.length + b.length, 0);
  return paired >= LABEL_PAIRED_SHARE * (left.length + right.length);
}

/** Whether `left` and `right` are a table's columns, their rows paired across and set apart (see TABLE_ROW_GAP). */
function tableRowsAcross(left: readonly Extent[], right: readonly Extent[], lineHeight: number): boolean {
  if (left.length < LABEL_ROWS || right.length < LABEL_ROWS || isJustifiedTowards(left, 'right', lineHeight)) return false;
  const rowGaps = [left, right].flatMap((side) =>
    rowsOf(side).flatMap((row, i, rows) => (i === 0 ? [] : [Math.min(...row.map((e) => e.outerTop)) - Math.max(...rows[i - 1]!.map((e) => e.outerBottom))])),
  );
  if (median(rowGaps) < TABLE_ROW_GAP * lineHeight) return false;
  const pairs = pairsAcross(left, right);
  return pairs.length >= LABEL_ROWS && pairs.reduce((n, [a, b]) => n + a.length + b.length, 0) >= LABEL_PAIRED_SHARE * (left.length + right.length);
}

/**
 * The rows of a block of labels and values, top to bottom: each label with the value on its row,
 * lines paired with none (a value's second line) rows of their own; a gap of BLOCK_GAP or more
 * between rows starts a new block. Decided for the whole block, so its parts are not cut again
 * into columns where they pair less well.
 */
function labelRows(left: readonly Extent[], right: readonly Extent[], lineHeight: number): Block[] {
  const pairs = pairsAcross(left, right);
  const paired = new Set(pairs.flat(2));
  const rows = [...pairs.map(([a, b]): Row => [...a, ...b]), ...rowsOf(left.filter((e) => !paired.has(e))), ...rowsOf(right.filter((e) => !paired.has(e)))]
    .map((row) => row.sort((a, b) => a.left - b.left))
    .sort((a, b) => Math.min(...a.map((e) => e.top)) - Math.min(...b.map((e) => e.top)));
  const blocks: Block[] = [];
  rows.forEach((row, i) => {
    const gap = i === 0 ? Infinity : Math.min(...row.map((e) => e.top)) - Math.max(...rows[i - 1]!.map((e) => e.bottom));
    if (gap >= BLOCK_GAP * lineHeight) blocks.push([]);
    blocks.at(-1)!.push(row);
  });
  return blocks;
}

function crossedGutter(extents: readonly Extent[], lineHeight: number, longLines: number): { left: Extent[]; crossing: Extent[]; right: Extent[] } | undefined {
  if (longLines < ((1 - CROSSING_SHARE) * extents.length) / 2) return undefined;
  // Stretches between two box edges wide enough for a gutter, those the fewest lines cross first:
  // a sweep over the edges counts the lines over each.
  const edges = extents.flatMap((e): Array<[number, number]> => [[e.left, 1], [e.right, -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const stretches: Array<{ at: number; crossed: number }> = [];
  let over = 0;
  for (let i = 0; i + 1 < edges.length; i++) {
    over += edges[i]![1];
    const from = edges[i]![0], to = edges[i + 1]![0];
    if (to - from >= GUTTER * lineHeight && over > 0 && over <= CROSSING_SHARE * extents.length) stretches.push({ at: (from + to) / 2, crossed: over });
  }
  for (const { at } of stretches.sort((a, b) => a.crossed - b.crossed)) {
    const crossing = extents.filter((e) => e.left < at && e.right > at);
    const left = extents.filter((e) => e.right <= at);
    const right = extents.filter((e) => e.left >= at);
    if (!isTextColumn(left, lineHeight) || !isTextColumn(right, lineHeight)) continue;
    // Shorter than the columns' usual line: not text running across both.
    const columnLine = median([...left, ...right].map((e) => e.width));
    if (crossing.some((e) => e.width >= columnLine)) continue;
    const top = Math.min(...crossing.map((e) => e.top));
    const bottom = Math.max(...crossing.map((e) => e.bottom));
    const goesOn = (side: readonly Extent[]) => side.some((e) => e.bottom < top) && side.some((e) => e.top > bottom);
    // Beside them only the columns' text: short lines there are a table's or a figure's across both columns.
    const textBeside = (side: readonly Extent[]) => side.every((e) => e.bottom < top || e.top > bottom || e.width >= COLUMN_LINE * lineHeight);
    if (goesOn(left) && goesOn(right) && textBeside(left) && textBeside(right)) return { left, crossing, right };
  }
  return undefined;
}

/**
 * Whether `other` stands beside a paragraph in `prose` as an infobox or a figure's labels stand
 * beside a column of text: rows of it, PROSE_BESIDE_ROWS or more, each beside a line of one
 * paragraph that goes on from the line above (a lower-case start; in Chinese, a line above run full
 * to the column's edge without ending its sentence), in the middle of a sentence,
 * and most of its lines beside the paragraph so. Read across, each came in the middle of a
 * sentence (`lost property, Born 943/944`). A table's short cells stand beside a wrapped cell's
 * lines one or two to a cell, each row's apart.
 */
function besideProse(prose: readonly Extent[], other: readonly Extent[], lineHeight: number): boolean {
  if (!isTextColumn(prose, lineHeight) || isTextColumn(other, lineHeight)) return false;
  // One column of text: a table's columns stand apart.
  if (gaps(prose, 'left', 'right').some(([, width]) => width >= GUTTER * lineHeight)) return false;
  // The paragraphs: lines whose boxes come within PARAGRAPH_GAP of the line above.
  const lines = [...prose].sort((a, b) => a.top - b.top);
  const paragraph = new Map<Extent, number>();
  lines.forEach((e, i) => paragraph.set(e, i > 0 && e.outerTop - lines[i - 1]!.outerBottom < PARAGRAPH_GAP * lineHeight ? paragraph.get(lines[i - 1]!)! : i));
  const opening = new Set(lines.filter((e, i) => paragraph.get(e) === i));
  // Chinese has no lower case: its line goes on where the line above ran full to the column's
  // edge and ended in mid-sentence.
  const edge = Math.max(...prose.map((e) => e.right));
  const above = new Map(lines.map((e, i) => [e, lines[i - 1]]));
  const fullAbove = (e: Extent) => e.han && !above.get(e)!.closes && edge - above.get(e)!.right <= JUSTIFIED_REACH * lineHeight;
  const goingOn = (e: Extent) => !opening.has(e) && (e.goesOn || fullAbove(e));
  const rowsBeside = new Map<number, Set<Row>>();
  let sharing = 0, midSentence = 0;
  for (const row of rowsOf(other)) {
    const beside = prose.filter((p) => row.some((e) => p.top < e.bottom && e.top < p.bottom));
    if (beside.length === 0) continue;
    sharing += row.length;
    const going = beside.find(goingOn);
    if (!going) continue;
    midSentence += row.length;
    const rows = rowsBeside.get(paragraph.get(going)!) ?? new Set<Row>();
    rowsBeside.set(paragraph.get(going)!, rows.add(row));
  }
  return [...rowsBeside.values()].some((rows) => rows.size >= PROSE_BESIDE_ROWS) && midSentence * 2 > sharing;
}

/**
 * Whether two columns of text stand either side of the gutter over figures' and tables' short
 * labels (a datasheet's description beside its features, its ordering code and pin diagram under
 * them): the long lines of prose of each side make a column of text, JUSTIFIED_LINES or more,
 * the left one with paragraphs justified up to the gutter as prose is, where a table's wrapped
 * cells end ragged. The labels outnumber the lines of text on the page or on one side, so the page
 * was cut between rows, across both columns at once.
 */
function proseOverFigures(left: readonly Extent[], right: readonly Extent[], lineHeight: number): boolean {
  const long = (side: readonly Extent[]) => side.filter((e) => e.width >= COLUMN_LINE * lineHeight && e.wordy);
  const proseLeft = long(left), proseRight = long(right);
  if (proseLeft.length < JUSTIFIED_LINES || proseRight.length < JUSTIFIED_LINES) return false;
  if (!isTextColumn(proseLeft, lineHeight) || !isTextColumn(proseRight, lineHeight)) return false;
  // The columns' text heads them, under a heading or a title at most: a table across both sides
  // above them (its columns' gap over the gutter) is read first, row by row.
  const headed = (side: readonly Extent[], prose: readonly Extent[]) => {
    const start = Math.min(...prose.map((e) => e.top));
    return rowsOf(side.filter((e) => e.bottom < start)).length <= HEADING_ROWS;
  };
  if (!headed(left, proseLeft) || !headed(right, proseRight)) return false;
  // Paragraphs: lines whose boxes come within PARAGRAPH_GAP of the line above.
  const beside = besideGutter(proseLeft, 'right').sort((a, b) => a.outerTop - b.outerTop);
  const paragraphs: Extent[][] = [];
  beside.forEach((e, i) => {
    if (i === 0 || e.outerTop - beside[i - 1]!.outerBottom >= PARAGRAPH_GAP * lineHeight) paragraphs.push([]);
    paragraphs.at(-1)!.push(e);
  });
  const edge = Math.max(...beside.map((e) => e.right));
  // The paragraphs reaching the gutter but their last lines, which end short of it; a list or a
  // register's bits under them may end ragged.
  const reaching = paragraphs.filter((lines) => edge - Math.max(...lines.map((e) => e.right)) <= JUSTIFIED_REACH * lineHeight);
  return isJustifiedTowards(reaching.flatMap((lines) => lines.slice(0, -1)), 'right', lineHeight);
}

/** Rows above a column's prose that may be its heading or a title: a table's are more. */
const HEADING_ROWS = 3;

/** Both sides of the widest gutter with print of another size alone on one side, beside rows of the other (see TALL_PRINT). */
function tallPrintBeside(extents: readonly Extent[], columnGaps: ReadonlyArray<[number, number]>, lineHeight: number): { left: Extent[]; right: Extent[] } | undefined {
  const tall = (side: readonly Extent[]) => side.every((e) => e.crosswise === 0 && e.printHeight >= TALL_PRINT * lineHeight);
  const rowsBeside = (print: readonly Extent[], side: readonly Extent[]) => {
    const top = Math.min(...print.map((e) => e.outerTop)), bottom = Math.max(...print.map((e) => e.outerBottom));
    return rowsOf(side.filter((e) => e.top < bottom && e.bottom > top)).length;
  };
  for (const [at, width] of columnGaps) {
    if (width < GUTTER * lineHeight) break;
    const left = extents.filter((e) => e.right < at), right = extents.filter((e) => e.left > at);
    if ((tall(left) && rowsBeside(left, right) >= 2) || (tall(right) && rowsBeside(right, left) >= 2)) return { left, right };
  }
  return undefined;
}

/**
 * The top row of a page cut into columns where it is a running header over both (`R6522` at the
 * left margin, `Versatile Interface Adapter (VIA)` set flush right): print either side of the
 * gutter, apart from the lines under it, the right side's ending at the right column's edge but
 * starting more than a line height clear of that column's own left edge, where a column's heading
 * starts. Its halves were read at the heads of the two columns.
 */
function runningHeader(left: readonly Extent[], right: readonly Extent[], lineHeight: number): Row | undefined {
  const row = rowsOf([...left, ...right])[0]!;
  const head = right.filter((e) => row.includes(e));
  const column = right.filter((e) => !row.includes(e));
  if (head.length === 0 || column.length === 0 || left.every((e) => row.includes(e))) return undefined;
  // The column's text sets its edge: a thumb tab's number stands out in the margin.
  const text = column.filter((e) => e.width >= COLUMN_LINE * lineHeight);
  if (text.length === 0) return undefined;
  const flushRight = Math.abs(Math.max(...head.map((e) => e.right)) - Math.max(...text.map((e) => e.right))) <= JUSTIFIED_REACH * lineHeight;
  const indented = Math.min(...head.map((e) => e.left)) - Math.min(...text.map((e) => e.left)) > lineHeight;
  // A line alone, apart from what follows on each side: a logo's `TEXAS` over `INSTRUMENTS` is not.
  const apart = (side: readonly Extent[]) => {
    const inRow = side.filter((e) => row.includes(e));
    const bottom = Math.max(...inRow.map((e) => e.outerBottom));
    return side.every((e) => inRow.includes(e) || e.outerTop - bottom >= PARAGRAPH_GAP * lineHeight);
  };
  return flushRight && indented && head.length < row.length && apart(left) && apart(right) ? row : undefined;
}

/** Two columns read one after the other, a running header over them first (see `runningHeader`). */
function columns(left: Extent[], right: Extent[], lineHeight: number): Block[] {
  const header = runningHeader(left, right, lineHeight);
  if (!header) return [...cut(left, lineHeight), ...cut(right, lineHeight)];
  const below = (side: readonly Extent[]) => side.filter((e) => !header.includes(e));
  return [[[...header].sort((a, b) => a.left - b.left)], ...cut(below(left), lineHeight), ...cut(below(right), lineHeight)];
}

function cut(extents: Extent[], lineHeight: number): Block[] {
  if (extents.length === 1) return [[extents]];
  const columnGaps = gaps(extents, 'left', 'right').sort((a, b) => b[1] - a[1]);
  // Two columns of text hold at least half their lines long (`isTextColumn`'s median on each
  // side): a table of short cells is not tried for them, but for columns of prose over figures.
  const longLines = extents.filter((e) => e.width >= COLUMN_LINE * lineHeight).length;
  // A speck's box the detector drew in a gutter, over the next column's first letter, leaves the gutter a gutter.
  const small = (e: Extent) => e.bottom - e.top < SPECK * CORE * lineHeight;
  const body = (side: readonly Extent[]) => side.filter((e) => !small(e));
  const bodyGaps = gaps(body(extents).length > 1 ? body(extents) : extents, 'left', 'right').sort((a, b) => b[1] - a[1]);
  const mostlyLong = longLines >= extents.length / 2;
  for (const [at, width] of mostlyLong || longLines >= 2 * JUSTIFIED_LINES ? bodyGaps : []) {
    if (width < NARROW_GUTTER * lineHeight) break;
    const left = extents.filter((e) => (small(e) ? e.left + e.right < 2 * at : e.right < at));
    const right = extents.filter((e) => (small(e) ? e.left + e.right >= 2 * at : e.left > at));
    // Columns stand side by side: blocks on either side of the gap that share no row follow each
    // other down the page (a letter's sender's block under the address, over `Dear …`).
    if (!left.some((e) => right.some((o) => o.top < e.bottom && e.top < o.bottom))) continue;
    const wide = width >= GUTTER * lineHeight && width >= GUTTER_BESIDE * median([...left, ...right].map((e) => (e.bottom - e.top) / CORE));
    if (mostlyLong && (wide || (isJustifiedTowards(besideGutter(body(left), 'right'), 'right', lineHeight) && isJustifiedTowards(besideGutter(body(right), 'left'), 'left', lineHeight)))) {
      if (labelsBesideValues(left, right, lineHeight) || tableRowsAcross(left, right, lineHeight)) return labelRows(left, right, lineHeight);
      if (isTextColumn(left, lineHeight) && isTextColumn(right, lineHeight)) return columns(left, right, lineHeight);
      if (besideProse(left, right, lineHeight) || besideProse(right, left, lineHeight)) return columns(left, right, lineHeight);
    }
    if (wide && proseOverFigures(left, right, lineHeight)) return columns(left, right, lineHeight);
  }
  const tall = tallPrintBeside(extents, columnGaps, lineHeight);
  if (tall) return [...cut(tall.left, lineHeight), ...cut(tall.right, lineHeight)];
  const crossed = crossedGutter(extents, lineHeight, longLines);
  if (crossed) return [...cut(crossed.left, lineHeight), ...cut(crossed.crossing, lineHeight), ...cut(crossed.right, lineHeight)];
  const rowGaps = gaps(extents, 'top', 'bottom');
  if (rowGaps.length > 0) {
    const [at, width] = rowGaps.reduce((a, b) => (b[1] > a[1] ? b : a));
    const above = cut(extents.filter((e) => e.bottom < at), lineHeight);
    const below = cut(extents.filter((e) => e.top > at), lineHeight);
    if (width >= BLOCK_GAP * lineHeight) return [...above, ...below];
    // Same block: the last block above and the first below continue each other.
    return [...above.slice(0, -1), [...above.at(-1)!, ...below[0]!], ...below.slice(1)];
  }
  const sharedTop = Math.max(...extents.map((e) => e.top));
  const sharedBottom = Math.min(...extents.map((e) => e.bottom));
  if (sharedTop <= sharedBottom) return [[[...extents].sort((a, b) => a.left - b.left)]];
  // Boxes overlapping every way: top to bottom, one row each.
  if (columnGaps.length === 0) return [[...extents].sort((a, b) => a.top - b.top).map((e) => [e])];
  const [at] = columnGaps[0]!;
  const left = extents.filter((e) => e.right < at), right = extents.filter((e) => e.left > at);
  // A table's short cells whose rows run into each other (its boxes skewed a little each way, so
  // no gap is left between rows) are read a row at a time, where each row's cells stand side by
  // side as a table's do, most rows TABLE_ROW cells or more: cut at its widest gap, a table's
  // first rows were read in two halves.
  if (!isTextColumn(left, lineHeight) && !isTextColumn(right, lineHeight)) {
    const rows = rowsOf(extents).map((row) => row.sort((a, b) => a.left - b.left));
    const sideBySide = rows.every((row) => row.every((e, i) => i === 0 || e.left >= row[i - 1]!.right));
    if (sideBySide && median(rows.map((row) => row.length)) >= TABLE_ROW) return [rows];
  }
  return [...cut(left, lineHeight), ...cut(right, lineHeight)];
}
