import type { ReadLine } from './readings.ts';

const HAN = /\p{Script=Han}/gu;
const LATIN_LETTER = /[A-Za-z]/g;
/** A page is Chinese print where it reads this many ideographs or more, and this share of its letters and ideographs. */
const LEAST_IDEOGRAPHS = 20;
const IDEOGRAPH_SHARE = 0.3;

function isChinesePage(lines: readonly ReadLine[]): boolean {
  let ideographs = 0, letters = 0;
  for (const { text } of lines) {
    ideographs += text.match(HAN)?.length ?? 0;
    letters += text.match(LATIN_LETTER)?.length ?? 0;
  }
  return ideographs >= LEAST_IDEOGRAPHS && ideographs >= IDEOGRAPH_SHARE * (ideographs + letters);
}

/**
 * A decimal point read with a space after it (`25. 6`, `0. 8×25=`): SimSun and other Song faces
 * set half-width digits in cells with the point at the left of its own, leaving a space's blank
 * after it, and a cell holds too few glyphs to show the grid (see `monospace`). A proportional
 * face leaves that blank after a list's number before a number (`step 1. 2 bolts`), so only on a
 * page of Chinese print, which sets no space there; and not before Chinese (`1. 2019年`, a list's
 * item). A line that opens with the number keeps its space where the word after it holds letters
 * (`1. 25mm厚钢板`, an item's first word).
 */
const SPACED_POINT = /(?<=\d\.) (?=\d+(?![\d\p{Script=Han}]))/gu;
const OPENING_POINT = /^\d+\. (?=\d)/u;
const WORD_WITH_LETTERS = /^\S*\p{L}/u;

/**
 * An amount of thousands groups with a point among its separators where Chinese print has a
 * comma (`160.000,000`, `50.000.000`: small print's commas read as points). Chinese print's point
 * is a decimal one, so one before a comma, or two in one number, are commas. One point last
 * stays a decimal point (`1,250.500`), and three points with no comma may be an address (`192.168.100.200`).
 */
const GROUPED = /(?<![\d.,])\d{1,3}(?:[.,]\d{3}){2,}(?![.,]?\d)/gu;

function groupedAmount(amount: string): string {
  const points = amount.split('.').length - 1, commas = amount.split(',').length - 1;
  const decimal = points === 1 && amount.lastIndexOf('.') > amount.lastIndexOf(',');
  return (commas > 0 ? points > 0 && !decimal : points === 2) ? amount.replaceAll('.', ',') : amount;
}

function chineseNumbers(text: string): string {
  const opening = OPENING_POINT.exec(text);
  const keepOpening = opening !== null && WORD_WITH_LETTERS.test(text.slice(opening[0].length));
  const rest = keepOpening ? text.slice(opening[0].length) : text;
  const mended = rest.replace(SPACED_POINT, '').replace(GROUPED, groupedAmount);
  return keepOpening ? opening[0] + mended : mended;
}

/**
 * On a page of Chinese print, numbers as Chinese print sets them: no space after a decimal point,
 * commas between thousands (see `SPACED_POINT`, `GROUPED`).
 */
export function chineseNumberMarks(lines: readonly ReadLine[]): ReadLine[] {
  if (!isChinesePage(lines)) return [...lines];
  return lines.map((line) => {
    const text = chineseNumbers(line.text);
    return text === line.text ? line : { ...line, text };
  });
}
