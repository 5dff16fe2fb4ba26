import type { StripInk } from './strip-ink.ts';

/** What the recogniser reads a heading's 一 as before its 、 (`I、计算题`, `1、计算题`): a stroke across. */
const ONE_LOOKALIKES = /^[1Il|\-—_]$/;
/** 一 is a stroke this many times wider than high; a 1, l or I stands taller than wide. */
const FLAT = 2;

/**
 * Reads as 一 a glyph before a 、 that the recogniser took for a Latin one or a dash where its ink
 * is a flat stroke: Chinese headings number their sections `一、二、三、`, and 一 alone reads as
 * `I`, `1` or `-`. `1、` is a list number of its own in Chinese print, so only the strip tells.
 */
export function restoreHanOne(chars: string[], starts: readonly number[], steps: number, ink: StripInk): void {
  chars.forEach((char, i) => {
    if (!ONE_LOOKALIKES.test(char) || chars[i + 1] !== '、') return;
    const run = ink.runAt(starts[i]!, starts[i + 1] ?? steps);
    if (run && run.end - run.start >= FLAT * (run.bottom - run.top + 1)) chars[i] = '一';
  });
}
