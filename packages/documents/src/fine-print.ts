/**
 * Fine print: a page whose text is too small for the CPU engine's detector at the requested dpi.
 * The detector sees a page up to 3,600 px long shrunk to 1,600 px, and finds no line under ~8 px
 * there: a whole board's schematic on A4 (1.7–3.5 pt, 5–10 px at 200 dpi, 3–7 px as the detector
 * sees it) read at word recall 0.01–0.07. A page past 3,600 px it detects in tiles at full scale:
 * rendered at twice the dpi, 4,678 px long, the same schematics read at 0.64–0.84.
 */

/** Side, in page pixels, the detector shrinks a page of up to `TILED_SIDE` to. */
const WHOLE_PAGE_SIDE = 1600;
/** A page longer than this is detected in tiles near full scale (up to 4,800 px): more pixels would go unseen. */
const TILED_SIDE = 3600;
/** Median font size, in the detector's pixels, below which a page is fine print. */
const FINE_PRINT_SEEN = 8;
/** How much finer fine print is rendered, at least. */
const FINE_PRINT_RAISE = 2;
/** Long side, in pixels, fine print is rendered to at least: past `TILED_SIDE` (A5 at twice 200 dpi would stay under). */
const FINE_PRINT_SIDE = 4000;

/**
 * How much finer than the requested dpi a page is rendered: 1 for a page whose text is not fine
 * print (see above), or that is detected in tiles already; else at least twice, to a long side
 * of at least 4,000 px, and never past `maxRaise` (the highest dpi over the requested one). The
 * per-page pixel limit still applies after.
 */
export function finePrintRaise(medianFontPx: number, longSidePx: number, maxRaise: number): number {
  const seen = medianFontPx * Math.min(1, WHOLE_PAGE_SIDE / longSidePx);
  if (seen >= FINE_PRINT_SEEN || longSidePx > TILED_SIDE) return 1;
  return Math.max(1, Math.min(maxRaise, Math.max(FINE_PRINT_RAISE, FINE_PRINT_SIDE / longSidePx)));
}
