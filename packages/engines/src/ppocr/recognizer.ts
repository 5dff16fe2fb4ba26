import ort from 'onnxruntime-node';
import type { PageImage, Quad } from '@ocr/contracts';
import { EngineLoadError } from '../engine.ts';
import { decodeLine, isCjk, type DecodedLine } from './ctc-decode.ts';
import type { Dictionary } from './dictionary.ts';
import { joinParts, splitLongBox, type BoxPart } from './long-lines.ts';
import { splitAtRules } from './ruled-cells.ts';
import type { OrtSession } from './session.ts';
import { STEP_SCORE_OUTPUTS, type StepScores } from './step-scores.ts';
import { StripInk } from './strip-ink.ts';
import { sampleStrip, stripWidth, type StripSlot } from './strip-sampler.ts';

const STRIP_HEIGHT = 48;
/** Longest strip: a full-width line of small text on an A4 page at 300 dpi fits; longer boxes are read in parts. */
const MAX_STRIP_WIDTH = 4096;
/** Width of one CTC step in strip pixels. */
const STEP_PIXELS = 8;
/**
 * Lines share a batch only when their widths differ by at most one CTC step: the model attends
 * over the whole strip, and padding a short line to a long one's width made it drop spaces.
 */
const MAX_PADDING = STEP_PIXELS;
/**
 * Lines × width per batch. Large batches were slower per line on the CPU (8 strips of 1680 px
 * cost 3× one strip each), so only short lines are batched, a few at a time.
 */
const MAX_BATCH_PIXELS = 2560;
const MAX_BATCH_LINES = 8;
/**
 * Letters narrower than the model learnt them (a condensed CAD font, a photographed page's far
 * lines, foreshortened) crowd its CTC steps, and neighbours merge: `stategy`, `usd`, `speife`.
 * Such a line reads with doubt; read again stretched, it reads whole and sure. Only Latin lines of
 * some length are tried: Han characters are wide enough not to crowd, and read worse stretched.
 */
const CROWDED = { confidence: 0.9, characters: 8, stretches: [1.4, 1.8], surerBy: 0.05, muchSurerBy: 0.1, trial: 8, moreGlyphs: 2, lessSureBy: 0.02 };

/**
 * Whether a stretched reading at `stretched` confidence replaces the best so far, of a line first
 * read at `first`: it must be surer than both by `surerBy`, and sure (`confidence`) or much surer
 * than the first (`muchSurerBy`). A register map's 5 px print on cyan cells, its boxes a third
 * taller than the text, read `X ofs i ed 6b Ful alerang` at 0.62 and whole at 0.86–0.89 stretched.
 */
export function stretchedReadsBetter(first: number, best: number, stretched: number): boolean {
  if (stretched < Math.max(best, first + CROWDED.surerBy)) return false;
  return stretched >= CROWDED.confidence || stretched >= first + CROWDED.muchSurerBy;
}

/**
 * Whether a stretched reading holds every glyph of the best so far, in order and case aside, and
 * `moreGlyphs` more, at about its confidence (`lessSureBy` under it at most): glyphs the crowded
 * reading merged away. A datasheet's NMEA sentence in Arial read `NS,ong,EW,time, tatus` at 0.83,
 * its glyphs after commas lost, and `NS,long,EW,time,Status` stretched at about as sure.
 */
export function readsMoreStretched(best: Pick<DecodedLine, 'text' | 'confidence'>, stretched: Pick<DecodedLine, 'text' | 'confidence'>): boolean {
  if (stretched.confidence < best.confidence - CROWDED.lessSureBy) return false;
  const had = [...best.text.replace(/\s/g, '').toLowerCase()];
  const now = [...stretched.text.replace(/\s/g, '').toLowerCase()];
  if (now.length < had.length + CROWDED.moreGlyphs) return false;
  let kept = 0;
  for (const char of now) if (kept < had.length && char === had[kept]) kept++;
  return kept === had.length;
}

/** What a table's rule reads as, when it is read with the text beside it (a diameter's stroke before digits too). */
const RULE_GLYPHS = new Set(['|', 'l', 'I', '1', '[', ']', '/', '!', '丨', 'Ø', 'ø', 'Φ', 'φ']);

/**
 * Whether a box's reading whole holds the same characters as its reading cell by cell, but for
 * rules read as glyphs and spaces: then the rules were all that told the two apart, and the
 * cells' reading is the right one (`Processingltotal` → `Processing total`, `M101.5` → `M10 1.5`).
 * A reading that differs otherwise had a line cut through its glyphs: a floor plan's wall line
 * through `KITCHEN` passes for a rule, and the cells read `KI CHEN`.
 */
function onlyRulesMore(whole: string, byCell: string): boolean {
  const a = [...whole.replace(/\s/g, '')], b = [...byCell.replace(/\s/g, '')];
  let j = 0;
  for (const char of a) {
    if (j < b.length && char === b[j]) j++;
    else if (!RULE_GLYPHS.has(char)) return false;
  }
  return j === b.length;
}

export class Recognizer {
  constructor(
    private readonly session: OrtSession,
    private readonly dictionary: Dictionary,
  ) {}

  /** Checks on a tiny strip that the model runs and answers step scores (see `reduceToStepScores`). */
  async verify(): Promise<void> {
    const { dims } = await this.run(new Float32Array(3 * STRIP_HEIGHT * 64), [1, 3, STRIP_HEIGHT, 64]);
    if (dims.length !== 2 || dims[0] !== 1) throw new EngineLoadError(`PP-OCR recognition model answers steps of shape [${dims.join(', ')}]`);
  }

  /** The step scores of a batch of strips, and their dims: [lines, steps]. */
  private async run(input: Float32Array, dims: readonly number[]): Promise<{ scores: StepScores; dims: readonly number[] }> {
    const results = await this.session.run({ [this.session.inputNames[0]!]: new ort.Tensor('float32', input, dims) });
    const [best, bestP, spaceP] = STEP_SCORE_OUTPUTS.map((name) => results[name]);
    if (!best || !bestP || !spaceP) throw new EngineLoadError(`PP-OCR recognition model lacks the outputs ${STEP_SCORE_OUTPUTS.join(', ')}`);
    const scores = { best: best.data as Int32Array, bestP: bestP.data as Float32Array, spaceP: spaceP.data as Float32Array };
    return { scores, dims: best.dims };
  }

  /**
   * Reads each box; one longer than the longest strip is read in parts, cut between words. One
   * across a table's rules (see `splitAtRules`) is read cell by cell too, and whole, and the
   * cells' reading kept where the two differ only by rules and spaces (see `onlyRulesMore`). `onBatch` reports the fraction of strips
   * done. `crowded: false` leaves crowded-looking lines as first read (see `CROWDED`), for
   * readings that only judge a box: gibberish looks crowded.
   */
  async read(page: PageImage, quads: readonly Quad[], onBatch?: (done: number) => void, { crowded = true } = {}): Promise<DecodedLine[]> {
    const ways = quads.map((quad) => {
      const whole = splitLongBox(page, quad, STRIP_HEIGHT, MAX_STRIP_WIDTH);
      const cells = splitAtRules(page, quad);
      if (cells.length === 1 && cells[0] === quad) return [whole];
      const byCell = cells.flatMap((cell, i): BoxPart[] =>
        splitLongBox(page, cell, STRIP_HEIGHT, MAX_STRIP_WIDTH).map((part, j) => (i > 0 && j === 0 ? { ...part, ruleBefore: true } : part)),
      );
      return [whole, byCell];
    });
    const strips = ways.flatMap((way) => way.flatMap((pieces) => pieces.map((piece) => piece.quad)));
    const read = await this.readStrips(page, strips, onBatch);
    const decoded = crowded ? await this.rereadCrowded(page, strips, read) : read;
    let next = 0;
    const joined = (pieces: readonly BoxPart[]) =>
      pieces.length === 1 ? decoded[next++]! : joinParts(pieces.map((piece) => ({ ...piece, read: decoded[next++]! })));
    return ways.map((way) => way.map(joined).reduce((whole, byCell) => (onlyRulesMore(whole.text, byCell.text) ? byCell : whole)));
  }

  /** Each crowded-looking reading (see `CROWDED`) replaced by its stretched re-reading where that is surer or reads more (see `readsMoreStretched`). */
  private async rereadCrowded(page: PageImage, quads: readonly Quad[], read: DecodedLine[]): Promise<DecodedLine[]> {
    const doubtful = read.flatMap((line, i) =>
      line.confidence < CROWDED.confidence && line.characters >= CROWDED.characters && ![...line.text].some(isCjk) ? [i] : [],
    );
    const best = [...read];
    // A few lines first: where none of them reads surer stretched, the page's doubt is something
    // else (a script the model lacks: a Cyrillic form's every line; noise), and the rest are left.
    if ((await this.rereadStretched(page, quads, read, best, doubtful.slice(0, CROWDED.trial))) > 0) {
      await this.rereadStretched(page, quads, read, best, doubtful.slice(CROWDED.trial));
    }
    return best;
  }

  /** Reads `lines` again at each stretch, keeping the surer readings in `best`; how many it replaced. */
  private async rereadStretched(
    page: PageImage,
    quads: readonly Quad[],
    read: readonly DecodedLine[],
    best: DecodedLine[],
    lines: readonly number[],
  ): Promise<number> {
    let replaced = 0;
    for (const stretch of lines.length === 0 ? [] : CROWDED.stretches) {
      const again = await this.readStrips(page, lines.map((i) => quads[i]!), undefined, stretch);
      lines.forEach((i, k) => {
        if (!stretchedReadsBetter(read[i]!.confidence, best[i]!.confidence, again[k]!.confidence) && !readsMoreStretched(best[i]!, again[k]!)) return;
        if (best[i] === read[i]) replaced++;
        best[i] = again[k]!;
      });
    }
    return replaced;
  }

  /** Strips sampled from the rotated boxes, sorted by width and batched so that padding stays small. */
  private async readStrips(page: PageImage, quads: readonly Quad[], onBatch?: (done: number) => void, stretch = 1): Promise<DecodedLine[]> {
    const widths = quads.map((quad) => stripWidth(quad, STRIP_HEIGHT, MAX_STRIP_WIDTH, stretch));
    const order = quads.map((_, i) => i).sort((a, b) => widths[a]! - widths[b]!);
    const results: DecodedLine[] = new Array(quads.length);
    let done = 0;
    for (const batch of batches(order, widths)) {
      const stride = Math.ceil(widths[batch.at(-1)!]! / STEP_PIXELS) * STEP_PIXELS;
      const tensor = new Float32Array(batch.length * 3 * STRIP_HEIGHT * stride);
      const slots = batch.map((line, index): StripSlot => ({ index, height: STRIP_HEIGHT, stride, width: widths[line]! }));
      batch.forEach((line, index) => sampleStrip(page, quads[line]!, tensor, slots[index]!));
      const { scores, dims } = await this.run(tensor, [batch.length, 3, STRIP_HEIGHT, stride]);
      const steps = dims[1]!;
      batch.forEach((line, index) => {
        // Only the line's own steps: the padding after it can decode to stray characters.
        const own = Math.min(steps, Math.ceil(widths[line]! / STEP_PIXELS) + 1);
        results[line] = decodeLine(scores, index * steps, own, this.dictionary, new StripInk(tensor, slots[index]!, STEP_PIXELS));
      });
      done += batch.length;
      onBatch?.(done / quads.length);
    }
    return results;
  }
}

/** Consecutive runs of the width-sorted lines whose widths are close enough to share a tensor. */
function batches(order: readonly number[], widths: readonly number[]): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  for (const line of order) {
    // Sorted ascending: this line is the widest so far and the first one the narrowest.
    const width = Math.ceil(widths[line]! / STEP_PIXELS) * STEP_PIXELS;
    const full =
      current.length >= MAX_BATCH_LINES ||
      (current.length + 1) * width > MAX_BATCH_PIXELS ||
      width - widths[current[0] ?? line]! > MAX_PADDING;
    if (current.length > 0 && full) {
      out.push(current);
      current = [];
    }
    current.push(line);
  }
  if (current.length > 0) out.push(current);
  return out;
}
