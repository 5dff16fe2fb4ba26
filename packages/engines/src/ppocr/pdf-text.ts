import { editDistance, type PageTextChar, type Point, type Quad } from '@ocr/contracts';
import type { ReadLine } from './readings.ts';
import { quadBounds, quadOverlap, quadSize, rotateQuad180 } from './geometry.ts';
import { CASELESS } from './letter-lookalikes.ts';

/**
 * Share of a line's characters (spaces aside) by which the reading and the PDF's own text there
 * may differ for the PDF's to be taken: room for what the recogniser gets wrong (`Ø` read as 0, the
 * `fl` ligature as f, a letter's case), far less than text set with a broken character map, or a
 * text layer that does not lie under the print (another program's OCR of a scan), differs by.
 */
const MAX_DIFFERENCE = 0.25;

/**
 * A page whose text the reading bears out on at least this share of its lines that have PDF text,
 * and on this many, is one whose text layer is what it prints: there a short line (SHORT_LINE
 * characters or fewer) whose reading differs from the PDF's text in one character takes the
 * text, which MAX_DIFFERENCE does not allow it (a timetable's calendar: `16` read `6`, `05` read
 * `65` in a condensed face at 6 pt).
 */
const TRUSTED = 0.8;
const TRUSTED_LINES = 8;
const SHORT_LINE = 4;
/**
 * A short number read less surely than this on such a page takes the PDF's number of as many
 * digits, however many it misreads: a QFP's pin `44` read `11` at 0.72 in 13 px print.
 */
const UNSURE_NUMBER = 0.85;
const DIGITS = /^\d+$/;

/** What a glyph is: a digit, a letter, or some other mark. */
function kind(char: string): string {
  return /\p{N}/u.test(char) ? 'digit' : /\p{L}/u.test(char) ? 'letter' : 'mark';
}

/**
 * Whether `read` differs from `own` (one edit apart at most) as a reading slips: a glyph left out
 * or added, or one read as another of its kind (`05` as `65`) or a lookalike. A mark read where the
 * PDF's text has a letter is its font's broken map, not a slip: a Japanese maker's symbol font
 * gives its minus sign as `Y` (`-40` over `Y40`).
 */
function oneSlip(read: readonly string[], own: readonly string[]): boolean {
  if (read.length !== own.length) return true;
  const at = read.findIndex((char, i) => char !== own[i]);
  if (at < 0) return true;
  const [a, b] = [read[at]!, own[at]!];
  return kind(a) === kind(b) || LOOKALIKES.some((shapes) => shapes.includes(a) && shapes.includes(b));
}

/**
 * Strokes a drawing's frames read as (a pin's box read `]`, `1` or `!` beside its number, a dotted
 * one `.`: Awinic's pin `6` read `6...`), where the PDF's text has no character.
 */
const FRAME_STROKES = "1lI|![](){}'.";

/**
 * Whether `read` is `own` with frame strokes added (see FRAME_STROKES): a datasheet's pins, each
 * number in a box of its own, read `124] 123] 1221 121]` over the PDF's `24 23 22 21`. A dotted
 * frame's stops come after the text it frames: between two of its characters, a stop is the
 * reading's sign of the gap between labels (a schematic's pins `4.3.2` over `432`).
 */
function framedBy(read: readonly string[], own: readonly string[]): boolean {
  if (read.length <= own.length) return false;
  let j = 0;
  for (const char of read) {
    if (j < own.length && char === own[j]) j++;
    else if (!FRAME_STROKES.includes(char) || (char === '.' && j > 0 && j < own.length)) return false;
  }
  return j === own.length;
}

/** Share of a line's characters by which the reading and the PDF's text there may differ in number. */
const MAX_LENGTH_DIFFERENCE = 0.1;
/**
 * A gap between characters of at least this many of the line's usual steps holds a space; one of
 * SOFT_WORD_GAP or more, where the reading has a space between the same characters: a schematic's
 * labels set apart by half a character (`17 PC7`, `PWR_FLAG GND` in KiCad's monospaced lettering)
 * stand 1.6 steps apart, as do `m` and `W` in a proportional face's `mW`, which the reading runs together.
 */
const WORD_GAP = 2;
const SOFT_WORD_GAP = 1.5;
/** The widest a glyph's advance is, in font sizes (see `textIn`). */
const WIDEST_GLYPH = 1.2;
/** Stands in the PDF's text for a gap of SOFT_WORD_GAP (or between labels, see `joined`), until the reading tells whether it holds a space. */
const SOFT_GAP = '\u0001';

/**
 * Shapes the recogniser takes for one another in any line, however short: a table cell's lone `0`
 * read as `o`, its `1` as `l`; a dash of one length for another (a nil cell's `―` read as `—`,
 * a minus sign as a hyphen). A reading that differs from the PDF's text only by these, or by the
 * case of letters whose capital is the small letter drawn larger (`CASELESS`: `2 X` over `2 x`),
 * is the PDF's, where in a line of three characters or fewer a single difference is more than
 * MAX_DIFFERENCE allows. Other letters keep their printed case (`CHAPITRE` set over `Chapitre`).
 */
const LOOKALIKES = ['0oOQD', '1lI|i!', '5sS', '2zZ', '8B', '9gq', '-‐‑‒–—―−一'];

function lookalikes(read: readonly string[], own: readonly string[]): boolean {
  return (
    read.length === own.length &&
    read.every((a, i) => {
      const b = own[i]!;
      return a === b || (CASELESS.includes(a) && a.toLowerCase() === b.toLowerCase()) || LOOKALIKES.some((shapes) => shapes.includes(a) && shapes.includes(b));
    })
  );
}

/**
 * Glyphs the recogniser reads as another number of glyphs: two set close read as one (`I/O` read
 * `VO` on a datasheet's pin types, `rn` read `m`), and Ω, which it barely knows, as a digit or two
 * (a schematic's `22Ω` read `2202`, `47Ω` read `47Q2`, `68Ω` read `682`).
 */
const READ_OTHERWISE: ReadonlyArray<readonly [string, string]> = [
  ['I/', 'V'],
  ['rn', 'm'],
  ['Ω', '02'],
  ['Ω', '2'],
  ['Ω', '0'],
];

/** Whether `read` is `own` with glyphs of it read otherwise (see READ_OTHERWISE), the rest alike. */
function readOtherwise(read: readonly string[], own: readonly string[]): boolean {
  const text = own.join('');
  return READ_OTHERWISE.some(([glyphs, as]) => text.includes(glyphs) && lookalikes(read, [...text.replaceAll(glyphs, as)]));
}

/**
 * Characters that name no printed character: controls, U+FFFD, private use. A font without a
 * proper ToUnicode (AutoCAD's symbol fonts) gives its ± as U+0093: the reading then knows better.
 */
const UNNAMED = /[\u0000-\u001f\u007f-\u009f\ufffd\ue000-\uf8ff\u{f0000}-\u{10ffff}]/u;

/** Characters paired at most in `namedAsRead`: its table grows as the product of the two lines' lengths. */
const MAX_ALIGNED = 250_000;

/**
 * The PDF's text with each character that names none (see UNNAMED) given as the reading has what
 * prints there, the two aligned character by character, spaces aside; left out where the reading
 * has nothing there. Word and Office write a list's bullet in Wingdings or Symbol as private use
 * (U+F06C, U+F0B7): a WCH datasheet's every bulleted line (`1.OmA(PLL/HSE` for `1.0mA（PLL/HSE`)
 * kept its misreadings for want of it. Undefined where such characters are more than
 * MAX_DIFFERENCE of the text: a font's whole map is broken, and the text says nothing; and
 * where the line is too long to align (see MAX_ALIGNED): it keeps its reading, as it did before.
 */
function namedAsRead(reading: string, own: string): string | undefined {
  if (!UNNAMED.test(own)) return own;
  const a = [...reading].filter((c) => c.trim() !== '');
  const b = [...own].map((char, at) => ({ char, at })).filter(({ char }) => char.trim() !== '');
  const unnamed = b.filter(({ char }) => UNNAMED.test(char)).length;
  if (unnamed > MAX_DIFFERENCE * b.length || a.length * b.length > MAX_ALIGNED) return undefined;
  // Pairing with a character that names none costs half: where the reading has nothing for it
  // (an emoji flag after `Germany`), leaving it out beats pairing it with a letter the text has too.
  const differs = (i: number, j: number) => (UNNAMED.test(b[j]!.char) ? 0.5 : a[i] === b[j]!.char ? 0 : 1);
  const cost = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cost[i]![j] = Math.min(cost[i - 1]![j]! + 1, cost[i]![j - 1]! + 1, cost[i - 1]![j - 1]! + differs(i - 1, j - 1));
  }
  const chars = [...own];
  for (let i = a.length, j = b.length; j > 0; ) {
    if (i > 0 && cost[i]![j] === cost[i - 1]![j - 1]! + differs(i - 1, j - 1)) {
      if (UNNAMED.test(b[j - 1]!.char)) chars[b[j - 1]!.at] = a[i - 1]!;
      i--, j--;
    } else if (cost[i]![j] === cost[i]![j - 1]! + 1 || i === 0) {
      if (UNNAMED.test(b[j - 1]!.char)) chars[b[j - 1]!.at] = '';
      j--;
    } else i--;
  }
  return chars.join('').replace(/\s+/g, ' ').trim();
}

/**
 * A character map that is broken for a CJK font alone (a subset of SimSun without ToUnicode
 * beside a Latin font with one) gives other ideographs in a line whose Latin text agrees:
 * `Buyer˖哾㦓` under `Buyer：黎荣`, within MAX_DIFFERENCE of the reading. The recogniser reads a
 * rare character as another now and then, not most of a line's: where two or more of the
 * line's ideographs differ, and more than half of them, the reading stays.
 */
const HAN = /\p{Script=Han}/gu;
const IDEOGRAPH = /^\p{Script=Han}$/u;

function ideographsDisagree(read: string, own: string): boolean {
  const a = (read.match(HAN) ?? []).join(''), b = (own.match(HAN) ?? []).join('');
  const differing = editDistance(a, b);
  return differing >= 2 && differing > Math.max([...a].length, [...b].length) / 2;
}

/**
 * For comparing only: spaces dropped, compatibility forms unfolded, the diameter mark the
 * recogniser reads as 0 made 0, Latin letters without their accents: the recogniser, trained on
 * Chinese and English, reads Czech `češtinou` as `cestinou` and `ěščřžýáíé` as `éscrzyaié`, and the
 * PDF's text, which has them, is the better.
 */
function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/\s+/g, '')
    .replace(/[Ø⌀∅]/g, '0');
}

/**
 * Full-width digits and Latin letters (`１３`, `ＨＢ`) as the ASCII the recogniser reads them as, so
 * a number reads the same from a PDF as from a scan and the structure step can parse it;
 * full-width punctuation (`，：`) is Chinese print's own and stays.
 */
function asciiAlphanumerics(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Marks that CAD programs draw as strokes rather than set in the text (SolidWorks' Ø, its depth
 * and counterbore signs): the PDF's text then reads `4x 11,00` where the sheet prints `4x Ø11,00`.
 * Each only where it does its job: a diameter or ± before a number, a degree sign after one.
 */
const DRAWN_MARK = /[ØΦφ⌀∅±](?=\s?\d)|(?<=\d)°/gu;

/** Each character's comparable form (see `comparable`), one entry per resulting character, with the index of the character it came from. */
function comparableChars(text: string): Array<{ key: string; at: number }> {
  const chars: Array<{ key: string; at: number }> = [];
  let at = 0;
  for (const char of text) {
    for (const key of comparable(char)) chars.push({ key, at });
    at += char.length;
  }
  return chars;
}

/**
 * The PDF's text with the marks the reading found that it lacks (see DRAWN_MARK), put where the
 * reading has them: aligned character by character, a mark the reading has over nothing in the
 * PDF's text goes before the PDF's character that follows it, spaced as the reading spaces it.
 */
function withDrawnMarks(reading: string, own: string): string {
  const marks = new Set([...reading.matchAll(DRAWN_MARK)].map((m) => m.index));
  if (marks.size === 0) return own;
  const a = comparableChars(reading), b = comparableChars(own);
  const cost = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const same = a[i - 1]!.key === b[j - 1]!.key ? 0 : 1;
      cost[i]![j] = Math.min(cost[i - 1]![j]! + 1, cost[i]![j - 1]! + 1, cost[i - 1]![j - 1]! + same);
    }
  }
  // From the end, pairing characters first: a mark read as 0 before a 0 (`Ø0.5`) is the one left over.
  const inserts: Array<{ mark: number; before: number }> = [];
  let i = a.length, j = b.length;
  while (i > 0) {
    const same = j > 0 && a[i - 1]!.key === b[j - 1]!.key ? 0 : 1;
    if (j > 0 && cost[i]![j] === cost[i - 1]![j - 1]! + same) {
      i--, j--;
    } else if (j > 0 && cost[i]![j] === cost[i]![j - 1]! + 1) {
      j--;
    } else {
      i--;
      if (marks.has(a[i]!.at)) inserts.push({ mark: a[i]!.at, before: j < b.length ? b[j]!.at : own.length });
    }
  }
  let text = own;
  // Inserts run from the end of the text back, so earlier places stay where they were.
  for (const { mark, before } of inserts) {
    const spaceBefore = before > 0 && /\s/.test(reading[mark - 1] ?? '') && !/\s/.test(text[before - 1]!);
    const spaceAfter = before < text.length && /\s/.test(reading[mark + 1] ?? '') && !/\s/.test(text[before]!);
    text = `${text.slice(0, before)}${spaceBefore ? ' ' : ''}${reading[mark]}${spaceAfter ? ' ' : ''}${text.slice(before)}`;
  }
  return text;
}

/** The words of `a` and `b` that are the same word, letter case and punctuation aside, paired in order (longest common subsequence). */
function sameWords(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const key = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const ka = a.map(key), kb = b.map(key);
  const common = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i]![j] = ka[i] === kb[j] && ka[i] !== '' ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (ka[i] === kb[j] && ka[i] !== '') pairs.push([i++, j++]);
    else if (common[i + 1]![j]! >= common[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/**
 * The PDF's text with a word's first letter a capital where the page prints one and the PDF's
 * character map gives a small letter (`the netherlands, poland` under `the Netherlands, Poland`;
 * `tABLE 1.` under `TABLE 1.`). Only there, and only in a word whose other letters are all small
 * or, three letters or more, all capitals: inside a word small capitals print what the text has
 * in small letters (`Abstract` set as `ABSTRACT`); letters whose capital is the small one drawn
 * larger (`CASELESS`), and symbols (`q1`, `pM`, italic in formulas), keep the PDF's case, the
 * reading's being the doubtful one. Words are paired, not characters: aligning characters costs
 * their lengths' product on every line of a page.
 */
function withPrintedCase(reading: string, own: string): string {
  const read = [...reading.matchAll(/\S+/g)], pdf = [...own.matchAll(/\S+/g)];
  let text = own;
  for (const [r, p] of sameWords(read.map((m) => m[0]), pdf.map((m) => m[0]))) {
    const word = pdf[p]![0], at = pdf[p]!.index;
    const capital = read[r]![0][0]!;
    const rest = /^\p{L}(\p{L}*)/u.exec(word)?.[1] ?? '';
    const plain = (rest.length >= 1 && rest === rest.toLowerCase()) || (rest.length >= 2 && rest === rest.toUpperCase());
    if (!plain || !/^\p{Ll}$/u.test(word[0]!) || capital !== word[0]!.toUpperCase() || CASELESS.includes(capital)) continue;
    text = text.slice(0, at) + capital + text.slice(at + 1);
  }
  return text;
}

/**
 * Radicals that stand for whole characters in the PDF's text: macOS and Skia (Chrome, XMind)
 * write some CJK fonts' ToUnicode with the radical's code point, so `用` comes out `⽤` (U+2F64),
 * which looks the same and is not found by a search. Kangxi radicals unfold to the character by
 * NFKC; the simplified forms of the supplement block that are characters of their own do not.
 */
const KANGXI_RADICAL = /[\u2f00-\u2fd5]/gu;
const SUPPLEMENT_RADICALS: Readonly<Record<string, string>> = {
  '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻓': '长', '⻔': '门', '⻘': '青', '⻙': '韦',
  '⻚': '页', '⻛': '风', '⻜': '飞', '⻢': '马', '⻣': '骨', '⻥': '鱼', '⻦': '鸟', '⻧': '卤',
  '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟', '⺟': '母',
  '⻄': '西', '⻝': '食', '⻤': '鬼', '⺠': '民',
};
const SUPPLEMENT_RADICAL = new RegExp(`[${Object.keys(SUPPLEMENT_RADICALS).join('')}]`, 'gu');

function wholeCharacters(text: string): string {
  return text.replace(KANGXI_RADICAL, (c) => c.normalize('NFKC')).replace(SUPPLEMENT_RADICAL, (c) => SUPPLEMENT_RADICALS[c]!);
}

/** Where `point` lies along the box's reading edge (u) and down its side (v): both 0..1 inside. */
function boxCoordinates([tl, tr, , bl]: Quad, [x, y]: Point): { u: number; v: number } {
  const ex = tr[0] - tl[0], ey = tr[1] - tl[1];
  const dx = bl[0] - tl[0], dy = bl[1] - tl[1];
  const px = x - tl[0], py = y - tl[1];
  return { u: (px * ex + py * ey) / (ex * ex + ey * ey || 1), v: (px * dx + py * dy) / (dx * dx + dy * dy || 1) };
}

/** First index in `chars` (sorted by y) whose y is at least `y`. */
function firstAtOrBelow(chars: readonly PageTextChar[], y: number): number {
  let low = 0, high = chars.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (chars[middle]!.y < y) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A character of the PDF's text with its place in the text's own order. */
type TextChar = PageTextChar & { order: number };

/** The PDF's characters sorted by y, each with its place in the text's own order. */
function inRows(chars: readonly PageTextChar[]): TextChar[] {
  return chars.map((c, order) => ({ ...c, order })).sort((a, b) => a.y - b.y);
}

/** A character of the PDF's text on a box's line: `u` along the box (0..1 inside), `near` its ends. */
type OnLine = { char: string; u: number; order: number; near: boolean; size?: number };

/**
 * The PDF's text in a box, spaced: `runsOn` where its line runs on past the box, the text then
 * the whole run's, `from`..`to` its extent along the box.
 */
interface BoxText {
  text: string;
  againstText: boolean;
  runsOn: boolean;
  /** Its line ends in a leader that runs on past the box, whose dots the text is given without. */
  ledOn: boolean;
  from: number;
  to: number;
  /** The first and last of its characters' places in the text's own order. */
  span: [number, number];
}

/**
 * Small marks that end a line, and closing brackets: a full-width `）` sits at the left of its
 * cell, so its middle lies past the end of the ink the box stops at (a WCH datasheet's
 * `Halt：1.0mA（PLL/HSE 不停止）`).
 */
const LAST_MARK = /^[.,;:。，、；：)）\]】」』]$/u;
/** A contents page's dot leader: a line runs on to its page number across it, but a run of text ends at it. */
const LEADER_DOT = /^[.·…]$/u;
/** A leader's dots at the end of a box's text, and the space before them. */
const TEXT_LEADER = /\s*[.·…]{2,}$/u;
/** The dots, or a comma, that a reading gives for the part of a leader its box holds (`启动方式选择，`). */
const READ_LEADER = /\s*[.·…,，。]+$/u;
/** A leader's end before a page number, the whole of a box's text: two dots or more, or dots and a space (`. 14`, `..26`). */
const TEXT_LEADER_IN = /^(?:[.·…]{2,}\s*|[.·…]+\s+)(?=\d+$)/u;
/** The dots a reading gives for a leader's end before a number. */
const READ_LEADER_IN = /^[.·…,，]+\s*/u;

/** Marks a leader drawn as strokes, not set as text, reads as. */
const LEADER_MARK = /^[-‐‑‒–—―−一－_~:.·…,，。]$/u;
/**
 * A leader drawn as strokes after an entry, read as two marks or more (`8.7 Reflow Test - —`,
 * `MEMS MIC- -:` on a Goertek contents page), where the PDF's text has none.
 */
const READ_DRAWN_LEADER = /(?:\s*[-‐‑‒–—―−一－_~:.·…,，。]){2,}$/u;

/**
 * The box's text without the dot leader its end runs into (a contents entry boxed with the first
 * dots after it, `功能引脚分配 ....`), where the reading gives one mark or none for two or more,
 * and without a leader's end before the page number that is the rest of it (`. 14`): they are no
 * part of the entry, or the number. A line ending in dots as printed (`and so...`) reads more of
 * them, where they do not run on past the box (see `ledOn`). The reading comes without the marks
 * it gives for them, and for a leader drawn as strokes (see READ_DRAWN_LEADER).
 */
function withoutLeader<T extends { text: string; ledOn: boolean }>(found: T, asRead: string): { found: T; reading: string } | undefined {
  if (found.ledOn) return { found, reading: asRead.replace(READ_LEADER, '') };
  const lead = TEXT_LEADER_IN.exec(found.text);
  if (lead) return { found: { ...found, text: found.text.slice(lead[0].length) }, reading: asRead.replace(READ_LEADER_IN, '') };
  const drawn = READ_DRAWN_LEADER.exec(asRead);
  const reading = drawn && drawn.index > 0 && !LEADER_MARK.test(found.text.at(-1) ?? '') ? asRead.slice(0, drawn.index) : asRead;
  const leader = TEXT_LEADER.exec(found.text);
  const read = READ_LEADER.exec(reading)?.[0].trim().length ?? 0;
  if (!leader || read > 1 || read >= leader[0].trim().length) return { found, reading };
  const text = found.text.slice(0, leader.index);
  return text === '' ? undefined : { found: { ...found, text }, reading: reading.replace(READ_LEADER, '') };
}

/** The PDF's characters across the band `box` spans, ordered along it; `chars` sorted by y. */
function bandOf(box: Quad, chars: readonly TextChar[]): OnLine[] {
  const bounds = quadBounds(box);
  // Room for a character beyond either end, whichever way the box runs.
  const margin = quadSize(box).height;
  const band: OnLine[] = [];
  // Only the band of rows the box spans is looked at: an A1 sheet holds tens of thousands of characters.
  for (let i = firstAtOrBelow(chars, bounds.top - margin); i < chars.length && chars[i]!.y <= bounds.bottom + margin; i++) {
    const { char, x, y, order, size } = chars[i]!;
    const { u, v } = boxCoordinates(box, [x, y]);
    if (v >= 0 && v <= 1) band.push({ char, u, order, size, near: x >= bounds.left - margin && x <= bounds.right + margin });
  }
  return band.sort((a, b) => a.u - b.u);
}

/** Whether a character of a box's band lies within the box. */
const inBox = (c: OnLine): boolean => c.near && c.u >= 0 && c.u <= 1;

/**
 * The PDF's text whose characters lie in `box`, in reading order along it (see BoxText); `chars`
 * sorted by y; undefined where the box holds none. Where the box's line of text runs on past
 * either end of it, the text layer's characters do not sit where the page prints them (a
 * substitute font's other widths), or the box holds part of a run only, and which characters are
 * the box's is a guess: the whole run is given, for a script the recogniser cannot read.
 */
function textIn(box: Quad, chars: readonly TextChar[], readElsewhere: (char: OnLine) => boolean = () => false): BoxText | undefined {
  const band = bandOf(box, chars);
  const onLine = band.filter((c) => c.near);
  const within = onLine.filter(inBox);
  // Runs set apart by position alone (a form's label and its value) have no space between them
  // in the text: a gap of two characters' steps or more is one.
  const steps = within.slice(1).map((c, i) => c.u - within[i]!.u).sort((a, b) => a - b);
  // Where the box's characters mostly stand further apart than any glyph is wide (a datasheet's
  // pins, a number to each box), their usual gap is no letter's: a digit's advance, half their font
  // size (half the box's height where the text does not tell it), is taken, as for a lone glyph.
  const { width, height } = quadSize(box);
  const sizes = within.flatMap((c) => (c.size ? [c.size] : [])).sort((a, b) => a - b);
  const em = width > 0 ? (sizes[sizes.length >> 1] ?? height) / width : 0;
  const usual = steps[steps.length >> 1];
  const step = usual === undefined ? (within.length === 1 ? em / 2 : 0) : usual > WIDEST_GLYPH * em ? em / 2 : usual;
  // The detector's box often stops short of the line's last small mark, a stop or a comma, whose
  // middle then lies just past its end (`… through WCH LinkUtility.`): the mark is the line's own.
  const after = onLine.filter((c) => c.char.trim() !== '' && c.u > 1 && c.u <= 1 + step);
  // A dot with more close after it is a leader's, not a stop (Awinic's contents: `引脚分布及标识图 ....`).
  const leads = (c: OnLine) => LEADER_DOT.test(c.char) && onLine.some((d) => d.u > c.u && d.u <= c.u + WORD_GAP * step && LEADER_DOT.test(d.char));
  const ownMarks = after.every((c) => LAST_MARK.test(c.char)) && !after.some(leads) ? after : [];
  const inside = [...within, ...ownMarks];
  // The dots at the box's end of a leader running on past it are no part of its line, however
  // many the reading has.
  const ledOn = inside.length > 0 && leads(inside.at(-1)!);
  while (ledOn && inside.length > 0 && (LEADER_DOT.test(inside.at(-1)!.char) || inside.at(-1)!.char.trim() === '')) inside.pop();
  if (inside.length === 0) return undefined;
  // A space prints nothing: one after the box's last word (Excel writes them) does not run the line
  // on; nor does a character that the text does not set next to the box's end one, another label's
  // drawn close by (a pin's number beside its name, `PA10` `31`, in an Altium sheet).
  const [head, tail] = [inside[0]!, inside.at(-1)!];
  const next = (c: OnLine, end: OnLine): boolean => Math.abs(c.order - end.order) === 1;
  // Nor does one another line's box holds and reads: a heading's number boxed apart from its words.
  const runsOn = (c: OnLine) => c.char.trim() !== '' && !ownMarks.includes(c) && !readElsewhere(c);
  if (onLine.some((c) => runsOn(c) && ((c.u < 0 && c.u >= -step && next(c, head)) || (c.u > 1 && c.u <= 1 + step && next(c, tail))))) {
    // The whole run the box lies on: its characters on either side, none a word's gap from the next.
    let first = band.indexOf(head), last = band.indexOf(tail);
    // Two dots in a row on the way out are a leader's.
    const leader = (a: number, b: number) => LEADER_DOT.test(band[a]?.char ?? '') && LEADER_DOT.test(band[b]?.char ?? '');
    while (first > 0 && band[first]!.u - band[first - 1]!.u < WORD_GAP * step && !leader(first - 1, first - 2)) first--;
    while (last + 1 < band.length && band[last + 1]!.u - band[last]!.u < WORD_GAP * step && !leader(last + 1, last + 2)) last++;
    const run = band.slice(first, last + 1);
    if (run.length > inside.length) return { ...joined(run, step), runsOn: true, ledOn, from: run[0]!.u - step / 2, to: run.at(-1)!.u + step / 2, span: spanOf(run) };
  }
  return { ...joined(inside, step), runsOn: false, ledOn, from: 0, to: 1, span: spanOf(inside) };
}

function spanOf(chars: readonly OnLine[]): [number, number] {
  const orders = chars.map((c) => c.order);
  return [Math.min(...orders), Math.max(...orders)];
}

/** Characters in order along a box, spaced by their gaps (see WORD_GAP), and whether that order runs against the text's own. */
function joined(chars: readonly OnLine[], step: number): { text: string; againstText: boolean } {
  const text = chars
    .map((c, i) => {
      const gap = i > 0 && step > 0 ? (c.u - chars[i - 1]!.u) / step : 0;
      // Characters side by side that the text sets far apart in its order belong to two labels
      // drawn apart (a pin's number and its name, `44 BOOT0` in an Altium sheet), however near.
      const apart = i > 0 && Math.abs(c.order - chars[i - 1]!.order) > 1;
      // Chinese sets no space between ideographs: a gap there is spaced only as read (an Altium
      // sheet's CJK font, set without its widths, spread `蓝灯`, `电源转换` a character apart).
      const ideographs = i > 0 && IDEOGRAPH.test(c.char) && IDEOGRAPH.test(chars[i - 1]!.char);
      return gap >= WORD_GAP && !ideographs ? ` ${c.char}` : gap >= SOFT_WORD_GAP || apart ? SOFT_GAP + c.char : c.char;
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  // The text's own order runs against the box where most characters come before the one beside
  // them along it: the classifier turned a line of a script it cannot read (Hangul) end for end.
  const turns = chars.slice(1).map((c, k) => Math.sign(c.order - chars[k]!.order));
  return { text, againstText: turns.filter((t) => t < 0).length > turns.filter((t) => t > 0).length };
}

/**
 * Letters of scripts the recogniser has (almost) no classes for, written left to right: kana,
 * Hangul, the Indic scripts, Thai… It reads them as lookalikes or not at all (pdfcpu's
 * `UserFont_CJKV.pdf`: `すべてのニーズに対応する…` read `二一 对応 P F 処理`, `모든 요구 사항에…`
 * read `l PDF *21.`), so no reading bears a PDF's text in them out: a line whose PDF text is at
 * least half such letters takes it as it stands. Left out: right-to-left scripts, whose
 * characters' order along the box is not the order they are read in, and Cyrillic and Greek,
 * which a Latin font's broken character map gives (`Ђ¶ѓ€` over `Bore`).
 */
const UNREAD_SCRIPT = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Armenian}\p{Script=Georgian}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Ethiopic}]/u;

function inUnreadScript(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length > 0 && letters.filter((char) => UNREAD_SCRIPT.test(char)).length * 2 >= letters.length;
}

/**
 * The PDF's text with each SOFT_GAP a space where the reading has one between the characters
 * either side, else nothing. A mark the reading puts before its space is a speck in the gap (a
 * pin's name and number read `PA14. 37`) where the PDF's text has none there. A space the reading
 * puts beside an underscore is none: the underscore runs into its neighbours (`22R L _USB DP` for
 * the labels `22R` and `L_USB_DP`).
 */
function spacedAsRead(text: string, reading: string): string {
  const specksOut = reading.replace(/[.,:;'`!|-]+(?= )/g, '');
  const underscoresJoined = reading.replace(/ ?_ ?/g, '_');
  return text
    .replaceAll(/([^\s\u0001]{0,2})\u0001(?=([^\s\u0001]{0,2}))/gu, (_, before: string, after: string) =>
      [reading, specksOut, underscoresJoined].some((read) => read.includes(`${before} ${after}`)) ? `${before} ` : before,
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The reading with each small letter the PDF's text has as a capital in the same place raised:
 * capitals set small (a subscript's, small capitals) read as small letters (Awinic's `tSU:DAT`
 * read `tsu:DAT`). Not the other way: text set in capitals from small letters (`CHAPITRE` over
 * `Chapitre`) prints capitals, which the reading has. Only where the two are as long, place for place.
 */
function raisedAsOwn(read: string[], own: readonly string[]): string[] {
  if (read.length !== own.length) return read;
  return read.map((char, i) => (char !== own[i] && char.toUpperCase() === own[i] ? own[i]! : char));
}

/**
 * The PDF's text in the line's box where it nearly agrees with the reading, or is in a script the
 * recogniser cannot read (see UNREAD_SCRIPT), with the marks the PDF draws as strokes kept;
 * undefined where they disagree or the box holds none. A line of such a script the detector boxed
 * in part (kana it took for no print) takes its whole run, its box widened to it; `span` names the
 * characters such a line takes.
 */
function pdfTextOf(line: ReadLine, byRow: readonly TextChar[], readElsewhere: (char: OnLine) => boolean): PdfTextOfLine | undefined {
  const boxed = textIn(line.box, byRow, readElsewhere);
  const unled = boxed && withoutLeader(boxed, line.text);
  if (!unled) return undefined;
  const { found, reading } = unled;
  const spaced = namedAsRead(reading, spacedAsRead(found.text, reading));
  if (!spaced) return undefined;
  const pdf = wholeCharacters(asciiAlphanumerics(spaced));
  if (inUnreadScript(pdf)) {
    const text = found.againstText ? [...pdf].reverse().join('') : pdf;
    return { text, agrees: true, nearly: true, span: found.span, ...(found.runsOn ? { box: alongBox(line.box, found.from, found.to) } : {}) };
  }
  const text = withDrawnMarks(reading, withPrintedCase(reading, pdf));
  const own = [...comparable(text)];
  const read = raisedAsOwn([...comparable(reading)], own);
  const longer = Math.max(read.length, own.length);
  const distance = editDistance(read.join(''), own.join(''));
  const framed = framedBy(read, own);
  const unsureNumber = longer <= SHORT_LINE && read.length === own.length && line.confidence < UNSURE_NUMBER && DIGITS.test(read.join('')) && DIGITS.test(own.join(''));
  const nearly = ((longer <= SHORT_LINE && distance <= 1 && oneSlip(read, own)) || framed || unsureNumber) && !ideographsDisagree(reading, text);
  // A short line whose run goes on a glyph past the box: the detector stopped short of a thin
  // one (a calendar's `13` boxed round its `3`). On a trusted page it takes the run, its box widened.
  if (found.runsOn) return nearly ? { text, agrees: false, nearly, box: alongBox(line.box, found.from, found.to) } : undefined;
  // What the recogniser misreads it misreads one for one (ligatures and ℃ unfold to as many
  // characters as it reads): text that is longer or shorter is another line's or part of one.
  const agrees =
    Math.abs(read.length - own.length) <= Math.max(1, MAX_LENGTH_DIFFERENCE * longer) &&
    !ideographsDisagree(reading, text) &&
    (distance <= MAX_DIFFERENCE * longer || lookalikes(read, own) || readOtherwise(read, own));
  // A line the classifier turned round (its box reads leftwards on the upright page) whose reading
  // agrees with the PDF's text taken the same way round is of glyphs that look alike turned (a
  // calendar's `08` read `80`): where the text's own order runs left to right, it is the print's.
  const [tl, tr] = line.box;
  const leftwards = tr[0] < tl[0] && Math.abs(tr[0] - tl[0]) > Math.abs(tr[1] - tl[1]);
  if (agrees && leftwards && found.againstText) return { text: [...text].reverse().join(''), agrees, nearly, box: rotateQuad180(line.box) };
  return { text, agrees, nearly };
}

/** The PDF's text for a line (see `pdfTextOf`): `agrees` where it is the line's, `nearly` where it is on a trusted page. */
interface PdfTextOfLine {
  text: string;
  agrees: boolean;
  nearly: boolean;
  box?: Quad;
  span?: [number, number];
}

/** The part of `box` from `from` to `to` along it (0..1 its ends; beyond them, past its ends). */
function alongBox([tl, tr, br, bl]: Quad, from: number, to: number): Quad {
  const at = ([x0, y0]: Point, [x1, y1]: Point, t: number): Point => [x0 + (x1 - x0) * t, y0 + (y1 - y0) * t];
  return [at(tl, tr, from), at(tl, tr, to), at(bl, br, to), at(bl, br, from)];
}

/** For each of the PDF's characters that some line's box holds, the lines whose reading has it. */
function readersOf(lines: readonly ReadLine[], byRow: readonly TextChar[]): Map<number, ReadLine[]> {
  const readers = new Map<number, ReadLine[]>();
  for (const line of lines) {
    for (const c of bandOf(line.box, byRow)) {
      if (inBox(c) && line.text.includes(c.char)) readers.set(c.order, [...(readers.get(c.order) ?? []), line]);
    }
  }
  return readers;
}

/**
 * Lines with the PDF's text where `pdfTextOf` gives it and it agrees, or nearly agrees on a page
 * whose text the reading bears out (`trusting`; see TRUSTED); `keep` decides for the others. Of
 * lines that take the same characters of a script the recogniser cannot read, the one taking the
 * most stays: boxes on one run each take all of it.
 */
function withPdfText(lines: readonly ReadLine[], chars: readonly PageTextChar[], keep: boolean, trusting = false): ReadLine[] {
  const byRow = inRows(chars);
  const readers = readersOf(lines, byRow);
  // A character past a line's box that another line clear of it reads is that line's (see `textIn`).
  const checked = lines.map((line) => pdfTextOf(line, byRow, (c) => readers.get(c.order)?.some((reader) => reader !== line && quadOverlap(reader.box, line.box) === 0) ?? false));
  const agreeing = checked.filter((f) => f?.agrees).length;
  const trusted = trusting && agreeing >= TRUSTED_LINES && agreeing >= TRUSTED * checked.filter((f) => f !== undefined).length;
  const found = checked.map((f) => (f && (f.agrees || (trusted && f.nearly)) ? f : undefined));
  const kept: Array<[number, number]> = [];
  const dropped = new Set<number>();
  const spans = found.flatMap((f, i) => (f?.span ? [{ i, span: f.span }] : [])).sort((a, b) => b.span[1] - b.span[0] - (a.span[1] - a.span[0]));
  for (const { i, span } of spans) {
    if (kept.some(([first, last]) => span[0] <= last && first <= span[1])) dropped.add(i);
    else kept.push(span);
  }
  return lines.flatMap((line, i) => {
    const f = found[i];
    if (dropped.has(i)) return [];
    if (!f) return keep ? [line] : [];
    return [{ ...line, text: f.text, ...(f.box ? { box: f.box } : {}) }];
  });
}

/**
 * For a PDF page that carries its own text: each line read from the pixels takes the PDF's text
 * in its box where the two nearly agree, which gives the characters the recogniser cannot read
 * (`Ø`, `℃`, ligatures) and mends its slips, keeping the marks the PDF draws as strokes. Where
 * they disagree the reading stays: what prints is what counts, and a text layer can be garbage.
 */
export function preferPdfText(lines: readonly ReadLine[], chars: readonly PageTextChar[]): ReadLine[] {
  return withPdfText(lines, chars, true, true);
}

/**
 * Of lines read too unsurely to keep, those the PDF's own text in their box bears out, with that
 * text: a table's lone `0` reads as `o` or `0` at 0.2–0.5, and dozens of a dense table's cells
 * were dropped as noise while the page's text said what they hold.
 */
export function borneOutByPdfText(doubtful: readonly ReadLine[], chars: readonly PageTextChar[]): ReadLine[] {
  return withPdfText(doubtful, chars, false);
}
