import type { PageImage, Point, Quad } from '@ocr/contracts';
import type { DecodedLine } from './ctc-decode.ts';
import { stripWidth } from './strip-sampler.ts';

/** A part of a detected box, read as a strip of its own. */
export interface BoxPart {
  quad: Quad;
  /** Blank paper wide enough for a word space lies between this part and the one before. */
  spaceBefore: boolean;
  /** A table's rule parts it from the one before: another cell, spaced from it even beside Chinese. */
  ruleBefore?: boolean;
}

/** A part may fill this share of the longest strip, so a cut can wait for a gap. */
const PART_SHARE = 0.85;
/** The cut is looked for in the last this-much of a part: between words, never mid-word if a gap is near. */
const CUT_WINDOW = 0.35;
/** At most this many points are sampled down the box per column (one per page pixel below it). */
const MAX_PROFILE_ROWS = 64;
/** A column whose darkest point is darker than this (0–255) holds ink. */
export const BLANK_INK = 64;
/**
 * A blank run this wide (in box heights) at a cut is a word space: in sans faces the gap between
 * words is 0.2–0.25 of the box, between letters under 0.1.
 */
export const SPACE_RUN = 0.17;

function lerp(a: Point, b: Point, t: number): Point {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/** The part of a box between two fractions of its reading edge. */
export function subQuad([tl, tr, br, bl]: Quad, from: number, to: number): Quad {
  return [lerp(tl, tr, from), lerp(tl, tr, to), lerp(bl, br, to), lerp(bl, br, from)];
}

/** The darkest point (0–255) of each of `columns` columns along the box's reading edge, down its side. */
export function inkProfile(page: PageImage, [tl, tr, , bl]: Quad, columns: number): Uint8Array {
  const { width, height, data } = page;
  const rows = Math.max(2, Math.min(MAX_PROFILE_ROWS, Math.ceil(Math.hypot(bl[0] - tl[0], bl[1] - tl[1]))));
  const profile = new Uint8Array(columns);
  for (let j = 0; j < columns; j++) {
    const top = lerp(tl, tr, (j + 0.5) / columns);
    let ink = 0;
    for (let i = 0; i < rows; i++) {
      const s = (i + 0.5) / rows;
      const x = Math.min(width - 1, Math.max(0, Math.round(top[0] + (bl[0] - tl[0]) * s)));
      const y = Math.min(height - 1, Math.max(0, Math.round(top[1] + (bl[1] - tl[1]) * s)));
      const p = (y * width + x) * 3;
      ink = Math.max(ink, 255 - Math.min(data[p]!, data[p + 1]!, data[p + 2]!));
    }
    profile[j] = ink;
  }
  return profile;
}

/**
 * Splits a box whose strip would be wider than `maxWidth` (a note across an A1 sheet, a table row
 * on a landscape page) into parts that fit, cut in the widest blank run near each part's end: a
 * strip squeezed to fit reads as noise. A box that fits is its own single part.
 */
export function splitLongBox(page: PageImage, quad: Quad, stripHeight: number, maxWidth: number): BoxPart[] {
  const natural = stripWidth(quad, stripHeight, Number.MAX_SAFE_INTEGER);
  if (natural <= maxWidth) return [{ quad, spaceBefore: false }];
  const profile = inkProfile(page, quad, natural);
  const part = Math.floor(maxWidth * PART_SHARE);
  const parts: BoxPart[] = [];
  let start = 0;
  let spaceBefore = false;
  while (natural - start > part) {
    // The widest blank run in the window, the latest of equals (between words rather than
    // letters), cut in its middle; with none, the least inked column.
    const from = start + Math.floor(part * (1 - CUT_WINDOW));
    const end = start + part;
    let cut = end;
    let run = { left: 0, width: 0 };
    let least = Number.POSITIVE_INFINITY;
    for (let j = from, left = -1; j <= end; j++) {
      if (profile[j]! > BLANK_INK) {
        left = -1;
        if (profile[j]! < least) [least, cut] = [profile[j]!, j];
        continue;
      }
      if (left < 0) left = j;
      if (j + 1 - left >= run.width) run = { left, width: j + 1 - left };
    }
    let blankWidth = 0;
    if (run.width > 0) {
      // The run may go on past the window either side; its whole width tells a word space.
      let left = run.left;
      let right = run.left + run.width;
      while (left > start + 1 && profile[left - 1]! <= BLANK_INK) left--;
      while (right < natural && profile[right]! <= BLANK_INK) right++;
      blankWidth = right - left;
      cut = Math.min(end, left + Math.floor(blankWidth / 2));
    }
    parts.push({ quad: subQuad(quad, start / natural, cut / natural), spaceBefore });
    spaceBefore = blankWidth >= SPACE_RUN * stripHeight;
    start = cut;
  }
  parts.push({ quad: subQuad(quad, start / natural, 1), spaceBefore });
  return parts;
}

/** Han characters and full-width punctuation, beside which a gap is no word space. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** The readings of a box's parts as one line; a gap beside Chinese or its punctuation is no space, a rule is. */
export function joinParts(parts: ReadonlyArray<{ spaceBefore: boolean; ruleBefore?: boolean; read: DecodedLine }>): DecodedLine {
  let text = '';
  let characters = 0;
  let weighted = 0;
  for (const { spaceBefore, ruleBefore, read } of parts) {
    const next = read.text.trim();
    if (!next) continue;
    const between = text && (ruleBefore || (spaceBefore && !CJK.test(text.at(-1)!) && !CJK.test(next[0]!))) ? ' ' : '';
    text += between + next;
    characters += read.characters;
    weighted += read.confidence * read.characters;
  }
  return { text, confidence: characters === 0 ? 0 : weighted / characters, characters };
}
