import type { GeometricCharacteristic } from '@ocr/contracts';
import { scan, type Matcher, type SpecValue } from './match.ts';
import { NUM, toNumber } from './numbers.ts';

type Modifier = Extract<SpecValue, { kind: 'geometric_tolerance' }>['modifiers'][number];

// Longest names first so "径向圆跳动" wins over "圆跳动" and "圆柱度" over "圆度".
const NAMES: [string, GeometricCharacteristic][] = [
  ['径向圆跳动', 'circular_runout'],
  ['端面圆跳动', 'circular_runout'],
  ['斜向圆跳动', 'circular_runout'],
  ['径向全跳动', 'total_runout'],
  ['端面全跳动', 'total_runout'],
  ['线轮廓度', 'profile_of_line'],
  ['面轮廓度', 'profile_of_surface'],
  ['圆柱度', 'cylindricity'],
  ['直线度', 'straightness'],
  ['平面度', 'flatness'],
  ['垂直度', 'perpendicularity'],
  ['平行度', 'parallelism'],
  ['倾斜度', 'angularity'],
  ['位置度', 'position'],
  ['同轴度', 'concentricity'],
  ['同心度', 'concentricity'],
  ['对称度', 'symmetry'],
  ['圆跳动', 'circular_runout'],
  ['全跳动', 'total_runout'],
  ['圆度', 'circularity'],
  ['PROFILE OF A SURFACE', 'profile_of_surface'],
  ['PROFILE OF A LINE', 'profile_of_line'],
  ['SURFACE PROFILE', 'profile_of_surface'],
  ['LINE PROFILE', 'profile_of_line'],
  ['PERPENDICULARITY', 'perpendicularity'],
  ['CIRCULAR RUNOUT', 'circular_runout'],
  ['TOTAL RUNOUT', 'total_runout'],
  ['TRUE POSITION', 'position'],
  ['CONCENTRICITY', 'concentricity'],
  ['CYLINDRICITY', 'cylindricity'],
  ['STRAIGHTNESS', 'straightness'],
  ['CIRCULARITY', 'circularity'],
  ['PARALLELISM', 'parallelism'],
  ['ANGULARITY', 'angularity'],
  ['SQUARENESS', 'perpendicularity'],
  ['COAXIALITY', 'concentricity'],
  ['ROUNDNESS', 'circularity'],
  ['FLATNESS', 'flatness'],
  ['POSITION', 'position'],
  ['SYMMETRY', 'symmetry'],
  ['RUNOUT', 'circular_runout'],
  ['⌰', 'total_runout'],
  ['↗', 'circular_runout'],
  ['⏤', 'straightness'],
  ['⏥', 'flatness'],
  ['⌭', 'cylindricity'],
  ['⌒', 'profile_of_line'],
  ['⌓', 'profile_of_surface'],
  ['⊥', 'perpendicularity'],
  ['∥', 'parallelism'],
  ['//', 'parallelism'],
  ['∠', 'angularity'],
  ['⌖', 'position'],
  ['⊕', 'position'],
  ['◎', 'concentricity'],
  ['⌯', 'symmetry'],
  ['≡', 'symmetry'],
  ['○', 'circularity'],
  ['◯', 'circularity'],
];
const BY_NAME = new Map(NAMES.map(([name, c]) => [name.toUpperCase(), c]));

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
// English names in any letter case, without a case-insensitive flag that would loosen the datums.
const anyCase = (s: string): string => s.replace(/[A-Z]/g, (c) => `[${c}${c.toLowerCase()}]`);
const NAME = NAMES.map(([name]) => anyCase(escape(name)).replace(/ /g, '\\s+')).join('|');
const CIRCLED: Record<string, Modifier> = { 'Ⓜ': 'M', 'Ⓛ': 'L', 'Ⓟ': 'P', 'Ⓕ': 'F', 'Ⓔ': 'E' };
const DATUM = String.raw`[A-Z](?:\s*-\s*[A-Z])?(?![A-Za-z])`;

const FRAME = new RegExp(
  // Chinese notes name the datum first: "对基准A的垂直度公差为0.02".
  `(?:(?:相对于|相对|对)\\s*(?:基准\\s*)?(${DATUM})\\s*的\\s*)?` +
    `(?<![A-Za-z])(${NAME})(?![A-Za-z])` +
    `[\\s|:]*(?:公差\\s*(?:值\\s*)?(?:为|:)?\\s*)?(?:不大于|不超过|≤|<)?\\s*` +
    `(Ø\\s*)?(${NUM})(?:\\s*mm)?(?![\\d.])` +
    `((?:[\\s|]*(?:\\([MLPFE]\\)|[ⓂⓁⓅⒻⒺ]))*)` +
    `((?:[\\s|,]+(?:基准\\s*|(?:to|TO|To)\\s+(?:datum|DATUM|Datum)\\s+)?${DATUM}){0,3})`,
  'g',
);

/** "⊥ 0.02 A", "|⌖|Ø0.1 Ⓜ|A|B|C|", "同轴度 Φ0.03 A-B", "FLATNESS 0.05": feature control frames. */
export const geometricTolerances: Matcher = (text) =>
  scan(text, FRAME, (m) => {
    const characteristic = BY_NAME.get((m[2] ?? '').replace(/\s+/g, ' ').toUpperCase());
    if (!characteristic) return undefined;
    const modifiers = [...(m[5] ?? '').matchAll(/\(([MLPFE])\)|([ⓂⓁⓅⒻⒺ])/g)].map(
      (x) => (x[1] as Modifier | undefined) ?? CIRCLED[x[2] ?? ''] ?? 'M',
    );
    const trailing = [...(m[6] ?? '').matchAll(new RegExp(DATUM, 'g'))].map((x) => x[0].replace(/\s+/g, ''));
    const datums = m[1] ? [m[1].replace(/\s+/g, ''), ...trailing] : trailing;
    return {
      kind: 'geometric_tolerance',
      characteristic,
      value: toNumber(m[4] ?? ''),
      diameterZone: m[3] !== undefined,
      modifiers,
      datums,
    };
  });
