// Dots, ticks and the marks a recogniser reads them as: on a page they are punctuation only next
// to words, so a line of these and no letter, digit or CJK character is dirt, speckle or scanner
// noise. A lone symbol (`-` in a table cell, `±`, `Ø`, `+`) is kept: it has no speck in it.
const SPECK = /[.,:;'"`´‘’“”·•˙*!?¡¿°^~。、，：；！？・]/u;
const WORDLIKE = /[\p{L}\p{N}]/u;

/** Whether a recognised line is specks: speck-like marks, maybe with stray symbols, and nothing word-like. */
export function isSpecks(text: string): boolean {
  return SPECK.test(text) && !WORDLIKE.test(text);
}

/**
 * A drawn pattern read as one glyph over and over (a zig-zag border read `888…888Ω`, 48 eights at
 * 0.67 on Goertek's test-setup drawing): that glyph at least this many times, with one other at
 * most, read less surely than print of that length reads.
 */
const PATTERN = { repeats: 12, unsure: 0.8 };

/** Whether a recognised line is a drawn pattern (see PATTERN). */
export function isDrawnPattern({ text, confidence }: { text: string; confidence: number }): boolean {
  if (confidence >= PATTERN.unsure) return false;
  const glyphs = [...text.replace(/\s/g, '')];
  const counts = new Map<string, number>();
  for (const glyph of glyphs) counts.set(glyph, (counts.get(glyph) ?? 0) + 1);
  const most = Math.max(0, ...counts.values());
  return most >= PATTERN.repeats && glyphs.length - most <= 1;
}
