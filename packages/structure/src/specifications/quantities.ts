import { scan, type Matcher, type SpecValue } from './match.ts';
import { NUM, toNumber } from './numbers.ts';

type Quantity = Extract<SpecValue, { kind: 'quantity' }>['quantity'];

// Written unit → [normalised symbol, quantity]. Units that collide with other notation are left
// out: "g" (tolerance class 6g), "A" (datum A), "L" (316L), "t", "s", "min" (angle minutes).
const UNITS: [RegExp, string, Quantity][] = [
  [/N\s*[·.\-*]\s*m|Nm|N\s*·\s*M|牛\s*·?\s*米/, 'N·m', 'torque'],
  [/kN/, 'kN', 'force'],
  [/N/, 'N', 'force'],
  [/kgf/, 'kgf', 'force'],
  [/kg|KG|公斤|千克/, 'kg', 'mass'],
  [/lbs?/, 'lb', 'mass'],
  [/GPa/, 'GPa', 'pressure'],
  [/MPa|Mpa|MPA/, 'MPa', 'pressure'],
  [/kPa/, 'kPa', 'pressure'],
  [/Pa/, 'Pa', 'pressure'],
  [/bar/, 'bar', 'pressure'],
  [/psi|PSI/, 'psi', 'pressure'],
  [/°C|℃/, '°C', 'temperature'],
  [/°F|℉/, '°F', 'temperature'],
  [/r\/min|rpm|RPM/, 'r/min', 'rotational_speed'],
  [/kW|KW/, 'kW', 'power'],
  [/W/, 'W', 'power'],
  [/kHz/, 'kHz', 'frequency'],
  [/Hz/, 'Hz', 'frequency'],
  [/mL|ml/, 'mL', 'volume'],
];

const QUANTITY = new RegExp(
  `(?<![A-Za-z0-9.])([+-]?${NUM})\\s*(${UNITS.map(([u]) => `(?:${u.source})`).join('|')})(?![A-Za-z0-9²³])`,
  'g',
);

/** "2.5 kg", "25 N·m", "180℃", "10 MPa", "1500 r/min": values in physical units other than length. */
export const quantities: Matcher = (text) =>
  scan(text, QUANTITY, (m) => {
    const written = m[2] ?? '';
    const unit = UNITS.find(([u]) => new RegExp(`^(?:${u.source})$`).test(written));
    if (!unit) return undefined;
    const value = toNumber(m[1] ?? '');
    if (unit[2] !== 'temperature' && value < 0) return undefined;
    return { kind: 'quantity', value, unit: unit[1], quantity: unit[2] };
  });
