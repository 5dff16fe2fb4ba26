import type { StripSlot } from './strip-sampler.ts';

/** Inked columns [start, end) of a strip, side by side, and the rows [top, bottom] their ink spans. */
export interface InkRun {
  start: number;
  end: number;
  top: number;
  bottom: number;
}

/**
 * A pixel holds ink where it is this share of the way from the paper to the strip's darkest ink:
 * on a blurred scan of small print a full stop is a grey smudge (darkness 60 on paper at 20,
 * strokes at 120), which a fixed threshold takes for paper.
 */
const INK_SHARE = 0.25;
/** Less contrast than this (0–255) between paper and ink tells nothing. */
const LEAST_CONTRAST = 48;

/** What `StripInk` measures of its strip, once. */
interface Measured {
  columns: InkColumns;
  runs: InkRun[];
  /** Whether each pixel holds ink, row by row. */
  pixels: Uint8Array;
}

/** The rows [top, bottom] of each column's ink; -1 for a blank column. */
export interface InkColumns {
  top: Int16Array;
  bottom: Int16Array;
}

/**
 * The ink of one strip in a batch tensor as `sampleStrip` fills it, measured on first asking: what
 * the recogniser's steps are too coarse or its classes too few to tell (a space's width, a raised
 * digit) the strip still shows.
 */
export class StripInk {
  private measured?: Measured;

  constructor(
    private readonly strip: Float32Array,
    private readonly slot: StripSlot,
    readonly stepPixels: number,
  ) {}

  get height(): number {
    return this.slot.height;
  }

  /** The rows each column's ink spans; all blank where paper and ink hardly differ. */
  columns(): InkColumns {
    this.measured ??= this.measure();
    return this.measured.columns;
  }

  /** The strip's ink runs, left to right; none where paper and ink hardly differ. */
  runs(): readonly InkRun[] {
    this.measured ??= this.measure();
    return this.measured.runs;
  }

  /**
   * The run whose middle lies nearest the middle of step `step` (the steps the recogniser emits
   * its characters at), of those ending before the middle of step `before`; undefined if none.
   */
  runAt(step: number, before = Number.POSITIVE_INFINITY): InkRun | undefined {
    const centre = (step + 0.5) * this.stepPixels;
    let best: InkRun | undefined;
    for (const run of this.runs()) {
      if (run.end > (before + 0.5) * this.stepPixels) break;
      if (!best || Math.abs((run.start + run.end) / 2 - centre) < Math.abs((best.start + best.end) / 2 - centre)) best = run;
    }
    return best;
  }

  /** Whether the pixel at `column`, `row` holds ink. */
  inked(column: number, row: number): boolean {
    this.measured ??= this.measure();
    const [x, y] = [Math.round(column), Math.round(row)];
    return x >= 0 && x < this.slot.width && y >= 0 && y < this.slot.height && this.measured.pixels[y * this.slot.width + x] === 1;
  }

  /**
   * The runs of the glyphs emitted at steps `before` and `after` (see `runAt`) where they stand side
   * by side, no other ink between them; undefined otherwise.
   */
  adjacentRuns(before: number, after: number): [InkRun, InkRun] | undefined {
    const left = this.runAt(before, after);
    const right = this.runAt(after);
    return left && right && this.next(left) === right ? [left, right] : undefined;
  }

  /** The run after `run`, if any. */
  next(run: InkRun): InkRun | undefined {
    const runs = this.runs();
    return runs[runs.indexOf(run) + 1];
  }

  /** The run before `run`, if any. */
  previous(run: InkRun): InkRun | undefined {
    const runs = this.runs();
    return runs[runs.indexOf(run) - 1];
  }

  private measure(): Measured {
    const { height, stride, width, index } = this.slot;
    const plane = height * stride;
    const base = index * 3 * plane;
    // Darkness (0–255) of each pixel's darkest channel, row by row.
    const darkness = new Float32Array(height * width);
    for (let i = 0; i < height; i++) {
      for (let j = 0; j < width; j++) {
        let value = 1;
        for (let c = 0; c < 3; c++) value = Math.min(value, this.strip[base + c * plane + i * stride + j]!);
        darkness[i * width + j] = 255 - (value + 1) * 127.5;
      }
    }
    // Light print on a dark ground (a terminal's screenshot): its ink is the light.
    if (darkGround(darkness, width)) for (let k = 0; k < darkness.length; k++) darkness[k] = 255 - darkness[k]!;
    const darkest = darkness.reduce((most, value) => Math.max(most, value), 0);
    clearRules(darkness, width, height, darkest);
    keepTextBand(darkness, width, height, darkest);
    let paper = 255, ink = 0;
    for (let j = 0; j < width; j++) {
      let column = 0;
      for (let i = 0; i < height; i++) column = Math.max(column, darkness[i * width + j]!);
      paper = Math.min(paper, column);
      ink = Math.max(ink, column);
    }
    const columns = { top: new Int16Array(width).fill(-1), bottom: new Int16Array(width).fill(-1) };
    const runs: InkRun[] = [];
    const pixels = new Uint8Array(height * width);
    if (ink - paper < LEAST_CONTRAST) return { columns, runs, pixels };
    const threshold = paper + INK_SHARE * (ink - paper);
    for (let j = 0; j < width; j++) {
      let top = -1, bottom = -1;
      for (let i = 0; i < height; i++) {
        if (darkness[i * width + j]! <= threshold) continue;
        pixels[i * width + j] = 1;
        if (top < 0) top = i;
        bottom = i;
      }
      if (top < 0) continue;
      columns.top[j] = top;
      columns.bottom[j] = bottom;
      const last = runs.at(-1);
      if (last && last.end === j) Object.assign(last, { end: j + 1, top: Math.min(last.top, top), bottom: Math.max(last.bottom, bottom) });
      else runs.push({ start: j, end: j + 1, top, bottom });
    }
    return { columns, runs, pixels };
  }
}

/** Whether most of the strip is dark, and most of its edges: its ground, which print covers less of. */
function darkGround(darkness: Float32Array, width: number): boolean {
  const mostlyDark = (...parts: Float32Array[]) => {
    let dark = 0, all = 0;
    for (const part of parts) {
      for (const value of part) if (value > 127.5) dark++;
      all += part.length;
    }
    return dark > all / 2;
  };
  // Its top and bottom rows too, the margin the box leaves around the print: heavy black print can
  // cover half a tight box, and a cell's rules can darken its edges, but not both at once.
  return mostlyDark(darkness) && mostlyDark(darkness.subarray(0, width), darkness.subarray(darkness.length - width));
}

/**
 * Ink running along a row this many strip heights unbroken is a rule, not print: the dimension line
 * under a drawing's size (`Ø42` standing on its line read as one run of ink with it), a table's
 * border, an underline. A glyph's longest stroke spans an em (0.75 of the strip's height).
 */
const RULE_LENGTH = 1.5;

/** Clears (to paper) each rule, and the faint edge beside it along the same span. */
function clearRules(darkness: Float32Array, width: number, height: number, darkest: number): void {
  const length = RULE_LENGTH * height;
  const clear = (i: number, from: number, to: number) => {
    if (i >= 0 && i < height) darkness.fill(0, i * width + from, i * width + to);
  };
  for (let i = 0; i < height; i++) {
    let start = -1;
    for (let j = 0; j <= width; j++) {
      const inked = j < width && darkness[i * width + j]! > darkest / 2;
      if (inked && start < 0) start = j;
      if (inked || start < 0) continue;
      if (j - start >= length) for (const row of [i - 1, i, i + 1]) clear(row, start, j);
      start = -1;
    }
  }
}

/** Blank rows this many or more set a band of ink apart from the line's text. */
const BAND_GAP = 2;

/**
 * Clears (to paper) the ink outside the band of rows that holds most of it: a dimension line, a
 * table's rule or a neighbouring line's edge that the box took in along its top or bottom,
 * apart from the text by blank rows, joined glyphs into one run of ink.
 */
function keepTextBand(darkness: Float32Array, width: number, height: number, darkest: number): void {
  const inked = new Int32Array(height);
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) if (darkness[i * width + j]! > darkest / 2) inked[i]!++;
  }
  const bands: Array<{ top: number; bottom: number; ink: number }> = [];
  let blankRows = BAND_GAP;
  for (let i = 0; i < height; i++) {
    if (inked[i] === 0) {
      blankRows++;
      continue;
    }
    const band = bands.at(-1);
    if (band && blankRows < BAND_GAP) Object.assign(band, { bottom: i, ink: band.ink + inked[i]! });
    else bands.push({ top: i, bottom: i, ink: inked[i]! });
    blankRows = 0;
  }
  if (bands.length < 2) return;
  const main = bands.reduce((best, band) => (band.ink > best.ink ? band : best));
  darkness.fill(0, 0, main.top * width);
  darkness.fill(0, (main.bottom + 1) * width);
}
