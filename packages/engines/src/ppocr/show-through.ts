import type { PageImage, Quad } from '@ocr/contracts';
import type { DecodedLine } from './ctc-decode.ts';
import { quadBounds, quadOverlap } from './geometry.ts';

/**
 * Show-through: the print on a sheet's other side, seen through thin paper in a scan. It comes out
 * faint and mirrored, and the detector finds it as lines of its own or runs it into the lines
 * beside it, which then read as mirrored gibberish (`gnillsfani 9yot98`). On rendered pages with
 * the back page's print at 3–12% of black (20–30 grey levels), CER went from 0–1% to 8–120%.
 *
 * A pixel's ink strength is how much darker than the paper it is, in its darkest channel (so
 * coloured print counts as ink): 0 on paper, about 0.9 for black print.
 */
const CORE = 0.45;
/** A box is faint where fewer than this share of its pixels reach `CORE`: no print of its own. */
const FAINT_CORE_SHARE = 0.01;
/** The paper's colour: this share of the page's pixels is at least as light, channel by channel. */
const PAPER_SHARE = 0.1;
/**
 * Pages of up to this many pixels are checked (A4 at 600 dpi: 35 M): a cleared page is a copy of
 * it, and a large drawing sheet, printed on one side of thick paper, shows nothing through.
 */
export const MAX_SHOW_THROUGH_PIXELS = 40_000_000;
/** Darker paper than this (mean of its channels) is no paper: a photograph, a dark screenshot. */
const MIN_PAPER = 128;
/**
 * Faint boxes read mirrored to judge the page, the longest first: enough to tell, and bounded. A
 * faded page's every box is faint, and 24 of its long lines read twice cost up to 80% more time.
 */
const MAX_TRIED = 8;
/**
 * A faint box is show-through when it reads this surely mirrored, and this much surer than as it
 * is. Mirrored, real print reads as gibberish; show-through reads as the text it is (0.9–0.98
 * where it read 0.3–0.76 as it is).
 */
const MIRRORED_SURE = 0.8;
/**
 * A faint box read mirrored this surely, not more, is read again stretched where it looks crowded
 * (the recogniser's remedy for condensed print: a CAD font's back page read 0.55–0.8, stretched
 * 0.97–0.99). Only those: gibberish looks crowded too, and a faded page's every line would be
 * read three times more.
 */
const MIRRORED_MAYBE = 0.6;
const SURER_BY = 0.15;
const MIN_CHARACTERS = 3;
/** Pixels this close to `CORE` stay print: show-through's own strength, and a little more. */
const LEVEL_MARGIN = 0.04;
/** A box's print-less run of columns this many box heights long may be show-through run on. */
const FAINT_RUN = 3;
/** Such a run needs ink this strong to be worth reading: not bare paper. */
const MIN_FAINT = 0.04;
/** Quantile of a faint box's strengths taken as its peak: a few noisy pixels do not count. */
const PEAK_QUANTILE = 0.98;

/** The paper's colour (see `PAPER_SHARE`), or undefined where the page has no light paper. */
export function paperColour(page: PageImage): [number, number, number] | undefined {
  const histograms = [new Int32Array(256), new Int32Array(256), new Int32Array(256)];
  const { data } = page;
  for (let i = 0; i < data.length; i += 3) {
    histograms[0]![data[i]!]!++;
    histograms[1]![data[i + 1]!]!++;
    histograms[2]![data[i + 2]!]!++;
  }
  const target = PAPER_SHARE * page.width * page.height;
  const paper = histograms.map((histogram) => {
    let seen = 0;
    for (let value = 255; value > 0; value--) {
      seen += histogram[value]!;
      if (seen >= target) return value;
    }
    return 0;
  }) as [number, number, number];
  return (paper[0] + paper[1] + paper[2]) / 3 >= MIN_PAPER ? paper : undefined;
}

/** A faint box, its peak ink strength, and whether it is the faint end of a printed line's box. */
export interface FaintBox {
  box: Quad;
  peak: number;
  tail: boolean;
}

/**
 * Where show-through may lie: boxes with no print of their own (see `FAINT_CORE_SHARE`), and the
 * faint ends of level boxes that run on from a line's print into show-through beside it (the
 * detector joins them where the back page's lines fall in line with the front's): runs of
 * columns at least `FAINT_RUN` box heights long with faint ink and no print.
 */
export function faintBoxes(page: PageImage, paper: readonly number[], boxes: readonly Quad[]): FaintBox[] {
  const { width, height, data } = page;
  const scale = paper.map((value) => 255 / Math.max(1, value));
  const core = Math.round(CORE * 255);
  const faint: FaintBox[] = [];
  for (const box of boxes) {
    const b = quadBounds(box);
    const left = Math.max(0, Math.floor(b.left)), right = Math.min(width, Math.ceil(b.right));
    const top = Math.max(0, Math.floor(b.top)), bottom = Math.min(height, Math.ceil(b.bottom));
    if (right <= left || bottom <= top) continue;
    // Strengths column by column, so a run of columns can be judged on its own.
    const rows = bottom - top;
    const strengths = new Uint8Array((right - left) * rows);
    const columnCore = new Uint8Array(right - left);
    let cores = 0;
    for (let y = top; y < bottom; y++) {
      for (let x = left, i = (y * width + x) * 3; x < right; x++, i += 3) {
        const strength = Math.round(Math.max(0, 255 - data[i]! * scale[0]!, 255 - data[i + 1]! * scale[1]!, 255 - data[i + 2]! * scale[2]!));
        strengths[(x - left) * rows + (y - top)] = strength;
        if (strength >= core) {
          cores++;
          columnCore[x - left] = 1;
        }
      }
    }
    if (cores < FAINT_CORE_SHARE * strengths.length) {
      faint.push({ box, peak: peakOf(strengths), tail: false });
      continue;
    }
    if (!isLevel(box)) continue;
    const minRun = FAINT_RUN * rows;
    for (let start = 0; start < columnCore.length; ) {
      if (columnCore[start]) {
        start++;
        continue;
      }
      let end = start;
      while (end < columnCore.length && !columnCore[end]) end++;
      const peak = end - start >= minRun ? peakOf(strengths.subarray(start * rows, end * rows)) : 0;
      if (peak >= MIN_FAINT) faint.push({ box: [[left + start, top], [left + end, top], [left + end, bottom], [left + start, bottom]], peak, tail: true });
      start = end;
    }
  }
  return faint;
}

/** Whether a box runs level enough for its columns to be judged as page columns. */
function isLevel([tl, tr, , bl]: Quad): boolean {
  return Math.abs(tr[1] - tl[1]) <= 0.25 * Math.hypot(bl[0] - tl[0], bl[1] - tl[1]);
}

/** The peak strength of some pixels (see `PEAK_QUANTILE`), 0..1. */
function peakOf(strengths: Uint8Array): number {
  const sorted = Uint8Array.from(strengths).sort();
  return sorted[Math.floor(PEAK_QUANTILE * (sorted.length - 1))]! / 255;
}

/** The box read from right to left: show-through mirrored back. */
export function mirroredQuad([tl, tr, br, bl]: Quad): Quad {
  return [tr, tl, bl, br];
}

/** Whether a faint box read mirrored reads surely enough to be show-through (see `MIRRORED_SURE`). */
export function readsSurelyMirrored(mirrored: DecodedLine): boolean {
  return mirrored.characters >= MIN_CHARACTERS && mirrored.confidence >= MIRRORED_SURE;
}

/** Whether a faint box read mirrored is worth reading again stretched (see `MIRRORED_MAYBE`). */
export function readsNearlyMirrored(mirrored: DecodedLine): boolean {
  return !readsSurelyMirrored(mirrored) && mirrored.confidence >= MIRRORED_MAYBE;
}

/** Whether a faint box's two readings say it is show-through (see `MIRRORED_SURE`). */
export function readsMirrored(asIs: DecodedLine, mirrored: DecodedLine): boolean {
  return readsSurelyMirrored(mirrored) && mirrored.confidence >= asIs.confidence + SURER_BY;
}

/**
 * The faint boxes worth reading mirrored (see `MAX_TRIED`): whole boxes before faint ends, the
 * longest first. A faint end holds the back's print where the front's leaves it, often cut, and
 * reads less surely mirrored (0.55–0.75 where whole boxes of the same sheet read 0.9–0.98).
 */
export function boxesToTry(faint: readonly FaintBox[]): FaintBox[] {
  const length = ({ box: [tl, tr] }: FaintBox) => Math.hypot(tr[0] - tl[0], tr[1] - tl[1]);
  return [...faint].sort((a, b) => Number(a.tail) - Number(b.tail) || length(b) - length(a)).slice(0, MAX_TRIED);
}

/**
 * The page with everything as faint as its show-through (`peak`, the strongest show-through box's
 * peak strength) turned to white paper, and the print darker than that stretched back over the
 * full range, channel by channel against the paper's colour: a scanner's background removal.
 */
export function withoutShowThrough(page: PageImage, paper: readonly number[], peak: number): PageImage {
  const level = Math.min(CORE, peak + LEVEL_MARGIN);
  const tables = paper.map((value) => {
    const table = new Uint8Array(256);
    for (let v = 0; v < 256; v++) {
      const strength = Math.max(0, 1 - v / Math.max(1, value));
      table[v] = Math.round(255 * (1 - Math.max(0, strength - level) / (1 - level)));
    }
    return table;
  });
  const data = new Uint8Array(page.data.length);
  for (let i = 0; i < data.length; i += 3) {
    data[i] = tables[0]![page.data[i]!]!;
    data[i + 1] = tables[1]![page.data[i + 1]!]!;
    data[i + 2] = tables[2]![page.data[i + 2]!]!;
  }
  return { ...page, data };
}

/**
 * Share of the print's boxes (the boxes detected before, but the faint ones) that the cleared page
 * must still show: clearing turns to paper only what is as faint as the show-through. Where it took
 * print too (a scan at 150 dpi whose small grey print stood as faint as a diagram's shading, read
 * `bbie` mirrored: 26 boxes found again of 48), the page is read as it is.
 */
const PRINT_KEPT = 0.9;

/** Whether the boxes detected on the cleared page still cover the print's (see `PRINT_KEPT`). */
export function keepsPrint(before: readonly Quad[], faint: readonly FaintBox[], after: readonly Quad[]): boolean {
  const faintBoxes = new Set(faint.map(({ box }) => box));
  const print = before.filter((box) => !faintBoxes.has(box));
  const kept = print.filter((box) => after.some((other) => quadOverlap(box, other) > 0)).length;
  return kept >= PRINT_KEPT * print.length;
}
