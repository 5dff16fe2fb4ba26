import { quadBounds } from './geometry.ts';
import type { ReadLine } from './readings.ts';

/** A feature control frame's tolerance: a decimal (`0.1`, `.005`), perhaps after a diameter mark. */
const TOLERANCE = String.raw`[ØΦ]?\s?\d*\.\d+`;

/**
 * The position symbol ⌖ (a circle and a cross), which the recogniser reads as 中 or 甲: opening a
 * frame, before its tolerance. Not inside Chinese text (`居中 0.2`).
 */
const POSITION = new RegExp(String.raw`(?<!\p{Script=Han})[中甲](?=\s?${TOLERANCE})`, 'gu');

/** A position symbol the detector boxed apart from the rest of its frame. */
const LONE_POSITION = /^[中甲]$/u;
const STARTS_WITH_TOLERANCE = new RegExp(String.raw`^${TOLERANCE}`, 'u');
/** The frame's next cell lies on the symbol's row (overlapping this share of the lower box's height)... */
const ROW_OVERLAP = 0.5;
/** ...and begins within this many of the symbol's heights of its end. */
const NEXT_CELL = 1.5;

/**
 * A material condition modifier straight after a tolerance, before the datums or the frame's end:
 * maximum material Ⓜ (an M in a circle) reads `@`, least material Ⓛ (an L in a circle) `①`. An `@`
 * before a number stays (`3X @120°`).
 */
const MODIFIER = /(?<=\d*\.\d+)\s?[@①](?=\s?(?:[A-Z](?![\p{L}\p{N}])|$))/gu;
const MODIFIERS: Record<string, string> = { '@': 'Ⓜ', '①': 'Ⓛ' };

/**
 * PP-OCR's dictionary has none of GD&T's symbols: in a feature control frame (`⌖ 0.1Ⓜ A B`) the
 * recogniser reads the position symbol as `中` and the modifiers as `@` and `①` (`中 0.1@ A B`).
 * Where they stand as only those symbols stand, they are put back.
 */
export function restoreFrameSymbols(text: string): string {
  return text.replace(POSITION, '⌖').replace(MODIFIER, (match: string, offset: number, whole: string) => {
    const symbol = MODIFIERS[match.trim()]!;
    return /[A-Z]/.test(whole[offset + match.length] ?? '') ? `${symbol} ` : symbol;
  });
}

/**
 * A position symbol boxed apart from its tolerance (`中` alone, `0.2 A B` beside it): the line
 * next along its row opens with a tolerance.
 */
export function restoreLonePositionSymbols(lines: readonly ReadLine[]): ReadLine[] {
  return lines.map((line) => {
    if (!LONE_POSITION.test(line.text)) return line;
    const symbol = quadBounds(line.box);
    const height = symbol.bottom - symbol.top;
    const framed = lines.some((other) => {
      if (other === line || !STARTS_WITH_TOLERANCE.test(other.text)) return false;
      const next = quadBounds(other.box);
      const overlap = Math.min(symbol.bottom, next.bottom) - Math.max(symbol.top, next.top);
      const gap = next.left - symbol.right;
      return overlap >= ROW_OVERLAP * Math.min(height, next.bottom - next.top) && gap >= -NEXT_CELL * height && gap <= NEXT_CELL * height;
    });
    return framed ? { ...line, text: '⌖' } : line;
  });
}
