import { optional, scan, type Matcher, type SpecValue } from './match.ts';
import { NUM, WORD_AFTER, toNumber } from './numbers.ts';

type ThreadValue = Extract<SpecValue, { kind: 'thread' }>;

const BEFORE = String.raw`(?<![A-Za-z0-9./#])`;
const LH = String.raw`(?:\s*-?\s*(LH))?`;
// ISO 965 classes: "6H", "6g", "5g6g".
const CLASS = String.raw`(?:\s*-\s*(\d[A-Za-z](?:\d[A-Za-z])?))?`;

const METRIC = new RegExp(`${BEFORE}M\\s?(${NUM})(?:\\s*[×xX*]\\s*(${NUM}))?${LH}${CLASS}${LH}${WORD_AFTER}`, 'g');
const TRAPEZOIDAL = new RegExp(`${BEFORE}Tr\\s?(${NUM})\\s*[×xX*]\\s*(${NUM})${LH}${CLASS}${WORD_AFTER}`, 'g');
const INCH_SIZE = String.raw`#\d{1,2}|\d+\s+\d+/\d+|\d+/\d+|\d+(?:\.\d+)?`;
const UNIFIED = new RegExp(
  `${BEFORE}(${INCH_SIZE})\\s*"?\\s*-\\s*(\\d{1,3})\\s*-?\\s*(UNC|UNF|UNEF|UN)(?:\\s*-?\\s*(\\d[AB]))?${LH}${WORD_AFTER}`,
  'g',
);
// "R1" alone is a radius and "G1" a grid zone, so R and G take fractional sizes only.
const PIPE_FRACTION = String.raw`\d+\s+\d+/\d+|\d+/\d+`;
const PIPE = new RegExp(
  `${BEFORE}(ZG|Rc|Rp|PT|PF|G|R)\\s?(${PIPE_FRACTION}|(?<=(?:Rc|Rp|PT|PF)\\s?)\\d+)(?:\\s*([AB]))?${LH}${WORD_AFTER}`,
  'g',
);
const NPT = new RegExp(
  `${BEFORE}(?:NPTF?\\s*(${PIPE_FRACTION}|\\d+)|(${PIPE_FRACTION}|\\d+)\\s*"?\\s*(?:-\\s*(\\d{1,2})\\s*)?(NPTF?))${WORD_AFTER}`,
  'g',
);

const PIPE_SYSTEM: Record<string, ThreadValue['system']> = {
  G: 'pipe_parallel',
  Rp: 'pipe_parallel',
  PF: 'pipe_parallel',
  R: 'pipe_taper',
  Rc: 'pipe_taper',
  PT: 'pipe_taper',
  ZG: 'pipe_taper',
};

function hand(...marks: (string | undefined)[]): boolean {
  return marks.some((m) => m !== undefined);
}

/** "M8", "M8×1.25-6H", "M10x1-LH", "M20×1.5LH-6g": ISO metric threads. */
export const metricThreads: Matcher = (text) =>
  scan(text, METRIC, (m) => {
    const nominalDiameter = toNumber(m[1] ?? '');
    const pitch = m[2] === undefined ? undefined : toNumber(m[2]);
    if (nominalDiameter < 1 || nominalDiameter > 300 || (pitch !== undefined && (pitch <= 0 || pitch > 8))) return undefined;
    const cls = m[4];
    const leftHand = hand(m[3], m[5]);
    return {
      kind: 'thread',
      designation: `M${m[1]}${pitch === undefined ? '' : `×${m[2]}`}${leftHand ? 'LH' : ''}${cls ? `-${cls}` : ''}`,
      system: 'metric',
      nominalDiameter,
      ...optional('pitch', pitch),
      ...optional('toleranceClass', cls),
      leftHand,
    };
  });

/** "Tr40×7-7H": metric trapezoidal threads. */
export const trapezoidalThreads: Matcher = (text) =>
  scan(text, TRAPEZOIDAL, (m) => ({
    kind: 'thread',
    designation: `Tr${m[1]}×${m[2]}${m[3] ? 'LH' : ''}${m[4] ? `-${m[4]}` : ''}`,
    system: 'metric_trapezoidal',
    nominalDiameter: toNumber(m[1] ?? ''),
    pitch: toNumber(m[2] ?? ''),
    ...optional('toleranceClass', m[4]),
    leftHand: hand(m[3]),
  }));

/** "1/4-20 UNC", "1/2-13UNC-2B", "#10-32 UNF": Unified inch threads. */
export const unifiedThreads: Matcher = (text) =>
  scan(text, UNIFIED, (m) => {
    const size = (m[1] ?? '').replace(/\s+/g, ' ');
    const series = m[3] as ThreadValue['series'] & string;
    return {
      kind: 'thread',
      designation: `${size}-${m[2]} ${series}${m[4] ? `-${m[4]}` : ''}${m[5] ? ' LH' : ''}`,
      system: 'unified',
      size,
      threadsPerInch: Number(m[2]),
      series,
      ...optional('toleranceClass', m[4]),
      leftHand: hand(m[5]),
    };
  });

/** "G1/2", "G1/2A", "R1/4", "Rc3/8", "Rp1", "ZG1/2": ISO 228 and ISO 7 pipe threads. */
export const pipeThreads: Matcher = (text) =>
  scan(text, PIPE, (m) => {
    const prefix = m[1] ?? '';
    const system = PIPE_SYSTEM[prefix];
    if (!system) return undefined;
    const size = (m[2] ?? '').replace(/\s+/g, ' ');
    return {
      kind: 'thread',
      designation: `${prefix}${size}${m[3] ?? ''}${m[4] ? '-LH' : ''}`,
      system,
      size,
      ...optional('toleranceClass', m[3]),
      leftHand: hand(m[4]),
    };
  });

/** "1/4 NPT", "1/2-14 NPT", "NPT 3/8": American taper pipe threads. */
export const nptThreads: Matcher = (text) =>
  scan(text, NPT, (m) => {
    const size = (m[1] ?? m[2] ?? '').replace(/\s+/g, ' ');
    const tpi = m[3] === undefined ? undefined : Number(m[3]);
    return {
      kind: 'thread',
      designation: `${size}${tpi === undefined ? '' : `-${tpi}`} ${m[4] ?? 'NPT'}`,
      system: 'npt',
      size,
      ...optional('threadsPerInch', tpi),
      leftHand: false,
    };
  });
