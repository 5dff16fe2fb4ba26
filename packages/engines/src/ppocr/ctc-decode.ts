import type { Dictionary } from './dictionary.ts';
import type { StepScores } from './step-scores.ts';
import type { StripInk } from './strip-ink.ts';
import { unreadDegreeSign } from './degree-signs.ts';
import { isDiameterMark, unreadDiameterMark } from './diameter-glyphs.ts';
import { restoreDiameterMarks } from './diameter-marks.ts';
import { joinEmailAddresses } from './email-addresses.ts';
import { fixDigitLookalikes } from './digit-lookalikes.ts';
import { fixHexBytes } from './hex-bytes.ts';
import { fixSnakeCase } from './snake-case.ts';
import { restoreFrameSymbols } from './frame-symbols.ts';
import { withoutLeaderDashes } from './leader-dashes.ts';
import { fixAisi, fixCurrentSymbol, fixInOut, fixCapitalI, fixChineseFullStop, fixHanLookalikes, fixI2c, fixIdentifierIn, fixLAfterCapital, fixLetterCase, fixMicrometre, fixNotation, fixOutZero, fixPound, HAN } from './letter-lookalikes.ts';
import { SPACE_RUN } from './long-lines.ts';
import { restoreHanOne } from './han-numerals.ts';
import { inEvenCells, neighbouringCells } from './monospace.ts';
import { isOpeningNumber, spacedAfterNumber, spacedBetweenDigits } from './number-gap.ts';
import { isProductDot, spacedAfterMark, stopMarkShown, unreadLastMark } from './stop-marks.ts';
import { raisedDigit, unreadSquare } from './superscripts.ts';
import { joinFirstCapitals, spaceWordGaps, unspaceLetterGaps, type UnspacedGap } from './word-spaces.ts';
import { joinSchemes, lowerDomains } from './web-addresses.ts';
import { joinFileNames } from './file-names.ts';

/** Han, kana, CJK punctuation and full-width forms: no spaces go between these. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;

export function isCjk(char: string): boolean {
  return CJK.test(char);
}

/**
 * P(space) is read in the gap between two characters (the steps where the top class is blank or
 * space), not at the steps that emit them: there it leaks into both neighbouring gaps.
 *
 * The recogniser seldom makes a space its top class between Latin words; this much P(space) counts...
 */
const SPACE_PROBABILITY = 0.02;
/**
 * ...when the two characters start at least this many steps apart. Letters of one word start
 * 2 steps apart; with P(space) alone, `fi` and `th` in `filling`, `the` came out split.
 */
const SPACE_MIN_STEPS = 3;
/**
 * Small sans print (15-20 px lines, as a photographed bill or a scan at 120 dpi sets 10 pt) puts
 * words 2 steps apart where a letter leans back over the gap (`as follows for`, `bill amount`:
 * P(space) 0.10-0.15); letters of one word that close stay under 0.002. Degraded renders of 15
 * prose lines in four faces at 12-24 px read 12 more of 300 lines right and none worse with this.
 */
const CLOSE_WORDS_SPACE_PROBABILITY = 0.1;
const CLOSE_WORDS_STEPS = 2;
/**
 * Letters of one word start at most 5 steps apart (`m` to `o`, `W` to `h`) with P(space) under
 * 0.0003; now and then a whole line's spaces are 7 steps wide and read faint (0.007-0.019:
 * `forthshortenedas theAMDCN` in a scanned paper and in DejaVu Sans at 22 px).
 */
const WIDE_GAP_SPACE_PROBABILITY = 0.005;
const WIDE_GAP_STEPS = 7;
/** Marks that close on the word before them: a likely space is no reason to part them from it (`1.`, `Ra:`). */
const CLOSING = /^[.,:;!?)\]}%]$/;
/**
 * After such a mark the space class stays faint even where the print has one (`MATERIAL: AISI`,
 * `DRAWN: J. SMITH`: P(space) 0.0003 to 0.01), but the next character then starts 4 or more steps
 * after the narrow mark; where there is none (`Rev.A`, `12:30`, `Qty:4`) it starts 3 or fewer.
 */
const AFTER_MARK = /^[.,:;]$/;
const MARK_SPACE_PROBABILITY = 0.0002;
const MARK_SPACE_MIN_STEPS = 4;
/**
 * Small print sets the next word as close after the narrow mark as 2 steps, where the model leans
 * to the space (a form's `statement, or`, `subsidized, provide`, `12 months, listing`: P(space)
 * 0.04–0.43 after a comma; `et. seq` 0.15 after a stop); a word run on after a comma is rare.
 */
const COMMA_WORD_SPACE_PROBABILITY = 0.03;
const MARK_WORD_SPACE_PROBABILITY = CLOSE_WORDS_SPACE_PROBABILITY;
/**
 * Between letters and a number, too (`GB/T 1804`, `HRC 58`, `25 MPa`, `1450 r/min`: the model
 * learnt `HB220` and `5kW` from Chinese print). Rendered lines gave P(space) ≥ 0.00085 where the
 * print has a space and ≤ 0.00045 where it has none (`M16`, `42CrMo4`, `6g`). Letters but x, which
 * stands for × between numbers (`M12x1.75`, `1x45°`).
 */
const LETTER = /^[A-WYZa-wyz]$/;
const DIGIT = /^[0-9]$/;
const NUMBER_SPACE_PROBABILITY = 0.0008;
const NUMBER_SPACE_MIN_STEPS = 4;
/**
 * A capital L stands open on the right, and the model sees a gap after it: a part number's
 * `BL808`, `BL702`, `L1` read P(space) up to 0.0034 before the digit (four faces at 16–30 px,
 * clean and scanned; `BL 808` in a scanned datasheet's header at 0.001), where a space after an L
 * (`ROLL 0.5`, `RAL 5015`, `LEVEL 3`) read 0.009 or more.
 */
const OPEN_L = 'L';
const OPEN_L_SPACE_PROBABILITY = 0.005;
/**
 * Between words in capitals (`ISO VG 220`) P(space) can stay faint too (0.002 to 0.04); capitals
 * of one word mostly start 2 to 5 steps apart, and the few 6 apart stayed under 0.0013 (`THRU`).
 */
const CAPITAL = /^[A-Z]$/;
const CAPITALS_SPACE_PROBABILITY = 0.005;
/**
 * Inside a part number that mixes letters and digits (`GD32F150xx`, `GD32VF103C`, `+3V3`) or a
 * port's pin (`PA7`), a digit after a letter starts 3–5 steps on with P(space) up to 0.14 in
 * blurred scans, where a word space there (`0.1uF 50V`) read 0.019 or more: only this much, or a
 * space the model reads, parts them. Scans of GigaDevice's guides and datasheets: 0.0009–0.009
 * for 10 of 18 such splits.
 */
const CODE_SPACE_PROBABILITY = 0.01;
/** A word that is a code: letters and digits together, or a port's name before its pin's number. */
const CODE_WORD = /^(?=.*\d)(?=.*[A-Za-z])[\w+\-.]+$|^P[A-K]$/;
const CAPITALS_SPACE_MIN_STEPS = 6;
/** The × of `1200×800`, `M6×20` stands apart from its numbers: only a space the model reads counts there. */
const TIMES = '×';
/** Full-width marks carry their own spacing: no space goes on either side of them. */
const CJK_PUNCTUATION = /^[\u3000-\u303f\ufe30-\ufe4f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]$/u;
/**
 * Spaces beside Chinese (`技术要求 GB/T 3077`, `45钢 调质`, `用 M8 螺栓`), which Chinese text
 * mostly does without (`未注倒角C1`). Set from ~25,000 character pairs of rendered pages in sans,
 * Song and monospaced faces, 18-44 px: where the print has a space, the next character mostly
 * starts 6 or more steps on (a Han character is ~6 wide), where it has none 4 to 6, and P(space)
 * where there is none stays under 0.0005 but for the characters below; a gap of 4 or 5 steps
 * needs P(space) ≥ 0.005.
 */
const FROM_CJK_SPACE_PROBABILITY = 0.0005;
const FROM_CJK_SURE_PROBABILITY = 0.005;
const FROM_CJK_MIN_STEPS = 6;
const INTO_CJK_SPACE_PROBABILITY = 0.0005;
const BETWEEN_CJK_SPACE_PROBABILITY = 0.0015;
const CJK_SPACE_MIN_STEPS = 5;
/**
 * Justified Chinese prose stretches the gaps between its characters, and a scanned book's read up
 * to 1.4 times its usual pitch with P(space) up to 0.03 (`而 言`, `在 十七世纪`), as printed spaces
 * between Han words do on short lines (`45钢 调质`). Where a line holds this many pitches between
 * Han characters to tell its usual one, a space between them is taken only from a gap this many
 * times that pitch (a form's label and value, `汇入行名称 中国…`, stand 1.6–3 times apart) or
 * where the model reads it.
 */
const PROSE_PITCHES = 10;
const PROSE_SPACE_PITCH = 1.5;
/**
 * On a shorter line a space placed between Han characters needs more: photographed signs, slips
 * and small table cells read gaps of 5–8 steps between characters printed together with P(space)
 * 0.0015–0.025 (`碱性磷 酸 酶`, `中 国 工 商 银行`, `本网 点办`), where rendered notes' printed
 * spaces (`45钢 调质`) read 7–9 steps with 0.0058 or more. Kept where the model leans to it this
 * much, or the gap is this wide with this much (letter-spaced labels, `检 验：`, 12 steps).
 */
const SHORT_LINE_SPACE = [
  { steps: 0, probability: 0.03 },
  { steps: 7, probability: 0.004 },
  { steps: 10, probability: BETWEEN_CJK_SPACE_PROBABILITY },
];

/**
 * Han characters open on the right (角's hook, 孔's 乚): after them the model sees a gap where none
 * is printed (P(space) up to 0.09 in `倒角C1`, `圆角R2`, `孔M8`), so only a clear one counts.
 */
const OPEN_RIGHT = '角孔';
const OPEN_RIGHT_SPACE_PROBABILITY = 0.1;

/**
 * Whether the print has a space between `last` and `char`, which start `steps` steps apart with
 * `pSpace` the most P(space) in the gap; `emitted` when the space class was the top class there,
 * `inCode` when `last` ends a code (see CODE_WORD).
 */
function spaceBetween(last: string, char: string, steps: number, pSpace: number, emitted: boolean, inCode = false): boolean {
  const cjkBefore = isCjk(last);
  const cjkAfter = isCjk(char);
  if (!cjkBefore && !cjkAfter) {
    if (emitted) return true;
    if (CLOSING.test(char) || last === TIMES || char === TIMES) return false;
    if (inCode && LATIN_LETTER.test(last) && DIGIT.test(char)) return pSpace >= CODE_SPACE_PROBABILITY && steps >= SPACE_MIN_STEPS;
    if (pSpace >= SPACE_PROBABILITY && steps >= SPACE_MIN_STEPS) return true;
    if (LETTER.test(last) && LETTER.test(char) && pSpace >= CLOSE_WORDS_SPACE_PROBABILITY && steps >= CLOSE_WORDS_STEPS) return true;
    if (LETTER.test(last) && LETTER.test(char) && pSpace >= WIDE_GAP_SPACE_PROBABILITY && steps >= WIDE_GAP_STEPS) return true;
    if (AFTER_MARK.test(last) && LATIN_LETTER.test(char) && steps >= CLOSE_WORDS_STEPS && pSpace >= (last === ',' ? COMMA_WORD_SPACE_PROBABILITY : MARK_WORD_SPACE_PROBABILITY)) return true;
    if (AFTER_MARK.test(last)) return pSpace >= MARK_SPACE_PROBABILITY && steps >= MARK_SPACE_MIN_STEPS;
    if (CAPITAL.test(last) && CAPITAL.test(char)) return pSpace >= CAPITALS_SPACE_PROBABILITY && steps >= CAPITALS_SPACE_MIN_STEPS;
    const letterAndNumber = (LETTER.test(last) && DIGIT.test(char)) || (DIGIT.test(last) && LETTER.test(char));
    const least = last === OPEN_L && DIGIT.test(char) ? OPEN_L_SPACE_PROBABILITY : NUMBER_SPACE_PROBABILITY;
    return letterAndNumber && pSpace >= least && steps >= NUMBER_SPACE_MIN_STEPS;
  }
  if (CJK_PUNCTUATION.test(last) || CJK_PUNCTUATION.test(char) || CLOSING.test(char)) return false;
  if (!cjkAfter) {
    if (emitted) return true;
    if (OPEN_RIGHT.includes(last)) return pSpace >= OPEN_RIGHT_SPACE_PROBABILITY && steps >= FROM_CJK_MIN_STEPS;
    return pSpace >= FROM_CJK_SURE_PROBABILITY || (pSpace >= FROM_CJK_SPACE_PROBABILITY && steps >= FROM_CJK_MIN_STEPS);
  }
  if (!cjkBefore) return emitted || (pSpace >= INTO_CJK_SPACE_PROBABILITY && steps >= CJK_SPACE_MIN_STEPS);
  return pSpace >= BETWEEN_CJK_SPACE_PROBABILITY && steps >= CJK_SPACE_MIN_STEPS;
}

export interface DecodedLine {
  text: string;
  /** Mean probability of the characters read (a space placed from a gap is none); 0 when none were. */
  confidence: number;
  characters: number;
}

const LATIN_LETTER = /^[A-Za-z]$/;
/**
 * What a word after a mark opens with (`kW, 1450`, `MPa, flow`, `], [258`) where the strip is asked
 * for the space; not a 1, whose tabular cell leaves a blank before it as wide as a space
 * (`MASSSTAB:1:2`). Nor is it asked after a number's digit: a decimal or thousands mark stands
 * as far from a 1 after it as a space (`±0.10`).
 */
const OPENS_WORD = /^[A-Za-z02-9[(]$/;
/** A number's decimal or thousands mark, after which the recogniser now and then reads a space (`±0. 05`). */
const DECIMAL_MARK = /^[.,]$/;
/** A monospaced face's `_` fills its cell along the baseline, and the recogniser reads a space after it (`val_ loss`). */
const UNDERSCORE = '_';
/** Letters a monospaced face sets narrow in a wide cell, so that the recogniser reads a space beside them (see `monospace`). */
const NARROW = /^[Iijl]$/;
/** Units whose raised digit the strip is asked about end in a small letter (`mm²`, `m/s²`, `in²`): a capital's arm can stand as high. */
const SMALL_LETTER = /^[a-z]$/;
/** Celsius and Fahrenheit, whose degree sign the recogniser may leave unread (see `degree-signs`). */
const TEMPERATURE_SCALE = /^[CF]$/;

/**
 * Where the strip tells a space better than the scores (`scored`, from P(space) `pSpace`, `emitted`
 * where the space class was the top class) between the line read so far (`read`) and `char`,
 * emitted at steps `lastStart` and `t`: between digits whose gap reads faintly either way, and after
 * a number that opens a line before Chinese (see `number-gap`); after a stop, comma or colon that
 * the recogniser read none after, and none after a number's point where its mark stands as close
 * to the digits on both sides (see `stop-marks`); none beside a narrow letter or after a mark or
 * underscore in a monospaced line, whose cell leaves a blank as wide as a space (`Tensi le`,
 * `cli.py: 178`, `val_ loss`; see `monospace`), none beside an underscore that the strip shows
 * touching or close to its neighbour (see `blankBesideUnderscore`), after a mark only where it
 * stands as far from both neighbours (see `spacedAfterMark`).
 */
function spacedByStrip(ink: StripInk, read: readonly string[], char: string, lastStart: number, t: number, scored: boolean, pSpace: number, emitted: boolean): boolean {
  const last = read.at(-1)!;
  if (DIGIT.test(last) && DIGIT.test(char)) return spacedBetweenDigits(ink, lastStart, t, scored, pSpace, emitted);
  const narrowLetter = LATIN_LETTER.test(last) && LATIN_LETTER.test(char) && (NARROW.test(last) || NARROW.test(char));
  if (scored && (narrowLetter || last === UNDERSCORE) && neighbouringCells(ink, lastStart, t)) return false;
  if (scored && (narrowLetter || last === UNDERSCORE || char === UNDERSCORE) && inEvenCells(ink, lastStart, t)) return false;
  if (scored && (last === UNDERSCORE || char === UNDERSCORE) && blankBesideUnderscore(ink, lastStart, t) === false) return false;
  // Tabular digits fall on a grid in proportional faces too, where a mark hugs the digit before it (`1: 50`).
  if (scored && AFTER_MARK.test(last) && !isCjk(char) && neighbouringCells(ink, lastStart, t) && spacedAfterMark(ink, lastStart, t) === false) return false;
  if (!scored && HAN.test(char) && isOpeningNumber(read)) return spacedAfterNumber(ink, lastStart, t);
  if (!scored && AFTER_MARK.test(last) && OPENS_WORD.test(char) && !DIGIT.test(read.at(-2) ?? '')) return spacedAfterMark(ink, lastStart, t) ?? false;
  if (scored && DECIMAL_MARK.test(last) && DIGIT.test(char) && DIGIT.test(read.at(-2) ?? '')) return spacedAfterMark(ink, lastStart, t) ?? true;
  return scored;
}

/**
 * A word space beside an underscore leaves a blank at least this share of the strip's height wide.
 * In a proportional face `_` runs up to the glyphs beside it (`sdw_2015_03.pdf`: 0–3 px in a
 * 48 px strip), and the recogniser reads a space before it all the same (`sdw _2015 _03.pdf`); a
 * form's blank after its label (`Name: ______`) stands a word space off. An underscore below the
 * text's band of ink is cleared from the strip (see `strip-ink`): the letters either side then
 * stand its width apart, and the space read stays.
 */
const UNDERSCORE_SPACE = 0.15;

/**
 * Whether the strip shows a word space between the glyphs emitted at steps `before` and `after`,
 * one of them an underscore: false where they touch or stand closer than `UNDERSCORE_SPACE`,
 * undefined where other ink stands between them or either is not found.
 */
function blankBesideUnderscore(ink: StripInk, before: number, after: number): boolean | undefined {
  const left = ink.runAt(before, after);
  const right = ink.runAt(after);
  if (!left || !right) return undefined;
  if (left === right) return false;
  if (ink.next(left) !== right) return undefined;
  return right.start - left.end >= UNDERSCORE_SPACE * ink.height;
}

/**
 * CTC greedy decoding of one line: its `steps` steps of `scores` from `offset` on. Spaces are
 * placed from P(space) in the gap and the distance between characters (`spaceBetween`), whether
 * or not the space class was the top class. With the strip's `ink` (`StripInk`), what the scores
 * cannot tell is measured there: some spaces (`spacedByStrip`), a digit after a small letter that
 * may be raised (`mm²`, see `superscripts`), a degree sign left unread before a temperature's C or
 * F (see `degree-signs`), a diameter mark read as 0, 8 or O or not at all (see `diameter-glyphs`), and
 * a comma or hyphen read as a stop, a line's last mark not read at all, and the raised dot of a
 * product of units read as `-` or `.` (`N·m`; see `stop-marks`).
 */
export function decodeLine(scores: StepScores, offset: number, steps: number, dictionary: Dictionary, ink?: StripInk): DecodedLine {
  const { spaceIndex } = dictionary;
  const chars: string[] = [];
  // Undefined for a space placed from the gap and a mark seen only in the strip (°, Ø): no character the model read.
  const probabilities: Array<number | undefined> = [];
  let previous = 0;
  let gapSpace = 0;
  let spaceEmitted: number | undefined;
  let lastStart = 0;
  // Where the word being read starts in `chars`.
  let wordStart = 0;
  // Steps between Han characters one after another, and the spaces placed from such a gap alone
  // (by their place in `chars`, with the gap).
  const hanPitches: number[] = [];
  const hanSpaces: Array<{ at: number; steps: number; pSpace: number }> = [];
  // The step each of `chars` was emitted at (a placed space: the next character's).
  const starts: number[] = [];
  // Gaps between letters read without a space: the strip may show a word's blank there.
  const unspaced: UnspacedGap[] = [];
  for (let t = 0; t < steps; t++) {
    const best = scores.best[offset + t]!;
    if (best === 0 || best === spaceIndex) {
      gapSpace = Math.max(gapSpace, scores.spaceP[offset + t]!);
      if (best === spaceIndex && previous !== spaceIndex) spaceEmitted = Math.max(spaceEmitted ?? 0, scores.bestP[offset + t]!);
    } else if (best !== previous) {
      const char = dictionary.classes[best] ?? '';
      const last = chars.at(-1);
      // A full-width comma between Latin words is spaced as the comma it will be written as.
      const inCode = LATIN_LETTER.test(last ?? '') && DIGIT.test(char) && CODE_WORD.test(chars.slice(wordStart).join(''));
      const scored = last !== undefined && spaceBetween(halfWidth(last, chars.at(-2), char), halfWidth(char, last, undefined), t - lastStart, gapSpace, spaceEmitted !== undefined, inCode);
      const spaced = last !== undefined && (ink === undefined ? scored : spacedByStrip(ink, chars, char, lastStart, t, scored, gapSpace, spaceEmitted !== undefined));
      const degree = ink !== undefined && DIGIT.test(last ?? '') && TEMPERATURE_SCALE.test(char) ? unreadDegreeSign(ink, lastStart, t) : undefined;
      if (last !== undefined && (degree ? degree.spaced : spaced)) {
        if (spaceEmitted === undefined && HAN.test(last) && HAN.test(char)) hanSpaces.push({ at: chars.length, steps: t - lastStart, pSpace: gapSpace });
        chars.push(' ');
        probabilities.push(spaceEmitted);
        starts.push(t);
        wordStart = chars.length;
      }
      if (!spaced && LATIN_LETTER.test(last ?? '') && LATIN_LETTER.test(char)) unspaced.push({ step: t, pSpace: gapSpace });
      const opensNumber = DIGIT.test(char) && (spaced || !NUMBER_PART.test(last ?? ''));
      // I²C read `IC`: a word's first letter I, the C straight after it.
      const squared = ink !== undefined && !spaced && last === 'I' && char === 'C' && wordStart === chars.length - 1 && unreadSquare(ink, lastStart, t);
      if (squared) {
        chars.push('²');
        probabilities.push(undefined);
        starts.push(t);
      } else if (degree || (ink !== undefined && opensNumber && unreadDiameterMark(ink, last === undefined ? undefined : lastStart, t))) {
        chars.push(degree ? '°' : 'Ø');
        probabilities.push(undefined);
        starts.push(t);
      }
      chars.push(ink !== undefined && !spaced && SMALL_LETTER.test(last ?? '') ? raisedDigit(ink, char, lastStart, t) : char);
      probabilities.push(scores.bestP[offset + t]!);
      starts.push(t);
      if (last !== undefined && HAN.test(last) && HAN.test(char)) hanPitches.push(t - lastStart);
      gapSpace = 0;
      spaceEmitted = undefined;
      lastStart = t;
    }
    previous = best;
  }
  const pitch = hanPitches.length >= PROSE_PITCHES ? hanPitches.sort((a, b) => a - b)[hanPitches.length >> 1]! : undefined;
  for (const { at, steps, pSpace } of hanSpaces.reverse()) {
    const kept = pitch === undefined ? SHORT_LINE_SPACE.some((least) => steps >= least.steps && pSpace >= least.probability) : steps >= PROSE_SPACE_PITCH * pitch;
    if (kept) continue;
    chars.splice(at, 1);
    probabilities.splice(at, 1);
    starts.splice(at, 1);
  }
  if (ink !== undefined) {
    spaceWordGaps(chars, probabilities, starts, ink, unspaced);
    unspaceLetterGaps(chars, probabilities, starts, ink);
    joinFirstCapitals(chars, probabilities, starts, ink);
    restoreWideDiameterMarks(chars, starts, steps, ink);
    restoreHanOne(chars, starts, steps, ink);
    chars.forEach((char, i) => {
      const next = starts[i + 1] ?? steps;
      if ((char === '-' || char === '.') && betweenUnits(chars, i) && isProductDot(ink, starts[i]!, next)) chars[i] = '·';
      else if (char === '.') chars[i] = stopMarkShown(ink, starts[i]!, next, i === chars.length - 1);
    });
    closeEndHyphen(chars, probabilities, starts, steps, ink);
    const unread = unreadEndMark(chars, starts, ink);
    if (unread) {
      chars.push(unread);
      probabilities.push(undefined);
      starts.push(steps);
    }
  }
  const marks = fixHanLookalikes(chars);
  return finish(matchBracketWidths(marks.map((char, i) => halfWidth(char, marks[i - 1], marks[i + 1]))), probabilities);
}

/** What may stand before a digit inside a number: a digit, a letter of a code, a decimal mark, a diameter mark. */
const NUMBER_PART = /^[\p{L}\p{N}.,Ø]$/u;
/** Glyphs a diameter mark opening a number is read as. */
const DIAMETER_READINGS = /^[08Oo]$/;

/** A 0, 8 or O opening a number that the strip shows to be a diameter mark (see `diameter-glyphs`) written as Ø. */
function restoreWideDiameterMarks(chars: string[], starts: readonly number[], steps: number, ink: StripInk): void {
  chars.forEach((char, i) => {
    if (!DIAMETER_READINGS.test(char) || NUMBER_PART.test(chars[i - 1] ?? '') || !DIGIT.test(chars[i + 1] ?? '')) return;
    let end = i + 1;
    while (end < chars.length && /^[0-9.,]$/.test(chars[end]!)) end++;
    if (isDiameterMark(ink, starts[i]!, starts[end] ?? steps)) chars[i] = 'Ø';
  });
}

/** A letter of a unit's symbol (`N`, `kW`, `Pa`, `Ω`). */
const UNIT_LETTER = /^[A-Za-zΩ]$/;

/**
 * Whether the mark at `at` stands between the symbols of two units after a number, as the dot of a
 * product does (`25 N·m`, `3 kW·h`, spaces read around it or not): 1 to 3 letters on either side.
 */
function betweenUnits(chars: readonly string[], at: number): boolean {
  const symbol = (from: number, step: number): number => {
    let i = chars[from] === ' ' ? from + step : from;
    while (UNIT_LETTER.test(chars[i] ?? '')) i += step;
    const letters = Math.abs(i - from) - (chars[from] === ' ' ? 1 : 0);
    return letters >= 1 && letters <= 3 ? i : -1;
  };
  const before = symbol(at - 1, -1);
  const after = symbol(at + 1, 1);
  if (before < 0 || after < 0) return false;
  return DIGIT.test(chars[chars[before] === ' ' ? before - 1 : before] ?? '');
}

/**
 * A hyphen ending a line cuts the word before it: the recogniser now and then reads a space before
 * it (`look -`) or reads it twice (`tradi--`) on a scanned magazine page. The space goes where the
 * strip shows less blank than a word space before the hyphen's ink, the second hyphen where both
 * stand on one run of ink.
 */
function closeEndHyphen(chars: string[], probabilities: Array<number | undefined>, starts: number[], steps: number, ink: StripInk): void {
  const n = chars.length;
  if (chars[n - 1] !== '-' || !LATIN_LETTER.test(chars[n - 3] ?? '')) return;
  const hyphen = ink.runAt(starts[n - 1]!, steps);
  const before = chars[n - 2] === '-' ? ink.runAt(starts[n - 2]!, starts[n - 1]) : ink.runAt(starts[n - 3]!, starts[n - 2]);
  if (!hyphen || !before) return;
  const twice = chars[n - 2] === '-' && before === hyphen;
  const unspaced = chars[n - 2] === ' ' && hyphen.start - before.end < SPACE_RUN * ink.height;
  if (!twice && !unspaced) return;
  for (const list of [chars, probabilities, starts]) list.splice(n - 2, 1);
}

/** Marks that end a clause: no other is looked for after one. */
const ENDING_MARK = /^[.,:;!?\-。，：；！？、]$/u;
/** A Chinese line ends on a full-width stop or comma, never on a hyphen. */
const IN_CHINESE: Readonly<Record<string, string | undefined>> = { '.': '。', ',': '，' };

/** The stop, comma or hyphen after the line's last character that the strip shows and the model left unread (see `stop-marks`). */
function unreadEndMark(chars: readonly string[], starts: readonly number[], ink: StripInk): string | undefined {
  const last = chars.at(-1);
  if (last === undefined || ENDING_MARK.test(last)) return undefined;
  const mark = unreadLastMark(ink, starts.at(-1)!);
  return mark && chars.some((char) => HAN.test(char)) ? IN_CHINESE[mark] : mark;
}

const BRACKET_PAIRS: Record<string, string> = { '(': ')', '（': '）' };
const CLOSERS = new Set(Object.values(BRACKET_PAIRS));

/**
 * The recogniser picks each bracket's width on its own and can mix them in one pair (`阴性（-)`,
 * `增长量（吨)`). A mixed pair takes one width from what stands outside it: full width beside
 * Chinese, ASCII otherwise. Pairs of one width are left as read.
 */
function matchBracketWidths(chars: string[]): string[] {
  const open: number[] = [];
  const beside = (i: number, step: number): boolean => {
    let j = i + step;
    while (chars[j] === ' ') j += step;
    return chars[j] !== undefined && isCjk(chars[j]!);
  };
  chars.forEach((char, i) => {
    if (char in BRACKET_PAIRS) open.push(i);
    if (!CLOSERS.has(char) || open.length === 0) return;
    const at = open.pop()!;
    if (BRACKET_PAIRS[chars[at]!] === char) return;
    const full = beside(at, -1) || beside(i, 1);
    chars[at] = full ? '（' : '(';
    chars[i] = full ? '）' : ')';
  });
  return chars;
}

const FULL_WIDTH_OFFSET = 0xfee0;

/**
 * The dictionary holds full-width twins of ASCII (`２`, `（`). Letters and digits always are ASCII;
 * punctuation is where no Chinese character stands next to it.
 */
function halfWidth(char: string, before: string | undefined, after: string | undefined): string {
  const code = char.charCodeAt(0);
  if (code < 0xff01 || code > 0xff5e) return char;
  const ascii = String.fromCharCode(code - FULL_WIDTH_OFFSET);
  if (/[0-9A-Za-z]/.test(ascii)) return ascii;
  const chineseNeighbour = (neighbour: string | undefined): boolean => neighbour !== undefined && isCjk(neighbour) && !/[\uff01-\uff5e]/.test(neighbour);
  return chineseNeighbour(before) || chineseNeighbour(after) ? char : ascii;
}

/** Averages the characters read (spaces placed from gaps do not count), mends I/O, currents' I, l-for-I, letter case, o-for-。, °℃ and ℃℃, notation, o-for-0, hex bytes run together, 0-for-Ø, a leader's dashes on a radius and a control frame's symbols, and closes up addresses and file names read apart. */
function finish(chars: string[], probabilities: Array<number | undefined>): DecodedLine {
  let sum = 0;
  let count = 0;
  for (const p of probabilities) {
    if (p === undefined) continue;
    sum += p;
    count++;
  }
  // ℃ is one character; the recogniser now and then reads a degree sign before it as well, or
  // the wide glyph twice (Awinic's `45℃/W` read `45℃℃/W`).
  const text = chars.join('').replace(/°?℃+/gu, '℃');
  const mended = withoutLeaderDashes(restoreDiameterMarks(fixHexBytes(fixDigitLookalikes(fixNotation(fixAisi(fixPound(fixMicrometre(fixChineseFullStop(fixLetterCase(fixOutZero(fixLAfterCapital(fixCapitalI(fixIdentifierIn(fixSnakeCase(fixI2c(fixInOut(fixCurrentSymbol(text))))))))))))))))));
  return { text: joinFileNames(lowerDomains(joinSchemes(joinEmailAddresses(restoreFrameSymbols(mended))))), confidence: count === 0 ? 0 : sum / count, characters: count };
}
