import type { MaterialCategory } from '@ocr/contracts';
import { optional, scan, type Matcher, type MatchContext, type SpecMatch } from './match.ts';

interface Grade {
  pattern: RegExp;
  /** Designation and family from the match; undefined rejects it. */
  read: (m: RegExpExecArray) => { designation: string; category: MaterialCategory; temper?: string } | undefined;
  /** Only after a material label: a bare "304" or "45" is a material nowhere else. */
  needsLabel?: boolean;
}

const B = String.raw`(?<![A-Za-z0-9.\-/])`;
const A = String.raw`(?![A-Za-z0-9])(?!\.\d)`;

const STAINLESS = '201|301|302|303|304L?|304H|305|309S?|310S?|316L?|316Ti|317L?|321|347|409|410|416|420|430|440C|630|2205';
const ALUMINIUM = '1050|1060|1100|2011|2014|2017|2024|3003|3004|5005|5052|5083|5086|6005|6060|6061|6063|6082|7050|7075';
const TEMPER = String.raw`(?:\s*-\s*((?:T|H)\d{1,4}|O|F))`;
const CARBON = '08|10|15|20|25|30|35|40|45|50|55|60|65|70|75|80|85';

/** Chinese alloy steel family by its alloying elements ("40Cr", "1Cr18Ni9Ti", "60Si2Mn"). */
function alloyCategory(designation: string): MaterialCategory {
  const chromium = /Cr(\d+)/.exec(designation);
  if (chromium && Number(chromium[1]) >= 12) return 'stainless_steel';
  if (/^\d+(?:Si\d*)?Mn(?:\d*)?$/.test(designation)) return 'spring_steel';
  return 'alloy_steel';
}

const GRADES: Grade[] = [
  // 45钢, 45#, 45号钢, 45# steel: Chinese carbon steel by carbon content.
  {
    pattern: new RegExp(`${B}(${CARBON})\\s*(?:#|号)?\\s*钢|${B}(${CARBON})\\s*#`, 'g'),
    read: (m) => ({ designation: m[1] ?? m[2] ?? '', category: 'carbon_steel' }),
  },
  {
    pattern: new RegExp(`${B}(Q(?:195|215|235|255|275|295|345|355|390|420|460|550|690)(?:[A-E]|N[HD]?|NH)?)${A}`, 'g'),
    read: (m) => ({ designation: m[1] ?? '', category: 'structural_steel' }),
  },
  {
    pattern: new RegExp(`${B}(\\d{1,3}(?:(?:Cr|Mn|Mo|Ni|Si|Ti|Al|Nb|Cu|V|W|B)\\d*(?:\\.\\d+)?){1,5}A?)${A}`, 'g'),
    read: (m) => {
      const designation = m[1] ?? '';
      // Needs a real alloying element after the carbon digits, not just "20V" (a voltage).
      if (!/Cr|Mn|Mo|Ni|Si|Ti/.test(designation)) return undefined;
      return { designation, category: alloyCategory(designation) };
    },
  },
  {
    pattern: new RegExp(`${B}(GCr\\d{1,2}(?:SiMn|Mo)?)${A}`, 'g'),
    read: (m) => ({ designation: m[1] ?? '', category: 'bearing_steel' }),
  },
  {
    pattern: new RegExp(`${B}(Cr12(?:MoV|Mo1V1)?|W18Cr4V|W6Mo5Cr4V2|9SiCr|CrWMn|5CrMnMo|4Cr5MoSiV1|3Cr2W8V|T(?:7|8|9|10|11|12|13)A|SKD(?:11|61)|SKH\\d{1,2})${A}`, 'g'),
    read: (m) => ({ designation: m[1] ?? '', category: 'tool_steel' }),
  },
  {
    // SUS304, 316L stainless, and the word first as English specs write it: "stainless steel 316L".
    pattern: new RegExp(
      `${B}(?:(SUS|SS|AISI|UNS\\s*S)\\s*(${STAINLESS})|(${STAINLESS})\\s*(?:不锈钢|stainless|STAINLESS|SS(?![A-Za-z]))|(?:不锈钢|[Ss]tainless(?:\\s+[Ss]teel)?|STAINLESS(?:\\s+STEEL)?)\\s*(?:AISI\\s*)?(${STAINLESS})${A})`,
      'g',
    ),
    read: (m) => ({ designation: m[2] ?? m[3] ?? m[4] ?? '', category: 'stainless_steel' }),
  },
  {
    pattern: new RegExp(`${B}(?:(?:AL|Al|A|AA)\\s*-?\\s*(${ALUMINIUM})${TEMPER}?|(${ALUMINIUM})${TEMPER}|(${ALUMINIUM})${TEMPER}?\\s*(?:铝合金|铝|aluminium|aluminum|ALUMINIUM|ALUMINUM))${A}`, 'g'),
    read: (m) => {
      const temper = m[2] ?? m[4] ?? m[6];
      const alloy = m[1] ?? m[3] ?? m[5] ?? '';
      return { designation: temper ? `${alloy}-${temper}` : alloy, category: 'aluminium_alloy', ...optional('temper', temper) };
    },
  },
  {
    pattern: new RegExp(`${B}(\\d[AB]\\d{2}|LY1[12]|LD\\d{1,2}|ZL\\d{3}|ADC\\d{1,2}|ZAlSi\\d+\\w*)${A}`, 'g'),
    read: (m) => ({ designation: m[1] ?? '', category: 'aluminium_alloy' }),
  },
  {
    pattern: new RegExp(`${B}(HT(?:100|150|200|250|300|350)|(?:GG|EN-GJL-)\\d{2,3})${A}`, 'g'),
    read: (m) => ({ designation: m[1] ?? '', category: 'cast_iron' }),
  },
  {
    pattern: new RegExp(`${B}(QT\\d{3}-\\d{1,2}|(?:GGG|EN-GJS-)\\d{2,3}(?:-\\d{1,2})?|FCD\\d{3})${A}`, 'g'),
    read: (m) => ({ designation: m[1] ?? '', category: 'ductile_iron' }),
  },
  {
    pattern: new RegExp(`${B}(ZG\\d{3}-\\d{3}|ZG\\d{1,2}(?:Cr|Mn|Mo|Ni|Si)\\w*)${A}`, 'g'),
    read: (m) => ({ designation: m[1] ?? '', category: 'cast_steel' }),
  },
  {
    pattern: new RegExp(`${B}(QSn\\d[\\d.-]*\\d|QAl\\d[\\d.-]*\\d|QBe\\d[\\d.]*|ZCu\\w+|T[1-3](?=\\s*紫?铜)|H(?:59|62|65|68|70|80|85|90|96)(?=\\s*黄?铜))${A}`, 'g'),
    read: (m) => ({ designation: m[1] ?? '', category: 'copper_alloy' }),
  },
  {
    pattern: new RegExp(`${B}(TC4|TA[1-3]|Ti-6Al-4V|Ti6Al4V)${A}`, 'g'),
    read: (m) => ({ designation: m[1] ?? '', category: 'titanium_alloy' }),
  },
  {
    pattern: new RegExp(`${B}(?:(S(?:235|275|355)(?:JR|J0|J2|K2)(?:\\+N|G\\d)?|C(?:22|35|45|55|60)E|S(?:15|20|25|35|45|50|55)C|SCM4[34]\\d|SS400|SPCC|SECC|SPHC)|(?:AISI|SAE)\\s*(1018|1020|1045|1060|4130|4140|4340|8620|52100))${A}`, 'g'),
    read: (m) => ({ designation: m[1] ?? m[2] ?? '', category: m[2] && /^4|^8/.test(m[2]) ? 'alloy_steel' : 'carbon_steel' }),
  },
  {
    pattern: new RegExp(`${B}(POM|PTFE|PEEK|PA6|PA66|UHMWPE|HDPE|PVC|PMMA|尼龙|聚四氟乙烯)${A}`, 'g'),
    read: (m) => ({ designation: m[1] ?? '', category: 'plastic' }),
  },
  // Bare grades, trusted only after a material label (材料: 304, MATERIAL: 6061).
  {
    pattern: new RegExp(`${B}(${STAINLESS})${A}`, 'g'),
    read: (m) => ({ designation: m[1] ?? '', category: 'stainless_steel' }),
    needsLabel: true,
  },
  {
    pattern: new RegExp(`${B}(${ALUMINIUM})${A}`, 'g'),
    read: (m) => ({ designation: m[1] ?? '', category: 'aluminium_alloy' }),
    needsLabel: true,
  },
  {
    pattern: new RegExp(`${B}(${CARBON}|1045|1020|C45|C35)${A}`, 'g'),
    read: (m) => ({ designation: m[1] ?? '', category: 'carbon_steel' }),
    needsLabel: true,
  },
  {
    pattern: new RegExp(`${B}(H13|D2|A2|O1|T8|T10|T12)${A}`, 'g'),
    read: (m) => ({ designation: m[1] ?? '', category: 'tool_steel' }),
    needsLabel: true,
  },
  {
    pattern: new RegExp(`${B}(H(?:59|62|65|68|70))${A}`, 'g'),
    read: (m) => ({ designation: m[1] ?? '', category: 'copper_alloy' }),
    needsLabel: true,
  },
  {
    pattern: new RegExp(`${B}(ABS|PC|PP|PE|PA|PET|PBT|NBR|EPDM|FKM)${A}`, 'g'),
    read: (m) => ({ designation: m[1] ?? '', category: 'plastic' }),
    needsLabel: true,
  },
];

const LABEL_BEFORE = /(?:材料|材质|material|mat'?l)\s*(?:\*\*)?\s*[:|=]?\s*(?:\*\*)?\s*$/i;

/** "45钢", "Q235B", "40Cr", "6061-T6", "HT200", "SUS304"; bare grades ("304") only after 材料/MATERIAL. */
export const materials: Matcher = (text: string, context: MatchContext): SpecMatch[] =>
  GRADES.flatMap((grade) =>
    scan(text, grade.pattern, (m) => {
      if (grade.needsLabel && !context.materialLabelBefore && !LABEL_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) return undefined;
      const read = grade.read(m);
      return read && { kind: 'material', ...read };
    }),
  );
