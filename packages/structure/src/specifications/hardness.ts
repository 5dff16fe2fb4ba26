import { optional, scan, type Matcher, type SpecValue } from './match.ts';
import { NUM, WORD_AFTER, toNumber } from './numbers.ts';

type Scale = Extract<SpecValue, { kind: 'hardness' }>['scale'];

const SCALE = '(HRC|HRB|HRA|HBW|HBS|HB|HV)';
const RANGE = String.raw`(${NUM})\s*(?:~|-|至|到|\s+to\s+)\s*(${NUM})`;
const BOUND = String.raw`(≥|>=|≤|<=)\s*(${NUM})`;
const SINGLE = String.raw`(${NUM})(?:\s*±\s*(${NUM}))?`;
const VALUE = `(?:${RANGE}|${BOUND}|${SINGLE})`;

// "HV 10 kV" on an electrical drawing is high voltage, not Vickers hardness.
const NOT_ELECTRICAL = String.raw`(?!\s*(?:kV|V|A|kA|Hz)(?![A-Za-z]))`;
const SCALE_FIRST = new RegExp(`(?<![A-Za-z])${SCALE}\\s*(?:[=:]\\s*)?${VALUE}${WORD_AFTER}${NOT_ELECTRICAL}`, 'g');
const VALUE_FIRST = new RegExp(`(?<![A-Za-z0-9.])${VALUE}\\s*${SCALE}(?![A-Za-z])`, 'g');

// Groups of VALUE in order: range lo, range hi, bound sign, bound value, single value, ± spread.
function hardness(scale: string, g: (string | undefined)[]): SpecValue | undefined {
  const [lo, hi, sign, bound, single, spread] = g;
  const base = { kind: 'hardness' as const, scale: scale as Scale };
  if (lo !== undefined && hi !== undefined) {
    const a = toNumber(lo);
    const b = toNumber(hi);
    return { ...base, min: Math.min(a, b), max: Math.max(a, b) };
  }
  if (sign !== undefined && bound !== undefined) {
    return sign.includes('≥') || sign.includes('>') ? { ...base, min: toNumber(bound) } : { ...base, max: toNumber(bound) };
  }
  if (single === undefined) return undefined;
  const value = toNumber(single);
  if (spread === undefined) return { ...base, value };
  const d = toNumber(spread);
  return { ...base, value, ...optional('min', value - d), ...optional('max', value + d) };
}

/** "HRC 40~45", "HRC≥55", "40-45HRC", "HB220-250", "HV 500", "HRC58±2". */
export const hardnessValues: Matcher = (text) => [
  ...scan(text, SCALE_FIRST, (m) => hardness(m[1] ?? '', m.slice(2, 8))),
  ...scan(text, VALUE_FIRST, (m) => hardness(m[7] ?? '', m.slice(1, 7))),
];
