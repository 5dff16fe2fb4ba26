/** A feature control frame's tolerance: a decimal (`0.1`, `.005`), perhaps after a diameter mark. */
const TOLERANCE = String.raw`[ØΦ]?\s?\d*\.\d+`;

/**
 * The position symbol ⌖ (a circle and a cross), which the recogniser reads as 中 or 甲: opening a
 * frame, before its tolerance. Not inside Chinese text (`居中 0.2`).
 */
const POSITION = new RegExp(String.raw`(?<!\p{Script=Han})[中甲](?=\s?${TOLERANCE})`, 'gu');

/**
 * The maximum material modifier Ⓜ (an M in a circle), read as `@` or `①`, straight after a
 * tolerance and before the datums or the frame's end. An `@` before a number stays (`3X @120°`).
 */
const MAXIMUM_MATERIAL = /(?<=\d*\.\d+)\s?[@①](?=\s?(?:[A-Z](?![\p{L}\p{N}])|$))/gu;

/**
 * PP-OCR's dictionary has none of GD&T's symbols: in a feature control frame (`⌖ 0.1Ⓜ A B`) the
 * recogniser reads the position symbol as `中` and the modifier as `@` or `①` (`中 0.1@ A B`).
 * Where they stand as only those symbols stand, they are put back.
 */
export function restoreFrameSymbols(text: string): string {
  return text
    .replace(POSITION, '⌖')
    .replace(MAXIMUM_MATERIAL, (match: string, offset: number, whole: string) => (/[A-Z]/.test(whole[offset + match.length] ?? '') ? 'Ⓜ ' : 'Ⓜ'));
}
