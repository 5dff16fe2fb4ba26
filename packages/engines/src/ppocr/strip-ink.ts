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

/**
 * The ink of one strip in a batch tensor as `sampleStrip` fills it, measured on first asking: what
 * the recogniser's steps are too coarse or its classes too few to tell (a space's width, a raised
 * digit) the strip still shows.
 */
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
    return this.measured.pixels[Math.round(row) * this.slot.width + Math.round(column)] === 1;
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
    let paper = 255, ink = 0;
    for (let j = 0; j < width; j++) {
      let column = 0;
      for (let i = 0; i < height; i++) {
        let darkest = 1;
        for (let c = 0; c < 3; c++) darkest = Math.min(darkest, this.strip[base + c * plane + i * stride + j]!);
        const d = 255 - (darkest + 1) * 127.5;
        darkness[i * width + j] = d;
        column = Math.max(column, d);
      }
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
