import { DocumentError } from './errors.ts';

/** Enough for small print in engineering drawings without making A4 pages needlessly large. */
export const DEFAULT_PDF_DPI = 200;
// The same range as the API's request schema, so both refuse the same values.
export const MIN_PDF_DPI = 36;
export const MAX_PDF_DPI = 600;

/** The rendering resolution for PDF pages: the default, or the caller's value when in range. */
export function resolveDpi(dpi: number | undefined): number {
  if (dpi === undefined) return DEFAULT_PDF_DPI;
  if (!Number.isFinite(dpi) || dpi < MIN_PDF_DPI || dpi > MAX_PDF_DPI) {
    throw new DocumentError('invalid_dpi', `dpi must be a number from ${MIN_PDF_DPI} to ${MAX_PDF_DPI}, got ${dpi}.`);
  }
  return dpi;
}
