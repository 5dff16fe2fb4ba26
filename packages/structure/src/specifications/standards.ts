import { optional, scan, type Matcher } from './match.ts';

// Issuing bodies, longest first; Chinese sector standards (JB/T, HG/T …) included.
const BODIES = [
  'DIN EN ISO',
  'BS EN ISO',
  'ANSI/ASME',
  'DIN EN',
  'DIN ISO',
  'BS EN',
  'EN ISO',
  'GB/T',
  'GB/Z',
  'JB/T',
  'HG/T',
  'QC/T',
  'YB/T',
  'SH/T',
  'GB',
  'JB',
  'ISO',
  'IEC',
  'DIN',
  'JIS',
  'ASME',
  'ANSI',
  'ASTM',
  'SAE',
  'BS',
  'EN',
];
const BODY = BODIES.map((b) => b.replace(/\//g, '\\s*/\\s*').replace(/ /g, '\\s+')).join('|');
const NUMBER = String.raw`[A-Z]?\d+(?:\.\d+)*[A-Z]?`;
// General tolerance classes (ISO 2768 / GB/T 1804 f m c v, ISO 2768-2 / GB/T 1184 H K L); other
// letters after a dash are more likely misread punctuation ("1804-mo" for "1804-m。").
const SUFFIX = String.raw`(?:\s*-\s*(?:\d{1,4}|[fmcv][HKL]?|[HKL])(?![A-Za-z0-9]))*(?::\d{4})?`;
const STANDARD = new RegExp(`(?<![A-Za-z])(${BODY})\\s*(${NUMBER})(${SUFFIX})(?![A-Za-z0-9])`, 'g');

// Chinese standards write the edition year after the dash, two digits before 1995 ("GB 1804-79").
const CHINESE = /^(GB|JB|HG|QC|YB|SH)/;

/** "GB/T 1804-m", "ISO 2768-mK", "ISO 2768-1:1989", "ASME Y14.5-2018", "GB/T 3098.1-2010". */
export const standards: Matcher = (text) =>
  scan(text, STANDARD, (m) => {
    const body = (m[1] ?? '').replace(/\s*\/\s*/g, '/').replace(/\s+/g, ' ');
    const number = m[2] ?? '';
    // An EN or BS "standard" with a one- or two-digit number is more likely something else.
    if ((body === 'EN' || body === 'BS') && !/^\d{3,}/.test(number)) return undefined;
    let part: number | undefined;
    let year: number | undefined;
    let cls: string | undefined;
    const suffix = m[3] ?? '';
    for (const piece of suffix.matchAll(/-\s*([A-Za-z0-9]+)|:(\d{4})/g)) {
      const token = piece[1] ?? piece[2] ?? '';
      if (piece[2] !== undefined || /^(19|20)\d\d$/.test(token)) year = Number(token);
      else if (/^\d\d$/.test(token) && CHINESE.test(body)) year = 1900 + Number(token);
      else if (/^\d+$/.test(token)) part = Number(token);
      else cls = token;
    }
    return {
      kind: 'standard',
      designation: `${body} ${number}${suffix.replace(/\s+/g, '')}`,
      body,
      number,
      ...optional('part', part),
      ...optional('year', year),
      ...optional('class', cls),
    };
  });
