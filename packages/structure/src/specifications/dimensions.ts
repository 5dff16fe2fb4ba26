import type { LengthUnit } from '@ocr/contracts';
import { optional, scan, type Matcher } from './match.ts';
import { NUM, TOLERANCE, WORD_AFTER, WORD_BEFORE, toNumber, toTolerance } from './numbers.ts';

// Explicit length units; a drawing without one is in millimetres. No bare "m": on drawings it is
// a gear module ("m=2.5") far more often than metres.
const UNIT = String.raw`(?:\s*(mm|cm|µm|um|毫米|inch|in(?![A-Za-z])|"))?`;
const UNITS: Record<string, LengthUnit> = { mm: 'mm', 毫米: 'mm', cm: 'cm', µm: 'µm', um: 'µm', in: 'in', inch: 'in', '"': 'in' };
// "4×Ø8" (ISO) and "4-Φ8" (GB practice) give a count of like features.
const COUNT = String.raw`(?:(\d{1,3})\s*(?:[×xX*]|-(?=\s*S?[ØR]))\s*)?`;

function unit(s: string | undefined): LengthUnit {
  return s === undefined ? 'mm' : (UNITS[s] ?? 'mm');
}

const DIAMETER = new RegExp(`${WORD_BEFORE}${COUNT}(S)?Ø\\s*(${NUM})(?:${TOLERANCE})?${UNIT}${WORD_AFTER}`, 'g');
const RADIUS = new RegExp(`${WORD_BEFORE}${COUNT}(S)?R\\s?(${NUM})(?![/\\d])(?:${TOLERANCE})?${UNIT}${WORD_AFTER}`, 'g');
const LINEAR_TOLERANCED = new RegExp(`${WORD_BEFORE}(?<![-/°'Ø]|\\d:)(${NUM})(?:${TOLERANCE})${UNIT}${WORD_AFTER}`, 'g');
// "2 in" is as likely English ("insert 2 in each hole") as inches; a decimal inch value is not.
const LINEAR_WITH_UNIT = new RegExp(
  `${WORD_BEFORE}(?<![-/°'Ø]|\\d:)(?:(${NUM})\\s*(mm|cm|µm|um|毫米|inch)|(\\d*\\.\\d+)\\s*(in))(?![A-Za-z0-9²³/])`,
  'g',
);

/** "Ø20", "4×Φ8", "SØ10", "φ12±0.1": diameters, with a count and tolerance where written. */
export const diameters: Matcher = (text) =>
  scan(text, DIAMETER, (m) => ({
    kind: 'diameter',
    value: toNumber(m[3] ?? ''),
    unit: unit(m[7]),
    spherical: m[2] !== undefined,
    ...optional('tolerance', toTolerance(m[4], m[5], m[6])),
    ...optional('count', m[1] === undefined ? undefined : Number(m[1])),
  }));

/** "R5", "SR10", "4-R2", "R2.5±0.1". "R1/4" is a pipe thread, not a radius. */
export const radii: Matcher = (text) =>
  scan(text, RADIUS, (m) => ({
    kind: 'radius',
    value: toNumber(m[3] ?? ''),
    unit: unit(m[7]),
    spherical: m[2] !== undefined,
    ...optional('tolerance', toTolerance(m[4], m[5], m[6])),
    ...optional('count', m[1] === undefined ? undefined : Number(m[1])),
  }));

/**
 * Lengths: only with a tolerance ("20±0.05", "20 +0.1/-0.05") or an explicit unit ("25 mm"); a bare
 * number could be anything and is left out.
 */
export const linearDimensions: Matcher = (text) => {
  const toleranced = scan(text, LINEAR_TOLERANCED, (m) => {
    const tolerance = toTolerance(m[2], m[3], m[4]);
    return tolerance && { kind: 'linear_dimension', value: toNumber(m[1] ?? ''), unit: unit(m[5]), tolerance };
  });
  const withUnit = scan(text, LINEAR_WITH_UNIT, (m) => ({
    kind: 'linear_dimension',
    value: toNumber(m[1] ?? m[3] ?? ''),
    unit: unit(m[2] ?? m[4]),
  }));
  return [...toleranced, ...withUnit];
};

const DEGREES = String.raw`(${NUM})\s*(?:°|度)(?![CF])(?:\s*(${NUM})\s*')?(?:\s*(${NUM})\s*")?`;
const ANGLE_TOL = String.raw`(?:\s*±\s*(?:(${NUM})\s*(?:°|度)(?:\s*(${NUM})\s*')?|(${NUM})\s*'|(${NUM})(?![\d'°]))|\s*([+-]${NUM})\s*°?\s*/\s*([+-]${NUM})\s*°?)?`;
const ANGLE = new RegExp(`${WORD_BEFORE}(?<![×xX*]\\s*)${DEGREES}${ANGLE_TOL}`, 'g');

function degrees(d: string | undefined, min?: string, sec?: string): number {
  return toNumber(d ?? '0') + toNumber(min ?? '0') / 60 + toNumber(sec ?? '0') / 3600;
}

/** "45°", "30°±0.5°", "12°30'", "60°±30'", "90度": angles in decimal degrees. */
export const angles: Matcher = (text) =>
  scan(text, ANGLE, (m) => {
    const value = degrees(m[1], m[2], m[3]);
    let tolerance;
    if (m[4] !== undefined || m[6] !== undefined || m[7] !== undefined) {
      const t = m[4] !== undefined ? degrees(m[4], m[5]) : m[6] !== undefined ? toNumber(m[6]) / 60 : toNumber(m[7] ?? '0');
      tolerance = { upper: t, lower: -t };
    } else if (m[8] !== undefined && m[9] !== undefined) {
      const a = toNumber(m[8]);
      const b = toNumber(m[9]);
      tolerance = { upper: Math.max(a, b), lower: Math.min(a, b) };
    }
    return { kind: 'angle', value, unit: 'deg', ...optional('tolerance', tolerance) };
  });

const CHAMFER_ANGLE = new RegExp(`${WORD_BEFORE}(${NUM})\\s*[×xX*]\\s*(${NUM})\\s*°`, 'g');
// A bare "C1" may be a grid zone or a steel grade (C45); it is a chamfer only after 倒角/CHAMFER.
// The "C" is matched before the look-behind, so the label is looked for at a "C" only.
const CHAMFER_C = new RegExp(`C(?<=(?:倒角|倒钝|chamfer|CHAMFER|Chamfer)[\\s:]*(?:均为|为)?\\s*C)\\s?(${NUM})${WORD_AFTER}`, 'g');

/** "1×45°", "2x30°", "倒角C0.5", "CHAMFER C1". */
export const chamfers: Matcher = (text) => {
  const byAngle = scan(text, CHAMFER_ANGLE, (m) => ({
    kind: 'chamfer',
    size: toNumber(m[1] ?? ''),
    unit: 'mm',
    angle: toNumber(m[2] ?? ''),
  }));
  const byC = scan(text, CHAMFER_C, (m) => ({ kind: 'chamfer', size: toNumber(m[1] ?? ''), unit: 'mm', angle: 45 }));
  return [...byAngle, ...byC];
};
