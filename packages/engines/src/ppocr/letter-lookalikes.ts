/** One run of Latin letters and digits: a word or a code. */
const TOKEN = /[A-Za-z0-9]+/g;
const LOWERCASE_BUT_L = /[a-km-z]/;
const CAPITALS = /[A-Z]/g;
/**
 * `Cl` is chlorine (`HCl`, `NaClO`, `ClF3`), so an l after C stays, but before a capital no formula
 * sets after it (`AClA`, Rockwell's ACIA scanned).
 */
const LOOKALIKE_L = /(?<!C)l|(?<=C)l(?=[A-EG-NP-Z])/g;

/**
 * In sans-serif capitals the recogniser often reads I as l (`AlSl 304`, `lSO 9001`, `DlN`). A
 * token whose only lowercase letter is l and that holds at least two capitals is written in
 * capitals, so its l is an I. One capital is not enough: `Al` is aluminium.
 */
export function fixCapitalI(text: string): string {
  return text.replace(TOKEN, (token) => {
    if (!token.includes('l') || LOWERCASE_BUT_L.test(token) || (token.match(CAPITALS)?.length ?? 0) < 2) return token;
    return token.replace(LOOKALIKE_L, 'I');
  });
}

/** `AIST 304`: the last I of AISI read as T, where only a steel grade can follow. */
const AISI_GRADE = /\bAIST(?= ?\d{3,4}[A-Z]?(?![\w-]|\.\d))/g;

/** Mends AISI before a steel grade: the recogniser sometimes ends it with T, and AIST names no steel. */
export function fixAisi(text: string): string {
  return text.replace(AISI_GRADE, 'AISI');
}

/**
 * I²C with its I read as a bar, a bracket, l, 1, P or F beside the raised 2 (`|²C`, `P²C`, `1²C`),
 * or not at all (`²C`, but after a number: a degree sign), or as a bar or a bracket beside a 2
 * (`[2C`, `|2 C`), and MIPI's I3C read `13C`: the recogniser's readings of them rendered in four
 * faces at 16–24 px and scanned. Nothing else is written so.
 */
const I2C_RAISED = /(?<![A-Za-z0-9])[|[lI1PF]²C(?![A-Za-z0-9])/g;
const I2C_UNREAD_I = /(?<!\d ?)(?<![A-Za-z0-9])²C(?![A-Za-z0-9])/g;
const I2C_BAR = /(?<![A-Za-z0-9])[|[]2 ?C(?![A-Za-z0-9])/g;
const MIPI_I3C = /(?<=MIPI )13C/g;
/** ...and its I read twice beside a raised 2 read at full size (`I12C`, Cypress's FX2LP). */
const I2C_DOUBLED_I = /(?<![A-Za-z0-9])I[1l|]2C(?![A-Za-z0-9])/g;
/** ...so too in a bus's signal, its 2 set level (`I12C1_SCL` on Sipeed's MF1 pin map). */
const I2C_SIGNAL_DOUBLED_I = /(?<![A-Za-z0-9])I[1l|]2C(?=\d?_[A-Z])/g;

/** Mends I²C, I2C and MIPI I3C whose I was read as another stroke or not at all (see `I2C_RAISED`). */
export function fixI2c(text: string): string {
  return text.replace(I2C_RAISED, 'I²C').replace(I2C_UNREAD_I, 'I²C').replace(I2C_BAR, 'I2C').replace(MIPI_I3C, 'I3C').replace(I2C_SIGNAL_DOUBLED_I, 'I2C').replace(I2C_DOUBLED_I, 'I²C');
}

/**
 * I/O with its I read as a one or an l, its O as a zero, or its slash and O as `VO` (`1/0 ports`,
 * `I/0`, `peripheral 1VO`: Rockwell's R6522 datasheet scanned). A letter in it shows it is no
 * number; `1/0` alone is one (a cable's `1/0 AWG`), and is I/O only among words.
 */
const IN_OUT = /(?<![\p{L}\p{N}/.,])(?:[1lI]\/[0O]|1VO)(?![\p{L}\p{N}/])/gu;
const WORD_BEFORE = /\p{L}{2,}[,:]? $/u;
const WORD_AFTER = /^ \p{L}{2,}/u;
const WIRE_GAUGE = /^ ?(?:AWG|awg|kcmil|MCM)/u;

/** Mends I/O read with digits for its letters (see `IN_OUT`). */
export function fixInOut(text: string): string {
  return text.replace(IN_OUT, (read: string, at: number) => {
    if (read !== '1/0') return 'I/O';
    const after = text.slice(at + read.length);
    return !WIRE_GAUGE.test(after) && (WORD_BEFORE.test(text.slice(0, at)) || WORD_AFTER.test(after)) ? 'I/O' : read;
  });
}

/**
 * A current's symbol with its I read as a quote, a slash or an l before its subscript (`'cc`,
 * `/SB1`, `'LO`, `loL = 2.1 mA`: Atmel's AT24C02 DC characteristics): supply, standby, leakage,
 * input and output currents, whose subscripts follow no quote or slash otherwise (`/Q`, a
 * complement, is not among them).
 */
const CURRENT_SYMBOL = /(?<![\p{L}\p{N}])['‘’/|l](?=(?:CC|cc|DD|dd|SB\d?|LI|LO|OL|OH|oL|oH|IL|IH)(?![\p{L}'’"”]))/gu;

/**
 * ...or with it read as l or 1 before any subscript where a current is set equal to it
 * (`1F = 1 mA`, `lE = 100 μA`, `lc = 10 mA`: NEC's PS2653 test conditions, scanned).
 */
const CURRENT_SET = /(?<![\p{L}\p{N}.,])[l1](?=[A-Za-z]{1,3} ?= ?[-+]?\d[\d.,]* ?[mμµun]?A(?![\p{L}\p{N}]))/gu;

/** Mends a current's symbol read without its I (see `CURRENT_SYMBOL`, `CURRENT_SET`). */
export function fixCurrentSymbol(text: string): string {
  return text.replace(CURRENT_SYMBOL, 'I').replace(CURRENT_SET, 'I');
}

/**
 * A capital I that starts a word inside a code identifier read as l (`UartInitialize` read
 * `Uartlnitialize`, `CommProtocolInit` `CommProtocollnit`, in a Chinese protocol's scanned code):
 * `ln` and then the rest of Init, Input, Index, Info, Interrupt and the like begins no word in
 * English and falls inside none.
 */
const IDENTIFIER_IN = /(?<![A-Z0-9])ln(?=it|put|dex|fo|terrupt|stance|sert|stall|valid|clude|terval|teger|crease|dicat|form)/g;

/** Mends an identifier's `In` read `ln` (see `IDENTIFIER_IN`). */
export function fixIdentifierIn(text: string): string {
  return text.replace(IDENTIFIER_IN, 'In');
}

/**
 * A word's l after its first capital read as a capital I (`FIash`, `CIock`, `BIock` in scanned
 * datasheets): after B, C, F, G, P or S, and before three small letters or more, which only
 * English words starting bl, cl, fl, gl, pl or sl have (`UIkit`, `AIoT` and `SIM` stay).
 */
const L_AFTER_CAPITAL = /(?<![A-Za-z0-9])([BCFGPS])I(?=[a-z]{3,}(?![A-Za-z0-9]))/g;

/**
 * `All` with its two l read as capital Is (`AII`, `AIl`), as a sans face draws them; in a table's
 * row of `All` cells also read with ones or one l lost (`A11`, `AI1`, `AI`: SiRF's NMEA manual's
 * table of supported messages, scanned, read All so 8 times in 87).
 */
const ALL_AS_I = /(?<![\p{L}\p{N}])A(?:II|Il|lI)(?![\p{L}\p{N}])/gu;
const ALL_LIKE = /(?<![\p{L}\p{N}])A(?:[Il1|]{2}|I)(?![\p{L}\p{N}])/gu;
/** A line holds a row of `All` cells where it reads this many, at least, with letters for their ls. */
const ALL_ROW = 3;

/**
 * A clock's `Clk` in a code identifier with its l read as I or i (`ephCIkFlag`, `cgeeCikGpsWeek`,
 * SiRF's NMEA manual scanned): no word is spelt so.
 */
const CLK = /(?<![A-Z0-9])C[Ii]k(?=[A-Z0-9_]|(?![\p{L}\p{N}]))/gu;

/** Mends a word's l read as I after its first capital (see `L_AFTER_CAPITAL`), `Clk` (see `CLK`) and `All` read `AII` (see `ALL_AS_I`). */
export function fixLAfterCapital(text: string): string {
  const mended = text.replace(L_AFTER_CAPITAL, '$1l').replace(CLK, 'Clk').replace(ALL_AS_I, 'All');
  const alls = mended.match(/(?<![\p{L}\p{N}])All(?![\p{L}\p{N}])/gu)?.length ?? 0;
  return alls >= ALL_ROW ? mended.replace(ALL_LIKE, 'All') : mended;
}

/**
 * `Out` and `Output` with the O read as a zero, in a pin table's types (`In/0ut`, `In/0 ut`,
 * `0UTPUT`, Sony's CXD5605GF datasheet scanned): no number is followed so.
 */
const OUT_ZERO = /(?<![\p{L}\p{N}])(?:0 (?=ut(?:put)?s?(?![\p{L}\p{N}]))|0(?=(?:ut(?:put)?s?|UT(?:PUT)?S?)(?![\p{L}\p{N}])))/gu;

/**
 * ...and a pin's or a bit's name with OUT after its number (`T0OUT`, `RXD0OUT`, `EP1OUTBSY`:
 * Cypress's FX2LP), its 0 read as O (`TOOUT`: no word holds `OOUT`) or its O as a zero after
 * another digit (`EP10UTBSY`).
 */
const ZERO_BEFORE_OUT = /(?<=(?<![\p{L}\p{N}])\p{Lu}{1,4})O(?=OUT)/gu;
const OUT_AFTER_NUMBER = /(?<=(?<![\p{L}\p{N}])\p{Lu}{1,4}\d)0(?=UT)/gu;

/** Mends `Out` read `0ut` (see `OUT_ZERO`), and a name's number before OUT (see `ZERO_BEFORE_OUT`). */
export function fixOutZero(text: string): string {
  return text.replace(OUT_ZERO, 'O').replace(ZERO_BEFORE_OUT, '0').replace(OUT_AFTER_NUMBER, 'O');
}

/** Letters whose capital is the small letter drawn larger: the recogniser often gets their case wrong. */
export const CASELESS = 'cosvwxCOSVWX';
/** Small letters a word in capitals may hold by misreading: those, and i and l for I. */
const MISREAD_IN_CAPITALS = /^[cosvwxil]$/;
// Bounded by anything but Latin letters and digits: Chinese runs straight into it (`使用IS0`).
const WORD = /(?<![A-Za-z0-9])[A-Za-z0]+(?![A-Za-z0-9])/g;

/** A word in capitals written out: a small s or x ending it kept (`LEDs`, `NOx`), an l after C too (`HCl`). */
function inCapitals(word: string, smallEnd: boolean): string {
  const body = smallEnd ? word.slice(0, -1) : word;
  const capitals = body.replace(LOOKALIKE_L, 'I').replace(/[a-km-z0]/g, (char) => (char === '0' ? 'O' : char.toUpperCase()));
  return smallEnd ? capitals + word.at(-1)! : capitals;
}

/**
 * Mends letter case where the rest of the word shows it:
 * - a word in capitals (at least two, no other small letter) is all capitals: `ISo`, `MoVEMENT`,
 *   `CAUTioN`, `IS0`, `C0VER`; a plural s or an oxide's x after capitals stays (`LEDs`, `NOx`),
 *   and so does a three-letter word with a small letter in the middle (`CoG`, `IoT`);
 * - capital o, s, v, w, x or c at the end of a small-letter word are small: `foxeS`, `HardnesS`,
 *   `ClaSS` (CamelCase inside a word is left: `SolidWorks`).
 * Two-letter words are left alone: units tell case apart (`mV`, `MV`, `kW`).
 */
export function fixLetterCase(text: string): string {
  return besideCapitals(text.replace(WORD, (word) => {
    // Two zeros at the end or a leading one make a code (`AB00`), not a word with an O in it;
    // between letters they are a word's double O (a receipt's `GROUND FL00R`).
    if (word.length < 3 || /00$|^0/.test(word)) return word;
    const letters = [...word].filter((char) => char !== '0');
    const capitals = letters.filter((char) => char >= 'A' && char <= 'Z').length;
    const small = letters.length - capitals;
    const smallEnd = /[sx]$/.test(word);
    // A three-letter word with a small letter inside is a mixed-case acronym as often (`CoG`, `IoT`, `SoC`).
    const acronym = word.length === 3 && /^[A-Z][a-z][A-Z]$/.test(word);
    if (!acronym && capitals >= 2 && letters.every((char) => char <= 'Z' || MISREAD_IN_CAPITALS.test(char)) && (small > (smallEnd ? 1 : 0) || word.includes('0'))) {
      return inCapitals(word, smallEnd);
    }
    // The first letter may be a capital (`Hardness`), the rest small; a double s may end it (`ClaSS`), not `MacOS`.
    const end = /^(.[a-z]*[a-z]{2})(S+|[COSVWX])$/.exec(word);
    return end ? end[1]! + end[2]!.toLowerCase() : word;
  }));
}

/** A capital and then only letters drawn alike in either case (`Iso`, `Is0`, `Cos`), beside a word in capitals. */
const CAPITAL_THEN_CASELESS = /(?<![A-Za-z0-9])[A-Z][cosvwxz0]{2,}(?![A-Za-z0-9])/g;
const IN_CAPITALS = /^[A-Z0-9]{2,}$/;

/**
 * A word whose letters after the first could be capitals, beside a word in capitals, is in
 * capitals too (`Iso VG 46` → `ISO VG 46`, `Pos. Cvs LIST`): in a monospaced face and in scans
 * the recogniser reads s, o, v and the like small after a capital I.
 */
function besideCapitals(text: string): string {
  return text.replace(CAPITAL_THEN_CASELESS, (word, at: number) => {
    const before = /([A-Za-z0-9]+)[ ,]*$/.exec(text.slice(0, at))?.[1];
    const after = /^[ ,]*([A-Za-z0-9]+)/.exec(text.slice(at + word.length))?.[1];
    const capitals = [before, after].some((neighbour) => neighbour !== undefined && IN_CAPITALS.test(neighbour) && /[A-Z]/.test(neighbour));
    return capitals ? word.replace(/[a-z0]/g, (char) => (char === '0' ? 'O' : char.toUpperCase())) : word;
  });
}

/**
 * An o closing a Chinese line after a number, or after a number's unit: the small circle of `。`
 * (`未注倒角C1o`, `表面粗糙度Ra1.6μmo`).
 */
const FULL_STOP_AS_O = /(?<=\p{Script=Han}.*\d(?:\s?(?:[μu]m|mm|cm|m|MPa|GPa|kPa|Pa|kg|g|kN|N|N·m|°C|℃|°|%|kW|W|kV|V|mA|A|Hz|r\/min|rpm|min|h|s|mL|ml|L)|-[fmcv])?)o$/u;

/** Mends `。` read as o where a Chinese sentence ends on a number, its unit or a general tolerance class (`倒角C1。`, `Ra1.6μm。`, `GB/T 1804-m。`). */
export function fixChineseFullStop(text: string): string {
  return text.replace(FULL_STOP_AS_O, '。');
}

/** `um` after a number: the recogniser's reading of μm in scans (`Ra1.6um`), a unit print spells with μ. */
const MICRO_AS_U = /(?<=\d ?)um(?![A-Za-z])/g;

/** Mends μm read as um after a number (`Ra1.6μm`, `25 μm`); a word such as `umbrella` or `sum` is no unit. */
export function fixMicrometre(text: string): string {
  return text.replace(MICRO_AS_U, 'μm');
}

/**
 * `1b` after a number and a space, or after `ft-`, and `Ib` right after a number: the recogniser's
 * reading of the pound's `lb` (`165.0 1b`, `ft-1bf`, `12Ib`); `21b` is a number with its letter.
 * `Ib` compounded with another unit (`Ib-s²/ft`, `Ib/inch`), and `Ibf`, are the pound's too, in a
 * serif face wherever they stand: no word is spelt so.
 */
const POUND_AS_ONE = /(?:(?<=\d |\b(?:ft|in)-)[1I]|(?<=\d)I|(?<![\p{L}\p{N}])I(?=b[-/·]\p{Ll}|bf(?![\p{L}\p{N}])))(?=b[sf]?(?![\p{L}\p{N}]))/gu;

/** Mends lb read as 1b or Ib after a number (`165.0 lb`, `5 lbs`, `20 ft-lbf`). */
export function fixPound(text: string): string {
  return text.replace(POUND_AS_ONE, 'l');
}

/** Engineering notation the recogniser misreads by case or by a lookalike, with what it should read. */
const NOTATION_MENDS: ReadonlyArray<[RegExp, string | ((match: string) => string)]> = [
  // A metric thread with its length or pitch read with a small m (`m20×80`, `m10x1.25`).
  [/(?<![\p{L}\p{N}])m(?=\d+(?:\.\d+)? ?[x×X] ?\d)/gu, 'M'],
  // A chamfer under one read with a small c (`c0.5`, `co.5`): no other sign is written so.
  [/(?<![\p{L}\p{N}])c(?=[0oO][.,]\d)/gu, 'C'],
  // Kilowatts with a small w after a number (`7.5 kw`): no unit is spelt so.
  [/(?<=\d ?)kw(?![\p{L}\p{N}])/gu, 'kW'],
  // °C whose C reads as a zero or an O after a number (`+120 °0`); not minutes (`45°0'`).
  [/(?<=\d ?°)[0O](?![\p{L}\p{N}'′])/gu, 'C'],
  // A degree sign before C or F read as a double quote after a number (`120 "C`, `104 “F`): no
  // inch size is followed by a lone C or F.
  [/(?<=\d ?)["“”″](?=[CF](?![\p{L}\p{N}]))/gu, '°'],
  // ISO 2768's general tolerance classes, linear then geometric (`2768-mK`), read with a small k, h or l.
  [/(?<=2768[- ]?[fmcv])[hkl](?![\p{L}\p{N}])/gu, (letter: string) => letter.toUpperCase()],
  // ISO before a standard's number, a viscosity grade or a part (`Is0 2768`, `1S0 9001`, `lso VG 46`,
  // `IsO/TS`): in sans faces the recogniser reads its I as 1 or l, its S small, its O as a zero.
  [/(?<![\p{Script=Latin}\p{N}])[1lI][sS][O0o](?= ?(?:\d|VG\b)|\/)/gu, 'ISO'],
  // A product of units after a number read with spaces around its dot (`25 N · m`, `3 kW· h`).
  [/(?<=\d ?[A-Za-zΩ]{1,3}) ?· ?(?=[A-Za-zΩ]{1,3}(?![\p{L}\p{N}]))/gu, '·'],
  // An ingress rating whose I reads as a one (`1P55`, `lP65`): IP and two digits, the first 0–6.
  [/(?<![\p{L}\p{N}])[1l]P(?=[0-6X][0-9KX](?![\p{L}\p{N}]))/gu, 'IP'],
  // The dictionary has no ³: a cubic unit after a number reads with ? (`25 m?/h`, `7.85 g/cm?`), which
  // no unit holds. Read as ² or 3 it stays: m²/h (a coating's rate) and m3/h are written too.
  [/(?<=\d ?[a-zA-Z]?m)\?(?=\/)/gu, '³'],
  // A force over an area is a stress or a pressure (`600 N/mm?`, `5 kgf/cm?`): its ? stands for ².
  [/(?<=\d ?(?:[kM]?N|kgf|lbf)\/[a-zA-Z]?m)\?(?![\p{L}\p{N}])/gu, '²'],
  [/(?<=\d ?[A-Za-z]+\/[a-zA-Z]?m)\?(?![\p{L}\p{N}])/gu, '³'],
  // An O-ring's O read as a zero (`0-ring`, `0型圈`).
  [/(?<![\p{Script=Latin}\p{N}])0(?=-ring|[型形])/gu, 'O'],
  // An inch mark after a number read as two quotes, one a stroke (`NPT 1/2""`, `3/4''`).
  [/(?<=\d)(?:""|'')(?!["'])/gu, '"'],
  // A chamfer's 1 read as l after 倒角 (`未注倒角Cl。`), where chlorine cannot stand.
  [/(?<=倒角 ?)C[lI](?![\p{L}])/gu, 'C1'],
  // A citation's raised number in brackets after a word in a line of Chinese (`DCQCN[30]`,
  // `QCN[25]`), its `[` read as I, l or | and its `]` as a parenthesis: `DCQCNI30，`, `QCNI25）`.
  [/(?:(?<=\p{Script=Han}[^]*)|(?=[^]*\p{Script=Han}))(?<=\p{Script=Latin}{2}|\))[|Il](\d{1,3})[)）](?![\p{Script=Latin}\p{N}])/gu, '[$1]'],
  // An ohm read as Q after a number of its own, prefixed or not (`10kQ`, `0.3 Q`, `4 Q speaker`,
  // `1kQ的下拉电阻`): no unit is written Q. Not a part number's suffix (`LM358Q`), a variable before
  // an operator (`0.33 Q<150`), a quarter (`2Q`, `3Q 2024`), nor `Q&A` after a time.
  [/(?<=(?<![\p{L}\p{N}.,:])(?:\d+[.,]\d+|\d{2,}|[05-9]|\d (?=[kKmMG]?Q(?! \d))|\d(?=[kKmMG]Q)) ?[kKmMG]?)Q(?![\p{Script=Latin}\p{N}<>=≤≥&])/gu, 'Ω'],
  // ...and in parentheses after a resistance or an impedance (`Resistance (Q)`, `Impedance (kQ)`),
  // and as a resistor's value, however small (`RL=4Q`, `R =8Q`: a quarter is no resistor's).
  [/(?<=(?:[Rr]esistance|[Ii]mpedance) ?\([kKmM]?)Q(?=\))/gu, 'Ω'],
  [/(?<=(?<![\p{L}\p{N}])R[A-Za-z]? ?= ?\d+(?:[.,]\d+)? ?[kKmM]?)Q(?![\p{L}\p{N}])/gu, 'Ω'],
  // A package's thermal resistances θJA, θJC, θJB with the θ read as O or 0 (`封装热阻OJA`).
  [/(?<![A-Za-z0-9])[O0]J(?=[ABC](?![A-Za-z0-9]))/gu, 'θJ'],
  // Their unit °C/W with its ℃ read as a bare C (`190 C/W`).
  [/(?<=\d ?)C(?=\/W(?![\p{L}\p{N}]))/gu, '°C'],
  // A section's Roman numeral opening a line, an I read as l (`Il. Market Analysis`), before its heading.
  [/^(?=[IVXl]*l)(?=[IVXl]*[IVX])[IVXl]{2,5}(?=\. \p{Lu})/u, (numeral: string) => numeral.replaceAll('l', 'I')],
];

/** Mends a thread's or chamfer's sign, kW, °C, ISO, a product of units' dot, ISO 2768's classes, IP, cubic units, inch marks, O-rings, ohms and sections' Roman numerals read by case or as lookalikes (`m20×80`, `7.5 kw`, `120 °0`, `2768-mk`, `1P55`, `m?/h`, `1/2""`, `0-ring`, `10kQ`, `RL=4Q`, `OJA`, `190 C/W`, `Il.`). */
export function fixNotation(text: string): string {
  return NOTATION_MENDS.reduce(
    (mended, [pattern, replacement]) => (typeof replacement === 'string' ? mended.replace(pattern, replacement) : mended.replace(pattern, replacement)),
    text,
  );
}

/** A serif capital I, which the recogniser reads as 工 in Latin print (`NHANES 工工工` for `NHANES III`). */
const SERIF_I = '工';
/** A vertical bar, read as the radical 丨, which no document writes for itself (`REPORT丨 45`). */
const BAR = '丨';
export const HAN = /\p{Script=Han}/u;
/** A line with this many Latin letters and no Han character but those above is Latin print. */
const LATIN_LINE_LETTERS = 3;

/**
 * The Han zero, which the recogniser reads for a digit 0 set in Chinese prose (`工作在模式〇下`,
 * Ebyte's E32 manual): only Chinese numerals write it (`二〇一九`), so between two other Han
 * characters it is a digit.
 */
const HAN_ZERO = '〇';
const HAN_NUMERALS = /^[〇零一二三四五六七八九十百千万亿两]$/u;

/**
 * Mends the Han characters the recogniser reads for Latin marks: 丨 is a bar, 工 in a line of
 * Latin print a capital I, and 〇 within Han words a 0.
 */
export function fixHanLookalikes(chars: readonly string[]): string[] {
  const latin = chars.filter((char) => /^[A-Za-z]$/.test(char)).length >= LATIN_LINE_LETTERS;
  const serifI = latin && !chars.some((char) => HAN.test(char) && char !== SERIF_I && char !== BAR);
  const inWords = (char: string | undefined) => char !== undefined && HAN.test(char) && !HAN_NUMERALS.test(char);
  return chars.map((char, i) => {
    if (char === BAR) return '|';
    if (char === SERIF_I && serifI) return 'I';
    if (char === HAN_ZERO && inWords(chars[i - 1]) && inWords(chars[i + 1])) return '0';
    return char;
  });
}
