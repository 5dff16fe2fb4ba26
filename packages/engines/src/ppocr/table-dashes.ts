import type { PageImage, Quad } from '@ocr/contracts';
import { quadBounds, type Bounds } from './geometry.ts';
import { isInkAt as isInk } from './ink-bounds.ts';
import { componentsIn, type Component } from './ink-components.ts';
import type { ReadLine } from './readings.ts';
import { readsUpOrDown } from './sideways-text.ts';
import { FIGURE } from './table-zeros.ts';

/**
 * A table's empty cells print a dash (`-`, `–`, `—`: nil, not applicable). Alone in its cell the
 * detector mostly misses it, or boxes it so tight that the recogniser reads `=` or nothing: of
 * 2,235 dashes in rendered tables 136 were read (an ECDC table page 9 of its 43, the US
 * Statistical Abstract's page none of its `–`), and a row that loses its dashes puts its figures
 * under other headings. Where a row of figures has nothing read under a column of figures, the
 * pixels there are looked at: one short bar at the digits' middle, and no other ink, is a dash.
 */

/** A lone dash the recogniser read as another mark, or as nothing at all; with the rules above and below it, as `二` or `三`. */
const DASH_READING = /^[-–—=_~一二三ー－]?$/u;
/** A column is a table's where it holds at least this many figures; a row with one is looked along. */
const COLUMN_FIGURES = 2;
/** Dashes one over another in this many rows of figures make a column of nils, though no figure stands in it. */
const NIL_COLUMN = 3;
/** A column stands by a row that lies at most this many digit heights beyond its first or last figure. */
const COLUMN_REACH = 4;
/** The place looked at reaches this many digit heights beyond the column's figures, across, and beyond the row's digits, up and down. */
const PLACE_MARGIN = { across: 1, up: 0.25 };
/** Ink is looked at this many digit heights around the place, to tell a rule (longer) from a dash. */
const WINDOW = { across: 3, up: 2 };
/** A dash has no ink but rules this many digit heights beside its ends (see `standsAlone`). */
const ALONE = 0.8;
/** Ink running on this many digit heights, across or down, is a rule's (see `printIn`). */
const RULE_RUN = { across: 2.5, down: 1.5 };
/**
 * A dash, in digit heights: a bar this thick at most, this long at least and at most (an em dash
 * is about 1.4), its middle this far down from the digits' top. Rendered dashes from 13 to 24 px
 * in five faces measured 0.05–0.2 thick, 0.35–1.45 long, their middles 0.45–0.7 down.
 */
const DASH = { thickest: 0.3, shortest: 0.25, longest: 2.2, middle: [0.3, 0.8] as const, thickPixels: 4, longerThanThick: 1.2 };
/** At least this share of the bar's box is ink: a bar, not a stroke of a glyph. */
const SOLID = 0.4;
/** A row or column of a figure's box inked along this share of it is a rule's. */
const RULED = 0.9;
/**
 * A dash is looked for in ink up to this level (mean of R, G, B): a hairline hyphen at 13 px,
 * scanned, is no darker than 200–220 anywhere.
 */
const FAINT_INK = 224;
/** Specks of fewer pixels are scanner noise. */
const SPECK_PIXELS = 3;
/**
 * Dashes shorter than this many digit heights print `-`, then up to the second `–`; longer ones
 * `—`. Their ink measured 0.34–0.41 (hyphens), 0.55–0.65 (en dashes; 0.8 in a monospaced face),
 * 1.09–1.23 (em dashes) of a digit's height in eight faces.
 */
const DASH_LENGTHS = [0.45, 0.85] as const;

interface Figure {
  line: ReadLine;
  bounds: Bounds;
  /** The digits' ink, top and bottom rows (exclusive). */
  inkTop: number;
  inkBottom: number;
}

/**
 * The digits' ink rows in the line's box: the tallest run of rows holding ink, where a row or a
 * column inked along nearly all the box (RULED) is a rule's that the box took in; undefined where
 * none hold ink.
 */
function inkRows(page: PageImage, b: Bounds): { top: number; bottom: number } | undefined {
  const left = Math.max(0, Math.floor(b.left)), right = Math.min(page.width, Math.ceil(b.right));
  const top = Math.max(0, Math.floor(b.top)), bottom = Math.min(page.height, Math.ceil(b.bottom));
  const longest = (length: number, inked: (k: number) => boolean): number => {
    let most = 0;
    for (let k = 0, run = 0; k < length; k++) most = Math.max(most, (run = inked(k) ? run + 1 : 0));
    return most;
  };
  const ruled = new Set<number>();
  for (let x = left; x < right; x++) if (longest(bottom - top, (k) => isInk(page, x, top + k)) >= RULED * (bottom - top)) ruled.add(x);
  let best: { top: number; bottom: number } | undefined;
  let start = -1;
  for (let y = top; y <= bottom; y++) {
    const inked =
      y < bottom &&
      longest(right - left, (k) => !ruled.has(left + k) && isInk(page, left + k, y)) < RULED * (right - left) &&
      [...Array(right - left).keys()].some((k) => !ruled.has(left + k) && isInk(page, left + k, y));
    if (inked && start < 0) start = y;
    if (!inked && start >= 0) {
      if (!best || y - start > best.bottom - best.top) best = { top: start, bottom: y };
      start = -1;
    }
  }
  return best;
}

/**
 * Ink in `window` that is neither a rule's nor in the boxes of `others`: a rule runs on longer
 * than any glyph, across (RULE_RUN.across digit heights) or down (RULE_RUN.down). Rules crossing
 * make one shape with each other and with what touches them; without them a grid's cell holds
 * only its print.
 */
function printIn(page: PageImage, window: Bounds, digits: number, others: readonly Bounds[]): Uint8Array {
  const { left, top } = window;
  const w = window.right - left, h = window.bottom - top;
  const ink = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) ink[y * w + x] = isInk(page, x + left, y + top, FAINT_INK) ? 1 : 0;
  const print = ink.slice();
  // Other lines' print is theirs.
  for (const b of others) {
    for (let y = Math.max(0, Math.floor(b.top) - top); y < Math.min(h, Math.ceil(b.bottom) - top); y++) {
      print.fill(0, y * w + Math.max(0, Math.floor(b.left) - left), y * w + Math.max(0, Math.min(w, Math.ceil(b.right) - left)));
    }
  }
  const across = RULE_RUN.across * digits, down = RULE_RUN.down * digits;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; ) {
      let end = x;
      while (end < w && ink[y * w + end]) end++;
      if (end - x >= across) print.fill(0, y * w + x, y * w + end);
      x = end + 1;
    }
  }
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; ) {
      let end = y;
      while (end < h && ink[end * w + x]) end++;
      if (end - y >= down) for (let k = y; k < end; k++) print[k * w + x] = 0;
      y = end + 1;
    }
  }
  return print;
}

/** How solidly the component fills its box where it is a dash for digits `digits` high whose ink starts at `inkTop`; 0 where it is none. */
function dashFill(c: Component, digits: number, inkTop: number): number {
  const width = c.right - c.left, height = c.bottom - c.top;
  const middle = (c.top + c.bottom) / 2 - inkTop;
  const fits =
    height <= Math.max(DASH.thickPixels, DASH.thickest * digits) &&
    width >= Math.max(DASH.longerThanThick * height, DASH.shortest * digits) &&
    width <= DASH.longest * digits &&
    middle >= DASH.middle[0] * digits &&
    middle <= DASH.middle[1] * digits;
  const fill = c.pixels / (width * height);
  return fits && fill >= SOLID ? fill : 0;
}

/** Smoothing widens a bar and heightens the digits by about a pixel each: that pixel is left out of both. */
function dashText(length: number, digits: number): string {
  const share = (length - 1) / (digits - 1);
  return share < DASH_LENGTHS[0] ? '-' : share < DASH_LENGTHS[1] ? '–' : '—';
}

function median(values: number[]): number {
  return values.sort((a, b) => a - b)[values.length >> 1]!;
}

/** Whether ink runs down through (x, y) at least `run` pixels: a rule's. */
function downRun(page: PageImage, x: number, y: number, run: number): boolean {
  let length = 1;
  for (let k = y - 1; k >= 0 && length < run && isInk(page, x, k, FAINT_INK); k--) length++;
  for (let k = y + 1; k < page.height && length < run && isInk(page, x, k, FAINT_INK); k++) length++;
  return length >= run;
}

/**
 * Whether the bar stands alone along its rows: no stroke but a rule's down the page within ALONE
 * digit heights of either end. A drawing's centre line is dashes with longer strokes beside them,
 * which the rules' test leaves out; a table's nil has its cell's blank around it.
 */
function standsAlone(page: PageImage, dash: Component, digits: number): boolean {
  const reach = Math.round(ALONE * digits);
  // A scan's specks beside it are no stroke: a stroke runs on a few pixels.
  const stroke = Math.max(SPECK_PIXELS, DASH.shortest * digits);
  for (let y = dash.top; y < dash.bottom; y++) {
    for (const [from, to] of [[Math.max(0, dash.left - reach), dash.left], [dash.right, Math.min(page.width, dash.right + reach)]] as const) {
      let run = 0;
      for (let x = from; x < to; x++) {
        run = isInk(page, x, y, FAINT_INK) && !downRun(page, x, y, RULE_RUN.down * digits) ? run + 1 : 0;
        if (run >= stroke) return false;
      }
    }
  }
  return true;
}

/** The window around `place` in which ink is looked at (see WINDOW). */
function windowAround(page: PageImage, place: Bounds, digits: number): Bounds {
  return {
    left: Math.max(0, Math.floor(place.left - WINDOW.across * digits)),
    right: Math.min(page.width, Math.ceil(place.right + WINDOW.across * digits)),
    top: Math.max(0, Math.floor(place.top - WINDOW.up * digits)),
    bottom: Math.min(page.height, Math.ceil(place.bottom + WINDOW.up * digits)),
  };
}

/** The line a dash reads as: boxed as tall as the figure beside it, so it reads in line with it; as sure as its bar is solid. */
function dashLine(dash: Component, digits: number, beside: Figure, fill: number): ReadLine {
  const pad = (beside.bounds.bottom - beside.bounds.top - (dash.bottom - dash.top)) / 2;
  const box: Quad = [
    [dash.left - 2, dash.top - pad],
    [dash.right + 2, dash.top - pad],
    [dash.right + 2, dash.bottom + pad],
    [dash.left - 2, dash.bottom + pad],
  ];
  return { text: dashText(dash.right - dash.left, digits), confidence: fill, box, characters: 1 };
}

/** The row's figure nearest `x` across: it gives the digits' top there, as a scan's rows drift across the page. */
function nearestFigure(row: readonly Figure[], x: number): Figure {
  const distance = (f: Figure) => Math.abs((f.bounds.left + f.bounds.right) / 2 - x);
  return row.reduce((a, b) => (distance(b) < distance(a) ? b : a));
}

/** The figures in rows: each with its middle within the ink rows of the row's first. */
function rowsOf(figures: readonly Figure[]): Figure[][] {
  const rows: Figure[][] = [];
  for (const f of [...figures].sort((a, b) => a.inkTop - b.inkTop)) {
    const middle = (f.inkTop + f.inkBottom) / 2;
    const row = rows.find(([first]) => middle >= first!.inkTop && middle < first!.inkBottom);
    if (row) row.push(f);
    else rows.push([f]);
  }
  return rows;
}

/** The figures in columns: each overlapping, across, half its width or the other's of one of the column's. */
function columnsOf(figures: readonly Figure[]): Figure[][] {
  const columns: Figure[][] = [];
  for (const f of [...figures].sort((a, b) => a.bounds.right - b.bounds.right)) {
    const width = f.bounds.right - f.bounds.left;
    const column = columns.find((members) =>
      members.some((m) => Math.min(m.bounds.right, f.bounds.right) - Math.max(m.bounds.left, f.bounds.left) >= 0.5 * Math.min(width, m.bounds.right - m.bounds.left)),
    );
    if (column) column.push(f);
    else columns.push([f]);
  }
  return columns;
}

/**
 * The lines with a dash added where a row of figures has one under a column of figures (see
 * above); a lone mark read there (`=`) gives way to it.
 */
export function tableDashes(page: PageImage, lines: readonly ReadLine[]): ReadLine[] {
  const figures: Figure[] = [];
  for (const line of lines) {
    if (!FIGURE.test(line.text) || readsUpOrDown(line.box)) continue;
    const bounds = quadBounds(line.box);
    const ink = inkRows(page, bounds);
    if (ink && ink.bottom - ink.top >= 5) figures.push({ line, bounds, inkTop: ink.top, inkBottom: ink.bottom });
  }
  const rows = rowsOf(figures);
  const columns = columnsOf(figures)
    .filter((column) => column.length >= COLUMN_FIGURES)
    // Where most of its figures stand: a year over two columns (ECDC's `2004` over N and % Pos)
    // joins one of them, and would have it reach into the other.
    .map((figures) => ({
      figures,
      left: median(figures.map((f) => f.bounds.left)),
      right: median(figures.map((f) => f.bounds.right)),
      top: Math.min(...figures.map((f) => f.inkTop)),
      bottom: Math.max(...figures.map((f) => f.inkBottom)),
    }));
  if (columns.length === 0) return [...lines];
  const placed = lines.map((line) => ({ line, bounds: quadBounds(line.box) }));
  const dashes: ReadLine[] = [];
  const replaced = new Set<ReadLine>();
  const bands = rows.map((row) => {
    const inkTop = Math.min(...row.map((f) => f.inkTop)), inkBottom = Math.max(...row.map((f) => f.inkBottom));
    const rowDigits = median(row.map((f) => f.inkBottom - f.inkTop));
    const top = Math.max(0, Math.floor(inkTop - PLACE_MARGIN.up * rowDigits));
    const bottom = Math.min(page.height, Math.ceil(inkBottom + PLACE_MARGIN.up * rowDigits));
    const inRow = placed.filter(({ bounds }) => (bounds.top + bounds.bottom) / 2 >= top && (bounds.top + bounds.bottom) / 2 < bottom);
    const held = inRow.filter(({ line }) => !DASH_READING.test(line.text)).map(({ bounds }) => bounds);
    return { row, inkTop, inkBottom, rowDigits, top, bottom, inRow, held };
  });
  for (const { row, inkTop, inkBottom, top, bottom, inRow, held } of bands) {
    for (const column of columns) {
      if (column.figures.some((f) => row.includes(f))) continue;
      // A lone figure's ink, scanned, can be a row or two short: its column's figures say too.
      const digits = median([...row, ...column.figures].map((f) => f.inkBottom - f.inkTop));
      if (inkBottom < column.top - COLUMN_REACH * digits || inkTop > column.bottom + COLUMN_REACH * digits) continue;
      if (held.some((b) => b.right > column.left && b.left < column.right)) continue;
      // A dash may stand in the middle of a cell whose figures stand right or left.
      const place: Bounds = {
        left: Math.max(0, Math.floor(column.left - PLACE_MARGIN.across * digits)),
        right: Math.min(page.width, Math.ceil(column.right + PLACE_MARGIN.across * digits)),
        top,
        bottom,
      };
      if (dashes.some(({ box }) => box[1][0] > place.left && box[0][0] < place.right && box[2][1] > top && box[0][1] < bottom)) continue;
      const window = windowAround(page, place, digits);
      const marks = componentsIn(printIn(page, window, digits, held), place, window).filter((c) => c.pixels >= SPECK_PIXELS);
      if (marks.length !== 1) continue;
      const [dash] = marks as [Component];
      const middle = (dash.left + dash.right) / 2;
      if (middle < place.left || middle > place.right) continue;
      const nearest = nearestFigure(row, middle);
      const fill = dashFill(dash, digits, nearest.inkTop);
      if (fill === 0 || !standsAlone(page, dash, digits)) continue;
      dashes.push(dashLine(dash, digits, nearest, fill));
      for (const { line, bounds } of inRow) if (DASH_READING.test(line.text) && bounds.right > dash.left && bounds.left < dash.right) replaced.add(line);
    }
  }
  // A column of nils with no figures in it (a year's `—` beside its count): dashes that stand in
  // the gaps of rows of figures, at least NIL_COLUMN of them one over another.
  const tableRight = Math.max(...columns.map((column) => column.right));
  const loose: Array<{ dash: Component; line: ReadLine; band: (typeof bands)[number] }> = [];
  for (const band of bands) {
    const { row, top, bottom, inRow, rowDigits: digits } = band;
    const found = dashes.map(({ box }) => quadBounds(box)).filter((b) => (b.top + b.bottom) / 2 >= top && (b.top + b.bottom) / 2 < bottom);
    const held = [...band.held, ...found];
    const taken = [...held].sort((a, b) => a.left - b.left);
    taken.forEach((cell, i) => {
      const place: Bounds = { left: Math.ceil(cell.right), right: Math.min(page.width, Math.floor(taken[i + 1]?.left ?? tableRight + digits)), top, bottom };
      if (place.right - place.left < digits) return;
      const window = windowAround(page, place, digits);
      for (const c of componentsIn(printIn(page, window, digits, held), place, window)) {
        if (c.pixels < SPECK_PIXELS || c.left < place.left || c.right > place.right) continue;
        const nearest = nearestFigure(row, (c.left + c.right) / 2);
        const fill = dashFill(c, digits, nearest.inkTop);
        // Gaps beside cells that overlap overlap too: a dash is looked at once.
        if (fill > 0 && standsAlone(page, c, digits) && !loose.some((other) => other.band === band && other.dash.left === c.left && other.dash.top === c.top)) {
          loose.push({ dash: c, line: dashLine(c, digits, nearest, fill), band });
        }
      }
    });
  }
  for (const { dash, line, band } of loose) {
    const over = loose.filter((other) => other.band !== band && other.dash.left < dash.right && other.dash.right > dash.left).length;
    if (over + 1 < NIL_COLUMN) continue;
    dashes.push(line);
    for (const { line: read, bounds } of band.inRow) if (DASH_READING.test(read.text) && bounds.right > dash.left && bounds.left < dash.right) replaced.add(read);
  }
  return [...lines.filter((line) => !replaced.has(line)), ...dashes];
}
