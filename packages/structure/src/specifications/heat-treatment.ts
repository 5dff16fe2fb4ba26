import type { SpecValue } from './match.ts';
import { scan, type Matcher } from './match.ts';

type Process = Extract<SpecValue, { kind: 'heat_treatment' }>['process'];

// Longest terms first: "渗碳淬火" is one process, not carburising plus quenching.
const TERMS: [string, Process][] = [
  ['淬火\\s*[+＋及和并]?\\s*(?:低温|中温|高温)?回火', 'quench_and_temper'],
  ['渗碳\\s*[+＋]?\\s*淬火', 'carburize_and_quench'],
  ['(?:高频|中频|感应)淬火', 'induction_harden'],
  ['火焰淬火', 'flame_harden'],
  ['表面淬火', 'surface_harden'],
  ['去应力退火|消除应力|去应力', 'stress_relieve'],
  ['碳氮共渗', 'carbonitride'],
  ['固溶(?:处理)?', 'solution_treat'],
  ['(?:人工|自然)?时效(?:处理)?', 'age'],
  ['调质(?:处理)?', 'quench_and_temper'],
  ['渗氮|氮化', 'nitride'],
  ['渗碳', 'carburize'],
  ['正火', 'normalize'],
  ['退火', 'anneal'],
  ['淬火', 'quench'],
  ['回火', 'temper'],
  ['(?:QUENCH(?:ED)?|HARDEN(?:ED)?)\\s*(?:AND|&)\\s*TEMPER(?:ED)?|Q\\s*&\\s*T', 'quench_and_temper'],
  ['CARBURI(?:Z|S)(?:E|ED|ING)\\s*(?:AND|&)\\s*(?:QUENCH|HARDEN)(?:ED)?', 'carburize_and_quench'],
  ['CARBONITRID(?:E|ED|ING)', 'carbonitride'],
  ['INDUCTION\\s+HARDEN(?:ED|ING)?', 'induction_harden'],
  ['FLAME\\s+HARDEN(?:ED|ING)?', 'flame_harden'],
  ['CASE\\s+HARDEN(?:ED|ING)?', 'case_harden'],
  ['SURFACE\\s+HARDEN(?:ED|ING)?', 'surface_harden'],
  ['STRESS[\\s-]+RELIEV(?:E|ED|ING)', 'stress_relieve'],
  ['SOLUTION\\s+(?:HEAT[\\s-]+)?TREAT(?:ED|MENT)?', 'solution_treat'],
  ['(?:PRECIPITATION|AGE)\\s+HARDEN(?:ED|ING)?|ARTIFICIALLY\\s+AGED', 'age'],
  ['AGEING|AGING', 'age'],
  ['NITRID(?:E|ED|ING)', 'nitride'],
  ['CARBURI(?:Z|S)(?:E|ED|ING)', 'carburize'],
  ['NORMALI(?:Z|S)(?:E|ED|ING)', 'normalize'],
  ['ANNEAL(?:ED|ING)?', 'anneal'],
  ['QUENCH(?:ED|ING)', 'quench'],
  ['TEMPERED|TEMPERING', 'temper'],
];

// English terms in any letter case, except single words that ordinary prose uses too ("aging",
// "tempered", "quenched"): those only in the capitals that drawing notes are lettered in.
const CAPITALS_ONLY = new Set(['AGEING|AGING', 'QUENCH(?:ED|ING)', 'TEMPERED|TEMPERING']);
const anyCase = (s: string): string => s.replace(/(?<!\\)[A-Z]/g, (c) => `[${c}${c.toLowerCase()}]`);
const PATTERN = new RegExp(
  TERMS.map(([t]) => `(?<![A-Za-z])(${CAPITALS_ONLY.has(t) ? t : anyCase(t)})(?![A-Za-z])`).join('|'),
  'g',
);

/** "调质", "淬火", "渗碳淬火", "QUENCH AND TEMPER", "NORMALIZED": heat treatment processes. */
export const heatTreatments: Matcher = (text) =>
  scan(text, PATTERN, (m) => {
    const index = m.slice(1).findIndex((g) => g !== undefined);
    const process = TERMS[index]?.[1];
    return process && { kind: 'heat_treatment', process };
  });
