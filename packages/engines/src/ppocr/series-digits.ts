import type { ReadLine } from './readings.ts';

/**
 * A series' members, named by one stem and a digit each (`UART_SIG1` to `UART_SIG7`, a protocol's
 * fields `utcGpsA1`, `klobA1` to `klobA3`, the parameters `alpha2`, `beta3`), where the recogniser
 * reads member 0's digit as an O (`UART_SIGO`, `utcGpsAO`, `alphao`) and member 1's as an l or I
 * (`alphal`, `betal`): the page's other members tell the digit.
 */

/** A member as read: a stem of three letters at least, then one digit. */
const MEMBER = /(?<![\p{L}\p{N}])(\p{L}{3,})(\d)(?![\p{L}\p{N}])/gu;
/** A word that may be a member with its 0 or 1 read as a letter. */
const LOOKALIKE = /(?<![\p{L}\p{N}])(\p{L}{3,})([OoIl])(?![\p{L}\p{N}])/gu;
const DIGIT: Record<string, string> = { O: '0', o: '0', I: '1', l: '1' };
/** Capitals only (`ROW`, `FEM`), or a code's camel case (`utcGpsA`, `klobB`, `OSCInst`): a name, never a word. */
const NAME_STEM = /^(?:\p{Lu}+|\p{L}*\p{Ll}\p{Lu}\p{L}*|\p{L}*\p{Lu}{2}\p{Ll}\p{L}*)$/u;
/**
 * A stem in lowercase or a title's case is a series' only with four letters at least and two
 * members read: `alpha2` and `alpha3` make `alphal` alpha1, where `model` beside one `mode2`, or
 * `too` beside `to1`, stay words.
 */
const WORD_STEM_LETTERS = 4;
const WORD_STEM_MEMBERS = 2;

/**
 * A stem of two small letters is a series' where the page reads this many of its members: a
 * potentiometer bank's lines `ad0` to `ad7` (M5Stack's 8Angle schematic) read `ado`, `adl` beside
 * `ad2` … `ad7`, where `ado` is a word, and `too` beside `to1` and `to2` stays one.
 */
const PAIR_MEMBER = /(?<![\p{L}\p{N}])(\p{Ll}{2})(\d)(?![\p{L}\p{N}])/gu;
const PAIR_LOOKALIKE = /(?<![\p{L}\p{N}])(\p{Ll}{2})([oIl])(?![\p{L}\p{N}])/gu;
const PAIR_MEMBERS = 4;

/**
 * A pin's name of one or two capitals and a digit (`RS0` to `RS3`, `D0` to `D7`, `CS0`: Rockwell's
 * R6522 and R6551 scanned; `EP0 IN`, Cypress's FX2LP) read with an O for its 0: a series of this
 * many digits read at least, the O a capital, and after one capital no English word following
 * (`DO NOT`; `GO B4` is a pin's, ILITEK's ILI9341); nor a package's size (`TO-92`). Words and
 * names so spelt stay (`NO`, `IO`, `LDO`, `ISO`).
 */
const SHORT_STEM = /(?<![\p{L}\p{N}])(\p{Lu}{2}|\p{Lu}(?!O \p{Script=Latin}+(?![\p{L}\p{N}])))O(?![\p{L}\p{N}])(?!-\d)/gu;
const SHORT_MEMBER = /(?<![\p{L}\p{N}])(\p{Lu}{1,2})(\d)(?![\p{L}\p{N}])/gu;
const SHORT_STEM_DIGITS = 3;
/** ...two for a stem of two capitals (`SMO` beside an 8051's `SM1`, `SM2`), which fewer words share. */
const PAIR_STEM_DIGITS = 2;
/**
 * ...or one on its own line: a module's two mode pins, `MO、M1`, `MO = 0, M1 = 1`, `和 M1 配合`
 * (Ebyte's E32 manual), where the page has no third.
 */
const LINE_STEM_DIGITS = 1;
/**
 * A port's pin 0 (`PA0`, the pin WCH's IAP guide reads at boot) in a line about pins, where no
 * other of its port need be read: `GPIO 引脚（PAO 默认上拉输入）`.
 */
const PORT_STEM = /^P[A-K]$/;
const PIN_LINE = /GPIO|引脚|管脚|\b[Pp]ins?\b/;
/** A word's spelling (`GO`, `NO`) is a member where its line reads a run of this many others (`G5 G4 … G1 GO`). */
const RUN_DIGITS = 3;
const SHORT_WORDS = new Set(['CO', 'GO', 'IO', 'NO', 'SO', 'TO', 'LDO', 'ISO', 'TWO', 'AGO', 'PRO', 'ECO', 'BIO', 'GEO', 'NEO', 'DUO', 'CEO', 'UFO', 'EGO', 'SEO', 'ZOO']);
/**
 * A register's or a bit's name numbered in its middle (`EP2PING`, `EP4PING` … `EPOPING`: Cypress's
 * FX2LP register summary) read with an O for its 0, where the page reads two other numbers of
 * the same name at least.
 */
const INFIXED_MEMBER = /(?<![\p{L}\p{N}_])(\p{Lu}{1,4})(\d)(\p{Lu}{2,})(?![\p{L}\p{N}])/gu;
const INFIXED_LOOKALIKE = /(?<![\p{L}\p{N}_])(\p{Lu}{1,4})O(\p{Lu}{2,})(?![\p{L}\p{N}])/gu;
const INFIXED_DIGITS = 2;

/** Lines with a series' member 0 or 1 read with a letter for its digit mended (see LOOKALIKE, SHORT_STEM, INFIXED_MEMBER and PAIR_MEMBER). */
export function seriesDigits(lines: readonly ReadLine[]): ReadLine[] {
  const members = new Map<string, Set<string>>();
  const shortMembers = new Map<string, Set<string>>();
  const infixed = new Map<string, Set<string>>();
  const pairs = new Map<string, Set<string>>();
  const add = (series: Map<string, Set<string>>, name: string, digit: string) => series.set(name, (series.get(name) ?? new Set()).add(digit));
  for (const { text } of lines) {
    for (const [, stem, digit] of text.matchAll(MEMBER)) add(members, stem!, digit!);
    for (const [, stem, digit] of text.matchAll(SHORT_MEMBER)) add(shortMembers, stem!, digit!);
    for (const [, stem, digit, suffix] of text.matchAll(INFIXED_MEMBER)) add(infixed, `${stem} ${suffix}`, digit!);
    for (const [, stem, digit] of text.matchAll(PAIR_MEMBER)) add(pairs, stem!, digit!);
  }
  const isSeries = (stem: string): boolean => {
    const read = members.get(stem)?.size ?? 0;
    if (NAME_STEM.test(stem)) return read > 0;
    return stem.length >= WORD_STEM_LETTERS && read >= WORD_STEM_MEMBERS;
  };
  const isShortSeries = (stem: string, onLine: Map<string, Set<string>>, text: string): boolean =>
    (shortMembers.get(stem)?.size ?? 0) >= (stem.length === 2 ? PAIR_STEM_DIGITS : SHORT_STEM_DIGITS) ||
    (onLine.get(stem)?.size ?? 0) >= LINE_STEM_DIGITS ||
    (PORT_STEM.test(stem) && PIN_LINE.test(text));
  return lines.map((line) => {
    const onLine = new Map<string, Set<string>>();
    for (const [, stem, digit] of line.text.matchAll(SHORT_MEMBER)) add(onLine, stem!, digit!);
    const text = line.text
      .replace(LOOKALIKE, (whole, stem: string, letter: string) => (isSeries(stem) ? stem + DIGIT[letter]! : whole))
      .replace(SHORT_STEM, (whole, stem: string) => (isShortSeries(stem, onLine, line.text) && (!SHORT_WORDS.has(whole) || (onLine.get(stem)?.size ?? 0) >= RUN_DIGITS) ? `${stem}0` : whole))
      .replace(INFIXED_LOOKALIKE, (whole, stem: string, suffix: string) => ((infixed.get(`${stem} ${suffix}`)?.size ?? 0) >= INFIXED_DIGITS ? `${stem}0${suffix}` : whole))
      .replace(PAIR_LOOKALIKE, (whole, stem: string, letter: string) => ((pairs.get(stem)?.size ?? 0) >= PAIR_MEMBERS ? stem + DIGIT[letter]! : whole));
    return text === line.text ? line : { ...line, text };
  });
}
