import type { StripSlot } from './strip-sampler.ts';

/**
 * What a line has read so far when it opens with a list or section number (`1.`, `12.`, `3.2`,
 * `4.1.2`): only such a line's first gap is measured in the strip.
 */
const OPENING_NUMBER = /^\d{1,2}(?:\.\d{1,2})*\.?$/;

/** Whether `read` (the line's characters so far, no space among them) is an opening number. */
export function isOpeningNumber(read: readonly string[]): boolean {
  return read.length <= 8 && OPENING_NUMBER.test(read.join(''));
}

/**
 * A column holds ink where its darkest point is this share of the way from the paper to the
 * darkest ink nearby: on a blurred scan of small print a full stop is a grey smudge (darkness 60
 * on paper at 20, strokes at 120), which a fixed threshold takes for paper.
 */
const INK_SHARE = 0.25;
/** Less contrast than this (0–255) between paper and ink tells nothing. */
const LEAST_CONTRAST = 48;
/**
 * Before Chinese, the model's P(space) after a number's mark stays faint either way (1e-5 to 1e-3)
 * and its steps are too coarse to tell (`1.未注`: 3–5 steps apart unspaced, 5–6 spaced). The
 * strip tells: rendered lists in sans, Song and monospaced faces at 18–32 px left 5–9 strip pixels
 * blank after the mark where no space is printed (11–12 in the monospaced face, whose `.` fills
 * half a cell) and 16–40 where one is. Within the number the blanks stay as narrow as unspaced
 * (5–13), so a space is a blank this share of the strip's height and twice the number's own.
 */
const SPACE_SHARE = 0.25;
const OVER_OWN = 2;

/**
 * Whether the print has a space after an opening number whose last character the model emitted at
 * step `mark` and the next one at step `next`, measured in the strip at `slot` of `strip` (a
 * batch tensor as `sampleStrip` fills it): the blank after the ink of that last character.
 */
export function spacedAfterNumber(strip: Float32Array, slot: StripSlot, stepPixels: number, mark: number, next: number): boolean {
  const end = Math.min(slot.width, (next + 1) * stepPixels);
  const plane = slot.height * slot.stride;
  const base = slot.index * 3 * plane;
  const darkness = new Float32Array(end);
  for (let j = 0; j < end; j++) {
    let darkest = 1;
    for (let c = 0; c < 3; c++) {
      for (let i = 0; i < slot.height; i++) darkest = Math.min(darkest, strip[base + c * plane + i * slot.stride + j]!);
    }
    darkness[j] = 255 - (darkest + 1) * 127.5;
  }
  let paper = 255, ink = 0;
  for (const d of darkness) [paper, ink] = [Math.min(paper, d), Math.max(ink, d)];
  if (ink - paper < LEAST_CONTRAST) return false;
  // Ink runs [start, end) of the columns up to the next character's step.
  const runs: Array<[number, number]> = [];
  darkness.forEach((d, j) => {
    if (d <= paper + INK_SHARE * (ink - paper)) return;
    const last = runs.at(-1);
    if (last && last[1] === j) last[1] = j + 1;
    else runs.push([j, j + 1]);
  });
  // The mark's ink: the run whose middle lies nearest the middle of its step, ending before the next character's.
  const centre = (mark + 0.5) * stepPixels;
  let at = -1;
  runs.forEach(([start, stop], k) => {
    if (stop > (next + 0.5) * stepPixels) return;
    if (at < 0 || Math.abs((start + stop) / 2 - centre) < Math.abs((runs[at]![0] + runs[at]![1]) / 2 - centre)) at = k;
  });
  const after = runs[at + 1];
  if (at < 0 || !after) return false;
  const blank = after[0] - runs[at]![1];
  const own = at > 0 ? runs[at]![0] - runs[at - 1]![1] : 0;
  return blank >= SPACE_SHARE * slot.height && blank >= OVER_OWN * own;
}
