import { scan, type Matcher, type SpecValue } from './match.ts';
import { NUM, WORD_AFTER, toNumber } from './numbers.ts';

type Parameter = Extract<SpecValue, { kind: 'roughness' }>['parameter'];

const ROUGHNESS = new RegExp(
  `(?<![A-Za-z])(Rmax|Ra|Rz|Rq|Rt|Ry|RA|RZ)\\s*(?:[=:≤<]\\s*|max\\.?\\s*)?(${NUM})(?:\\s*(?:µm|um))?${WORD_AFTER}`,
  'g',
);
const CANONICAL: Record<string, Parameter> = { RA: 'Ra', RZ: 'Rz' };

/** "Ra 3.2", "Ra≤1.6", "Rz12.5", "RA 0.8 µm": surface roughness in micrometres. */
export const roughness: Matcher = (text) =>
  scan(text, ROUGHNESS, (m) => {
    const value = toNumber(m[2] ?? '');
    // ISO 1302 values run 0.008..400 µm; anything else is not a roughness.
    if (value <= 0 || value > 400) return undefined;
    const written = m[1] ?? '';
    return { kind: 'roughness', parameter: CANONICAL[written] ?? (written as Parameter), value, unit: 'µm' };
  });
