import type { PageImage } from '@ocr/contracts';
import { rgbaToRgb } from './rgba.ts';

/** Summed R + G + B below this counts as ink: a mean under 200, as the engine counts ink. */
const INK_SUM = 600;
/**
 * A page flattened onto white with less ink than this share of its pixels has nothing to read;
 * a line of print is well above it (a 7 px line across a 65 × 11 crop is 20%).
 */
const NOTHING_TO_READ = 0.0005;

/** Light strokes cover less of the image than this; more is a filled area (a blank card). */
const STROKES_AT_MOST = 0.5;

/**
 * Flattens RGBA pixels onto white paper. Text drawn in white or a light grey on a transparent
 * background (a logo, a caption cut from a dark slide) vanishes on white: where the page
 * flattened onto white holds no ink but its negative does, the negative is returned, so light
 * strokes become dark print.
 */
export function flattenOntoPaper(rgba: Uint8Array, width: number, height: number): PageImage {
  const pixels = width * height;
  // Darkness each pixel adds on white, and in the negative: alpha × (765 − sum), alpha × sum.
  const limit = (765 - INK_SUM) * 255;
  let inkOnWhite = 0;
  let inkInNegative = 0;
  let opaque = true;
  for (let p = 0, i = 0; p < pixels; p++, i += 4) {
    const sum = rgba[i]! + rgba[i + 1]! + rgba[i + 2]!;
    const alpha = rgba[i + 3]!;
    if (alpha !== 255) opaque = false;
    if (alpha * (765 - sum) > limit) inkOnWhite++;
    else if (alpha * sum > limit) inkInNegative++;
  }
  const faint = pixels * NOTHING_TO_READ;
  // Strokes on a transparent background, not a blank opaque page or card: that stays as it shows.
  const negative = !opaque && inkOnWhite <= faint && inkInNegative > faint && inkInNegative < pixels * STROKES_AT_MOST;
  // An alpha channel with nothing transparent in it (common in saved screenshots) is just dropped.
  if (opaque) return { width, height, channels: 3, data: rgbaToRgb(rgba, pixels) };
  const data = new Uint8Array(pixels * 3);
  const flip = negative ? 0 : 255;
  for (let p = 0, i = 0, o = 0; p < pixels; p++, i += 4, o += 3) {
    const alpha = rgba[i + 3]!;
    // On white: 255 − alpha × (255 − value) / 255; the negative on white: 255 − alpha × value / 255.
    // (x + 128 + ((x + 128) >> 8)) >> 8 is x / 255 rounded, exactly, for x up to 255².
    let x = alpha * Math.abs(flip - rgba[i]!) + 128;
    data[o] = 255 - ((x + (x >> 8)) >> 8);
    x = alpha * Math.abs(flip - rgba[i + 1]!) + 128;
    data[o + 1] = 255 - ((x + (x >> 8)) >> 8);
    x = alpha * Math.abs(flip - rgba[i + 2]!) + 128;
    data[o + 2] = 255 - ((x + (x >> 8)) >> 8);
  }
  return { width, height, channels: 3, data };
}
