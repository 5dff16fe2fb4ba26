import { optional, scan, type Matcher } from './match.ts';
import { NUM, TOLERANCE, WORD_AFTER, WORD_BEFORE, toNumber, toTolerance } from './numbers.ts';

// ISO 286 fundamental deviations (no I, L, O, Q, W) and grades IT01..IT18.
const LETTERS = 'ZA|ZB|ZC|JS|CD|EF|FG|[ABCDEFGHJKMNPRSTUVXYZ]';
const GRADE = '(?:01|0|1[0-8]|[1-9])(?!\\d)';
const HOLE = `(?:${LETTERS})${GRADE}`;
const SHAFT = `(?:${LETTERS.toLowerCase()})${GRADE}`;

const FIT = new RegExp(
  `${WORD_BEFORE}(?:(Ø)\\s*)?(${NUM})\\s*(?:(${HOLE})(?:\\s*/\\s*(${SHAFT}))?|(${SHAFT}))(?:${TOLERANCE})?${WORD_AFTER}`,
  'g',
);

/**
 * "Ø20h7", "Φ30H7/g6", "25H8", "Ø20H7(+0.021/0)": a size with its tolerance class or fit. A size
 * of 0 has none: `0x01`, a register's address, reads as 0 and the class x01.
 */
export const fits: Matcher = (text) =>
  scan(text, FIT, (m) => toNumber(m[2] ?? '') === 0 ? undefined : ({
    kind: 'fit',
    value: toNumber(m[2] ?? ''),
    unit: 'mm',
    diameter: m[1] !== undefined,
    ...optional('hole', m[3]),
    ...optional('shaft', m[4] ?? m[5]),
    ...optional('tolerance', toTolerance(m[6], m[7], m[8])),
  }));
