import type { Dictionary } from './dictionary.ts';
import type { StepScores } from './step-scores.ts';
import { restoreDiameterMarks } from './diameter-marks.ts';
import { fixDigitLookalikes } from './digit-lookalikes.ts';
import { fixAisi, fixCapitalI } from './letter-lookalikes.ts';

/** Han, kana, CJK punctuation and full-width forms: no spaces go between these. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;

export function isCjk(char: string): boolean {
  return CJK.test(char);
}

/** The recogniser seldom makes a space its top class between Latin words; this much P(space) counts... */
const SPACE_PROBABILITY = 0.02;
/**
 * ...when the two characters start at least this many steps apart. Letters of one word start
 * 2 steps apart; with P(space) alone, `fi` and `th` in `filling`, `the` came out split.
 */
const SPACE_MIN_STEPS = 3;
/** Marks that close on the word before them: a likely space is no reason to part them from it (`1.`, `Ra:`). */
const CLOSING = /^[.,:;!?)\]}%]$/;
/**
 * After such a mark the space class stays faint even where the print has one (`MATERIAL: AISI`,
 * `DRAWN: J. SMITH`: P(space) 0.0007 to 0.01), but the next character then starts 4 or more steps
 * after the narrow mark; where there is none (`Rev.A`, `12:30`, `Qty:4`) it starts 3 or fewer.
 */
const AFTER_MARK = /^[.,:;]$/;
const MARK_SPACE_PROBABILITY = 0.0005;
const MARK_SPACE_MIN_STEPS = 4;

export interface DecodedLine {
  text: string;
  /** Mean probability of the emitted characters; 0 when none were emitted. */
  confidence: number;
  characters: number;
}

/**
 * CTC greedy decoding of one line: its `steps` steps of `scores` from `offset` on. Inserts a
 * space between two non-CJK characters where the space class is likely enough, and drops spaces
 * between two CJK characters.
 */
export function decodeLine(scores: StepScores, offset: number, steps: number, dictionary: Dictionary): DecodedLine {
  const { spaceIndex } = dictionary;
  const chars: string[] = [];
  const probabilities: number[] = [];
  let previous = 0;
  let spaceSinceLast = 0;
  let lastStart = 0;
  for (let t = 0; t < steps; t++) {
    const best = scores.best[offset + t]!;
    const bestP = scores.bestP[offset + t]!;
    const pSpace = scores.spaceP[offset + t]!;
    if (pSpace > spaceSinceLast) spaceSinceLast = pSpace;
    if (best !== 0 && best !== previous) {
      const char = dictionary.classes[best] ?? '';
      const last = chars.at(-1);
      const steps = t - lastStart;
      const likely = spaceSinceLast >= SPACE_PROBABILITY && steps >= SPACE_MIN_STEPS;
      const afterMark = last !== undefined && AFTER_MARK.test(last) && spaceSinceLast >= MARK_SPACE_PROBABILITY && steps >= MARK_SPACE_MIN_STEPS;
      const spaced = (likely || afterMark) && !CLOSING.test(char);
      if (best !== spaceIndex && last !== undefined && last !== ' ' && spaced && !isCjk(last) && !isCjk(char)) {
        chars.push(' ');
        probabilities.push(spaceSinceLast);
      }
      chars.push(char);
      probabilities.push(bestP);
      spaceSinceLast = pSpace;
      lastStart = t;
    }
    previous = best;
  }
  return finish(halfWidth(chars), probabilities);
}

const FULL_WIDTH_OFFSET = 0xfee0;

/**
 * The dictionary holds full-width twins of ASCII (`２`, `（`). Letters and digits always become
 * ASCII; punctuation does where no Chinese character stands next to it.
 */
function halfWidth(chars: string[]): string[] {
  return chars.map((char, i) => {
    const code = char.charCodeAt(0);
    if (code < 0xff01 || code > 0xff5e) return char;
    const ascii = String.fromCharCode(code - FULL_WIDTH_OFFSET);
    if (/[0-9A-Za-z]/.test(ascii)) return ascii;
    const before = chars[i - 1], after = chars[i + 1];
    const chineseNeighbour = (neighbour: string | undefined): boolean => neighbour !== undefined && isCjk(neighbour) && !/[\uff01-\uff5e]/.test(neighbour);
    return chineseNeighbour(before) || chineseNeighbour(after) ? char : ascii;
  });
}

/** Removes leading, trailing, doubled and between-CJK spaces, averages what is left, mends l-for-I, o-for-0 and 0-for-Ø. */
function finish(chars: string[], probabilities: number[]): DecodedLine {
  let text = '';
  let sum = 0;
  let count = 0;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (char === ' ') {
      const before = text.at(-1);
      const after = chars[i + 1];
      if (before === undefined || before === ' ' || after === undefined || after === ' ' || (isCjk(before) && isCjk(after))) continue;
    }
    text += char;
    sum += probabilities[i]!;
    count++;
  }
  return { text: restoreDiameterMarks(fixDigitLookalikes(fixAisi(fixCapitalI(text)))), confidence: count === 0 ? 0 : sum / count, characters: count };
}
