import type { Tolerance } from '@ocr/contracts';

/** A decimal number as engineering drawings write it ("20", "0.05", ".5"). */
export const NUM = String.raw`(?:\d+(?:\.\d+)?|\.\d+)`;

// Deviations have no leading zeros, so a date ("2024-05-06") is no nominal with deviations.
const DEV_NUM = String.raw`(?:(?:0|[1-9]\d*)(?:\.\d+)?|\.\d+)`;

/** A signed deviation ("+0.1", "-0.05", "0"). */
const DEV = String.raw`(?:[+-]\s*${DEV_NUM}|0(?:\.0+)?)`;

/**
 * A tolerance written after a nominal value: "±0.05", "+/-0.05", "+0.1/-0.05", "+0.1 -0.05",
 * "(+0.021/0)"; run together ("+0.1-0.05") only after a "+" upper deviation.
 * Capture groups: 1 symmetric, 2 and 3 the two deviations.
 */
export const TOLERANCE = String.raw`(?:\s*(?:±|\+\s*/\s*-|\+-)\s*(${NUM})|\s*\(?\s*(${DEV})(?:\s*[/,]\s*|\s+|(?<=\+\s*${DEV_NUM})(?=[+-]))(${DEV})(?:\s*\))?)`;

export function toNumber(s: string): number {
  return Number(s.replace(/\s+/g, ''));
}

/** Reads TOLERANCE's groups; undefined when it did not match or is not a real tolerance. */
export function toTolerance(symmetric?: string, first?: string, second?: string): Tolerance | undefined {
  if (symmetric !== undefined) {
    const t = toNumber(symmetric);
    return { upper: t, lower: -t };
  }
  if (first === undefined || second === undefined) return undefined;
  // Two unsigned numbers ("20 0 0") are no tolerance; at least one deviation carries its sign.
  if (!/[+-]/.test(first + second)) return undefined;
  const a = toNumber(first);
  const b = toNumber(second);
  return { upper: Math.max(a, b), lower: Math.min(a, b) };
}

/** Letters and digits around a match that would make it part of a longer word. */
export const WORD_BEFORE = String.raw`(?<![A-Za-z0-9.])`;
export const WORD_AFTER = String.raw`(?![A-Za-z0-9])(?!\.\d)`;
