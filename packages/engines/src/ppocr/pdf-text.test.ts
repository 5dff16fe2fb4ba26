import { describe, expect, it } from 'vitest';
import type { PageTextChar, Quad } from '@ocr/contracts';
import type { ReadLine } from './readings.ts';
import { quadBounds } from './geometry.ts';
import { borneOutByPdfText, preferPdfText } from './pdf-text.ts';

/** The PDF's text as a line of characters 10 px apart from (x, y), along +x. */
function layer(text: string, x: number, y: number): PageTextChar[] {
  return [...text].map((char, i) => ({ char, x: x + 5 + i * 10, y }));
}

function line(text: string, box: Quad): ReadLine {
  return { text, confidence: 0.9, box, characters: text.replace(/\s/g, '').length };
}

const BOX: Quad = [[0, 0], [300, 0], [300, 20], [0, 20]];

/** The text `preferPdfText` gives a line read as `reading` over the PDF text `pdf`, both in BOX. */
const take = (reading: string, pdf: string) => preferPdfText([line(reading, BOX)], layer(pdf, 0, 10))[0]!.text;

describe('preferPdfText', () => {
  it('takes the PDF’s text in a line’s box where the reading nearly agrees with it', () => {
    const [read] = preferPdfText([line('Bore 020 H7, foating', BOX)], layer('Bore Ø20 H7, floating', 0, 10));
    expect(read).toMatchObject({ text: 'Bore Ø20 H7, floating', confidence: 0.9, box: BOX });
  });

  it('takes full-width digits and letters as ASCII, as a scan reads them, and full-width punctuation as it is', () => {
    expect(preferPdfText([line('游击战争的解释 11，HB220', BOX)], layer('游击战争的解释 １１，ＨＢ２２０', 0, 10))[0]!.text).toBe('游击战争的解释 11，HB220');
  });

  it('takes the PDF’s accented Latin letters, which the recogniser reads without their accents', () => {
    // PDFBox's Czech sample: `ěščřžýáíé` read `éscrzyaié`.
    const wide: Quad = [[0, 0], [600, 0], [600, 20], [0, 20]];
    const czech = 'Toto je pokusný text s češtinou – ěščřžýáíé';
    expect(preferPdfText([line('Toto je pokusny text s cestinou - éscrzyaié', wide)], layer(czech, 0, 10))[0]!.text).toBe(czech);
    expect(take('Kromeriz, Zurich, Malmo', 'Kroměříž, Zürich, Malmö')).toBe('Kroměříž, Zürich, Malmö');
    // The letters under the accents still count: other letters with accents are not taken.
    expect(take('Kromeriz', 'Ďěčíňšťů')).toBe('Kromeriz');
  });

  it('takes the PDF’s text in a script the recogniser cannot read (kana, Hangul, Thai) whatever the reading', () => {
    // pdfcpu's `UserFont_CJKV.pdf`: Japanese read as Han lookalikes, Korean as a few Latin marks.
    const japanese = 'すべてのニーズに対応するインスタントPDF処理。';
    expect(take('二一 对応 P F 処理', japanese)).toBe(japanese);
    expect(take('l PDF *21.', '모든 요구 사항에 맞는 PDF 처리.')).toBe('모든 요구 사항에 맞는 PDF 처리.');
    expect(take('a', 'ภาษาไทย')).toBe('ภาษาไทย');
    // A line the detector boxed in part, kana it took for no print left out, takes its whole run
    // and a box widened to it; another box on the same run adds nothing.
    const run = layer(japanese, 0, 10);
    const part: Quad = [[100, 0], [180, 0], [180, 20], [100, 20]];
    const rest: Quad = [[190, 0], [240, 0], [240, 20], [190, 20]];
    const taken = preferPdfText([line('二一 对応', part), line('処理', rest)], run);
    expect(taken.map((l) => l.text)).toEqual([japanese]);
    expect(taken[0]!.box[0][0]).toBeCloseTo(0);
    expect(taken[0]!.box[1][0]).toBeCloseTo(240);
    expect(borneOutByPdfText([line('二一', part), line('処理', rest)], run).map((l) => l.text)).toEqual([japanese]);
    // A line the classifier turned end for end (its box runs right to left) is given in the text's own order.
    const turned: Quad = [[300, 20], [0, 20], [0, 0], [300, 0]];
    expect(preferPdfText([line('lo *', turned)], layer('할인점 적립', 0, 10))[0]!.text).toBe('할인점 적립');
    // Under half of the line's letters so: its Latin and Han text must agree as before.
    expect(take('Nothing alike here', 'Other words 의')).toBe('Nothing alike here');
    // Nor Cyrillic or Greek, which a broken character map gives, nor right-to-left scripts.
    expect(take('Bore 20', 'Ђѓљњ 20')).toBe('Bore 20');
    expect(take('abc', 'שלום')).toBe('abc');
  });

  it('takes radicals the PDF’s text has for whole characters (macOS, Skia) as those characters', () => {
    // XMind's export via Skia: `用`, `又`, `一`, `方`, `角`, `骨` written as radicals.
    const pdf = '⽤化学式来描述⼜称⼀种⽅法，⻆度和⻣架在⻄';
    const [read] = preferPdfText([line('用化学式来描述又称一种方法，角度和骨架在西', BOX)], layer(pdf, 0, 10));
    expect(read!.text).toBe('用化学式来描述又称一种方法，角度和骨架在西');
  });

  it('takes the PDF’s text in a short box that the reading gets wrong only by lookalike shapes (a table’s lone cells)', () => {
    expect(take('o', '0')).toBe('0');
    expect(take('l', '1')).toBe('1');
    expect(take('lo', '10')).toBe('10');
    expect(take('—', '―')).toBe('―');
    expect(take('-', '−')).toBe('−');
    expect(take('5o', 'SO')).toBe('SO');
    // Two glyphs set close read as one: a datasheet's pin type `I/O` read `VO`, `rn` read `m`.
    expect(take('VO', 'I/O')).toBe('I/O');
    expect(take('Tum', 'Turn')).toBe('Turn');
    expect(take('VO', 'IO')).toBe('VO');
    // Ω, which the recogniser barely knows, read as a digit or two: a schematic's resistors.
    expect(take('2202', '22Ω')).toBe('22Ω');
    expect(take('47Q2', '47Ω')).toBe('47Ω');
    expect(take('682', '68Ω')).toBe('68Ω');
    expect(take('4.7kO', '4.7kΩ')).toBe('4.7kΩ');
    // Beside letters that agree: a schematic's pin and part names (`PA0`, `U1B` read `PAO`, `UIB`).
    expect(take('PAO', 'PA0')).toBe('PA0');
    expect(take('UIB', 'U1B')).toBe('U1B');
    expect(take('PAX', 'PA0')).toBe('PAX');
    // One other character is a quarter or more of a short line: the reading stays.
    expect(take('W2', 'w2')).toBe('w2');
    // Letters whose case shows in their shape keep the case they print in.
    expect(take('CHAPITRE 5', 'Chapitre 5')).toBe('CHAPITRE 5');
    // Capitals set small (a subscript's) read as small letters take the PDF's capitals: Awinic's `tSU:DAT`.
    expect(take('tsu:DAT', 'tSU:DAT')).toBe('tSU:DAT');
    expect(take('tpd', 'tPD')).toBe('tPD');
    expect(take('o', 'a')).toBe('o');
    expect(take('lo', '1a')).toBe('lo');
    expect(take('o', '00')).toBe('o');
  });

  it('keeps the reading where the PDF’s text there is something else (a broken character map)', () => {
    const lines = [line('Bore Ø20 H7', BOX)];
    expect(preferPdfText(lines, layer('Ђ¶ѓ€ 0_1 ‰…', 0, 10))[0]!.text).toBe('Bore Ø20 H7');
  });

  it('keeps the reading where the PDF’s ideographs differ though its Latin text agrees (a CJK font’s broken character map)', () => {
    // pdfminer's issue 566: SimSun subset without ToUnicode beside one with it.
    expect(take('ISSUE Date: 2019-4-25 Buyer:：黎荣', 'ISSUE Date˖2019-4-25 Buyer˖哾㦓')).toBe('ISSUE Date: 2019-4-25 Buyer:：黎荣');
    // One rare character the recogniser does not know, among others it reads: the PDF's is taken.
    expect(take('设计：王吉 审核：李四', '设计：王喆 审核：李四')).toBe('设计：王喆 审核：李四');
  });

  it('gives a character the PDF’s text cannot name (a control code, U+FFFD, private use) as the reading has it, and takes the rest', () => {
    for (const unnamed of ['\u0093', '\ufffd', '\ue000', '\u{f0041}']) {
      expect(preferPdfText([line('Symbo1: ±', BOX)], layer(`Symbol: ${unnamed}`, 0, 10))[0]!.text).toBe('Symbol: ±');
    }
    expect(preferPdfText([line('Symbol: +', BOX)], layer('Symbol: ±', 0, 10))[0]!.text).toBe('Symbol: ±');
    // A Word bullet in Wingdings (WCH's CH592 datasheet): the line's misreadings mended, the bullet as read.
    expect(take('●Halt:1.OmA(PLL/HSE不停止)', '\uf06c Halt：1.0mA（PLL/HSE不停止）')).toBe('● Halt：1.0mA（PLL/HSE不停止）');
    // One the reading has nothing for is left out.
    expect(take('Halt:1.OmA', '\uf06c Halt：1.0mA')).toBe('Halt：1.0mA');
    expect(take('Germany', 'Germany \u{f0001}')).toBe('Germany');
    // A line too long to align keeps its reading.
    const wide: Quad = [[0, 0], [6000, 0], [6000, 20], [0, 20]];
    const long = 'x'.repeat(598);
    expect(preferPdfText([line(`•${long}y`, wide)], layer(`\uf06c${long}x`, 0, 10))[0]!.text).toBe(`•${long}y`);
    // Where more than a quarter of the text names nothing, its font's map is broken: the reading stays.
    expect(take('Bore 20', '\ue001\ue002\ue003 20')).toBe('Bore 20');
  });

  it('takes only the characters inside the box, in order along it, whichever way the box runs', () => {
    const chars = [...layer('next line', 0, 40), ...layer('M8x1.25', 0, 10).reverse()];
    expect(preferPdfText([line('M8×1.25', BOX)], chars)[0]!.text).toBe('M8x1.25');
    // A box read upwards: its reading edge runs from bottom-left to top-left.
    const up: Quad = [[0, 100], [0, 0], [20, 0], [20, 100]];
    const upChars = [...'AB-12'].map((char, i) => ({ char, x: 10, y: 95 - i * 10 }));
    expect(preferPdfText([line('AB-I2', up)], upChars)[0]!.text).toBe('AB-12');
  });

  it('keeps a diameter, ± or degree mark the reading has where the PDF’s text has none (drawn as strokes)', () => {
    // SolidWorks draws Ø and its depth sign as lines: its text layer holds `4 x 11,00 20,00`.
    expect(take('4 x Φ 11,00 20,00', '4 x 11,00 20,00')).toBe('4 x Φ 11,00 20,00');
    expect(take('2xØ8,80 H8', '2x8,80 H8')).toBe('2xØ8,80 H8');
    // Read as 0 and made Ø by the reading, before a number that starts with 0 itself.
    expect(take('Ø0.5 THRU', '0.5 THRU')).toBe('Ø0.5 THRU');
    expect(take('R1.00 ±0.10', 'R1.00 0.10')).toBe('R1.00 ±0.10');
    expect(take('45°', '45')).toBe('45°');
    // The PDF's own slips mended as before, the mark kept beside them.
    expect(take('4x Φ 6.6O -0.10', '4x 6.60 -0.10')).toBe('4x Φ 6.60 -0.10');
    // Where the PDF has the mark, its own form is taken.
    expect(take('Φ 70.50 ±0.05', 'Ø70.50 ±0.05')).toBe('Ø70.50 ±0.05');
    // A mark not doing a mark's job (a Φ read into a word, a ° before letters) is not added.
    expect(take('ΦEDGE', 'EDGE')).toBe('EDGE');
    expect(take('°C max', 'C max')).toBe('C max');
  });

  it('takes a word’s first letter as the capital the page prints where the PDF’s character map gives a small one', () => {
    // ECDC's report (tabula's eu-017): its font maps the capitals H, M, N, P it prints to small letters.
    expect(take('Germany, Hungary, Lithuania, Malta, the Netherlands,', 'Germany, hungary, Lithuania, malta, the netherlands,')).toBe('Germany, Hungary, Lithuania, Malta, the Netherlands,');
    // The PDF's other corrections are still taken beside it, and a c, o, s, v, w or x keeps the PDF's case.
    expect(take('Hungary Single 25g 1.1 ltaly', 'hungary Single 25g 1.1 Italy')).toBe('Hungary Single 25g 1.1 Italy');
    expect(take('the Works', 'the works')).toBe('the works');
    // Symbols stand as the PDF has them: math italics read in doubtful case (`Q1` for `q1`, `PM` for `pM`).
    expect(take('L = (Q1, P2, . . . , PM)', 'L = (q1, p2, . . . , pM)')).toBe('L = (q1, p2, . . . , pM)');
    // A word of capitals whose first the character map gives small (`tABLE`) is all capitals, and words pair though the texts space them apart differently.
    expect(take('TABLE 1. Number (N =526)', 'tABLE 1. number (n=526)')).toBe('TABLE 1. Number (n=526)');
    // Inside a word the PDF's case stands (small capitals print its small letters as capitals).
    expect(take('the NetherLands', 'the netherlands')).toBe('the Netherlands');
  });

  it('puts a space between runs of the PDF’s text set apart by position alone', () => {
    const chars = [...layer('Spouse:', 0, 10), ...layer('Jane', 150, 10)];
    expect(preferPdfText([line('Spouse: Jane', BOX)], chars)[0]!.text).toBe('Spouse: Jane');
  });

  it('keeps the reading where the PDF’s line runs on past the box: its characters are not where they print', () => {
    // A substitute font set the word narrower than the PDF's widths say: the text layer's
    // "Technical" runs past a box that holds all of the printed word, its "l" outside.
    const box: Quad = [[0, 0], [80, 0], [80, 20], [0, 20]];
    expect(preferPdfText([line('Technica1', box)], layer('Technical', 0, 10))[0]!.text).toBe('Technica1');
    // Nor is a shorter or longer text taken, though close: it is part of another line, or more.
    expect(preferPdfText([line('Technical notes', BOX)], layer('chnical notes', 20, 10))[0]!.text).toBe('Technical notes');
  });

  it('takes the PDF’s text where the line’s last stop or comma lies just past the box’s end, short of which the detector stopped', () => {
    // WCH's CH32V003 IAP guide: the text layer's `0x1FFFF000` read `Ox1FFFFooo`, the stop after `LinkUtility` past the box.
    const box: Quad = [[0, 0], [283, 0], [283, 20], [0, 20]];
    expect(preferPdfText([line('to Ox1FFFFooo via WCH.', box)], layer('to 0x1FFFF000 via WCH.', 71, 10))[0]!.text).toBe('to 0x1FFFF000 via WCH.');
    // So does a closing bracket: a full-width one sits at the left of its cell (WCH's CH592 datasheet).
    const halt: Quad = [[0, 0], [180, 0], [180, 20], [0, 20]];
    expect(preferPdfText([line('Halt: 1.OmA(PLL 不停止)', halt)], layer('Halt：1.0mA（PLL 不停止）', 0, 10))[0]!.text).toBe('Halt：1.0mA（PLL 不停止）');
    // A letter there still runs the line on.
    expect(preferPdfText([line('to Ox1FFFFooo via WCH', box)], layer('to 0x1FFFF000 via WCH.', 71, 10))[0]!.text).toBe('to Ox1FFFFooo via WCH');
  });

  it('spaces runs of the PDF’s text half a character apart where the reading does (a schematic’s labels), not elsewhere', () => {
    // KiCad's lettering, 10 px a character: a pin's number and its net's label 16 px apart.
    const run = (text: string, x: number) => [...text].map((char, i) => ({ char, x: x + i * 10, y: 10 }));
    const labels = [...run('17', 20), ...run('PC7', 46), ...run('GND', 100)];
    expect(preferPdfText([line('17 PC7 GND', BOX)], labels)[0]!.text).toBe('17 PC7 GND');
    expect(preferPdfText([line('I7 PC7 GND', BOX)], labels)[0]!.text).toBe('17PC7 GND');
    // A space read beside an underscore is the reading's own slip, not the labels' gap: `22R` and `L_USB_DP`, an Altium sheet's.
    expect(preferPdfText([line('22R L _USB DP', BOX)], [...run('22R', 20), ...run('L_USB_DP', 56)])[0]!.text).toBe('22R L_USB_DP');
    // Ideographs a word's gap apart are spaced only as read: an Altium sheet's CJK font set without its widths.
    const typeC = [...run('Type-C', 0), { char: '接', x: 80, y: 10 }, { char: '口', x: 105, y: 10 }];
    expect(preferPdfText([line('Type-C 接口', BOX)], typeC)[0]!.text).toBe('Type-C 接口');
    expect(preferPdfText([line('Type-C 接 口', BOX)], typeC)[0]!.text).toBe('Type-C 接 口');
    // A wide letter after another in a proportional face stands as far apart: `mW` read so stays so.
    expect(preferPdfText([line('Power 5 mW', BOX)], [...run('Power', 10), ...run('5', 70), { char: 'm', x: 90, y: 10 }, { char: 'W', x: 106, y: 10 }])[0]!.text).toBe('Power 5 mW');
  });

  it('parts labels that lie close but are set apart in the text, as an Altium sheet sets a pin’s number and its name', () => {
    const run = (text: string, x: number, y = 10) => [...text].map((char, i) => ({ char, x: x + i * 10, y }));
    // `44` then, far on in the text, `BOOT0` 12 px on: less than the gap that spaces text, read apart.
    const pin = [...run('44', 20), ...run('elsewhere', 0, 500), ...run('BOOT0', 42)];
    expect(preferPdfText([line('44 BOOTO', BOX)], pin)[0]!.text).toBe('44 BOOT0');
    expect(preferPdfText([line('44BOOTO', BOX)], pin)[0]!.text).toBe('44BOOT0');
    // A speck read in the gap is no reason to run them together.
    expect(preferPdfText([line('44. BOOTO', BOX)], pin)[0]!.text).toBe('44 BOOT0');
    // A number set apart just past the box's end is another label's: the box's own text is taken.
    const box: Quad = [[0, 0], [48, 0], [48, 20], [0, 20]];
    const name = [...run('PA10', 5), ...run('elsewhere', 0, 500), ...run('31', 50)];
    expect(preferPdfText([line('PA1O', box)], name)[0]!.text).toBe('PA10');
    // Set next in the text, it runs the line on: which of it is the box's is a guess.
    expect(preferPdfText([line('PA1O', box)], run('PA1031', 5))[0]!.text).toBe('PA1O');
  });

  it('takes the PDF’s text where a space follows the box’s last word, past its end (a cell’s text, clipped at its rule)', () => {
    // Excel's `Legal Reference / Country Law` in a cell that clips its descenders, the text layer's trailing space outside the box.
    const box: Quad = [[0, 0], [290, 0], [290, 20], [0, 20]];
    expect(preferPdfText([line('Leaal Reference / Countrv Law', box)], layer('Legal Reference / Country Law ', 0, 10))[0]!.text).toBe('Legal Reference / Country Law');
  });

  it('takes a contents entry’s text without the dot leader its box runs into, which the reading gives a dot or a comma for', () => {
    // GigaDevice's user guides: `功能引脚分配 ....` in the box, read `功能引脚分配.`, or `启动方式选择，`.
    const entry: Quad = [[0, 0], [100, 0], [100, 20], [0, 20]];
    const toc = (name: string) => layer(`${name}............................ 4`, 0, 10);
    expect(preferPdfText([line('功能引脚分配.', entry)], toc('功能引脚分配'))[0]!.text).toBe('功能引脚分配');
    expect(preferPdfText([line('启动方式选择，', entry)], toc('启动方式选择'))[0]!.text).toBe('启动方式选择');
    // Dots the reading holds as many of are the line's own.
    const dots: Quad = [[0, 0], [90, 0], [90, 20], [0, 20]];
    expect(preferPdfText([line('and so..', dots)], layer('and so...', 0, 10))[0]!.text).toBe('and so...');
    // Not where the leader runs on past the box: Awinic's `软复位 ....` read `软复位...`, `标识图` with the first dot just past the box's end.
    const short: Quad = [[0, 0], [70, 0], [70, 20], [0, 20]];
    expect(preferPdfText([line('软复位...', short)], layer('软复位 ................ 10', 0, 10))[0]!.text).toBe('软复位');
    const stopped: Quad = [[0, 0], [60, 0], [60, 20], [0, 20]];
    const dotted = [...layer('分布及标识图 ', 0, 10), ...Array.from({ length: 12 }, (_, i) => ({ char: '.', x: 66 + 7 * i, y: 10 }))];
    expect(preferPdfText([line('分布及标识图', stopped)], dotted)[0]!.text).toBe('分布及标识图');
  });

  it('takes a contents entry’s text without the marks the reading gives for a leader drawn as strokes, which the text lacks', () => {
    // Goertek's contents page: dashes drawn after each entry, read `8.7 Reflow Test - —`.
    const entry: Quad = [[0, 0], [200, 0], [200, 20], [0, 20]];
    expect(preferPdfText([line('8.7 Reflow Test - —', entry)], layer('8.7 Reflow Test', 0, 10))[0]!.text).toBe('8.7 Reflow Test');
    expect(preferPdfText([line('13 MEMS MIC- -:', entry)], layer('13 MEMS MIC', 0, 10))[0]!.text).toBe('13 MEMS MIC');
    // Marks the text has are the line's own.
    expect(preferPdfText([line('x -- y --', entry)], layer('x -- y ---', 0, 10))[0]!.text).toBe('x -- y ---');
  });

  it('takes a heading’s text where its number, set close before it, is boxed and read apart', () => {
    // `3 Acoustic and Electrical Characteristics`, the `3` a step and a half before the words.
    const text = [...layer('3', 0, 10), ...layer('Acoustic Characteristics', 18, 10)];
    const number = line('3', [[0, 0], [10, 0], [10, 20], [0, 20]]);
    const words = line('Acoustic Characteristics-', [[14, 0], [265, 0], [265, 20], [14, 20]]);
    expect(preferPdfText([number, words], text).map((l) => l.text)).toEqual(['3', 'Acoustic Characteristics']);
    // Unread, the number runs on into the words' line, which then keeps its reading.
    expect(preferPdfText([words], text)[0]!.text).toBe('Acoustic Characteristics-');
  });

  it('takes a contents page’s number without the leader’s end its box holds, which no run of the leader takes with it', () => {
    // The number's box holds the leader's last dots; the dots before them run on past the box's start.
    const leader = layer('...................... 14', 0, 10);
    const box = (left: number): Quad => [[left, 0], [250, 0], [250, 20], [left, 20]];
    expect(borneOutByPdfText([line('.14', box(210))], leader).map((l) => l.text)).toEqual(['14']);
    expect(preferPdfText([line('..14', box(200))], leader)[0]!.text).toBe('14');
    expect(preferPdfText([line(',14', box(210))], leader)[0]!.text).toBe('14');
    // A number after one dot, set close, is a decimal's.
    expect(preferPdfText([line('.5', [[0, 0], [20, 0], [20, 20], [0, 20]])], layer('.5', 0, 10))[0]!.text).toBe('.5');
  });

  it('leaves a line with no PDF text in its box as read', () => {
    expect(preferPdfText([line('stamped', BOX)], layer('elsewhere', 0, 300))[0]!.text).toBe('stamped');
  });
});

describe('preferPdfText on a page whose text the reading bears out', () => {
  /** Eight lines read as the PDF's text has them, 40 px apart from the top, and that text. */
  const agreeing = Array.from({ length: 8 }, (_, k) => ({ text: `Row ${k} of the table`, y: 40 * k }));
  const rows = agreeing.map(({ text, y }) => line(text, [[0, y], [300, y], [300, y + 20], [0, y + 20]]));
  const rowText = agreeing.flatMap(({ text, y }) => layer(text, 0, y + 10));
  const cell = (x: number, y: number, width: number): Quad => [[x, y], [x + width, y], [x + width, y + 20], [x, y + 20]];

  it('takes the PDF’s text for a short line whose reading differs from it in one character (`16` read `6`, `05` read `65`)', () => {
    const cells = [line('6', cell(0, 400, 20)), line('65', cell(0, 440, 20))];
    const text = [...rowText, ...layer('16', 0, 410), ...layer('05', 0, 450)];
    expect(preferPdfText([...rows, ...cells], text).slice(8).map((l) => l.text)).toEqual(['16', '05']);
    // Without the page's other lines to bear its text out, the reading stays.
    expect(preferPdfText(cells, text).map((l) => l.text)).toEqual(['6', '65']);
    // Two characters off is another text.
    expect(preferPdfText([...rows, line('65', cell(0, 440, 20))], [...rowText, ...layer('17', 0, 450)])[8]!.text).toBe('65');
    // A mark read where the text has a letter is a font's broken map (a symbol font's minus given as `Y`).
    expect(preferPdfText([...rows, line('-40', cell(0, 440, 30))], [...rowText, ...layer('Y40', 0, 450)])[8]!.text).toBe('-40');
  });

  it('takes the PDF’s number for a short number read unsurely with more than one slip (a pin’s `44` read `11` at 0.72)', () => {
    const pin = (confidence: number): ReadLine => ({ ...line('11', cell(0, 440, 20)), confidence });
    const text = [...rowText, ...layer('44', 0, 450)];
    expect(preferPdfText([...rows, pin(0.72)], text)[8]!.text).toBe('44');
    // Read surely, or without the page's other lines to bear its text out, the reading stays; so it does where the text is no number.
    expect(preferPdfText([...rows, pin(0.95)], text)[8]!.text).toBe('11');
    expect(preferPdfText([pin(0.72)], text)[0]!.text).toBe('11');
    expect(preferPdfText([...rows, pin(0.72)], [...rowText, ...layer('AB', 0, 450)])[8]!.text).toBe('11');
  });

  it('takes the run of a short line the detector boxed a glyph short (`13` boxed round its `3`), the box widened to it', () => {
    const [, cut] = preferPdfText([...rows, line('3', cell(12, 500, 10))], [...rowText, ...layer('13', 2, 510)]).slice(7);
    expect(cut!.text).toBe('13');
    expect(quadBounds(cut!.box)).toMatchObject({ left: 2, right: 22 });
  });

  it('takes the PDF’s text for a line read with its drawn frames’ strokes (a datasheet’s boxed pins, `124] 123]`), spaced by its gaps', () => {
    // Each pin's number 60 px from the next in a box 20 px high: no letter stands so far from the next.
    const pins = ['24', '23', '22', '21'].flatMap((pin, k) => [...pin].map((char, i) => ({ char, x: 10 + k * 60 + i * 10, y: 510 })));
    const [, read] = preferPdfText([...rows, line('124] 123] 1221 121]', cell(0, 500, 240))], [...rowText, ...pins]).slice(7);
    expect(read!.text).toBe('24 23 22 21');
    // A dotted frame's strokes read as stops (Awinic's pin `6` read `6...`).
    expect(preferPdfText([...rows, line('6...', cell(0, 500, 40))], [...rowText, ...layer('6', 0, 510)])[8]!.text).toBe('6');
    // Between labels, stops are the reading's gaps: a schematic's pins `4.3.2`, set without spaces in the text.
    expect(preferPdfText([...rows, line('4.3.2', cell(0, 500, 50))], [...rowText, ...layer('432', 0, 510)])[8]!.text).toBe('4.3.2');
    // A box the detector drew squashed (9 px high over 20 px print) does not part a label's glyphs:
    // their font size tells a glyph's advance.
    const label = [...'A3'].map((char, i) => ({ char, x: 305 + i * 12, y: 505, size: 20 }));
    expect(preferPdfText([line('A3', [[300, 500], [330, 500], [330, 509], [300, 509]])], label)[0]!.text).toBe('A3');
    // Strokes of another kind are no frame's.
    const [, other] = preferPdfText([...rows, line('24x 23x 22x 21x', cell(0, 500, 240))], [...rowText, ...pins]).slice(7);
    expect(other!.text).toBe('24x 23x 22x 21x');
  });

  it('turns back a line read turned round whose glyphs look alike turned (`08` read `80`), where the text runs left to right', () => {
    const turned: Quad = [[30, 620], [0, 620], [0, 600], [30, 600]];
    const [read] = preferPdfText([line('80', turned)], layer('08', 0, 610));
    expect(read).toMatchObject({ text: '08', box: [[0, 600], [30, 600], [30, 620], [0, 620]] });
    // An upright line whose text the PDF sets right to left keeps its reading.
    const backwards = [...layer('AB', 0, 710)].reverse();
    expect(preferPdfText([line('AB', cell(0, 700, 30))], backwards)[0]!.text).toBe('AB');
  });
});

describe('borneOutByPdfText', () => {
  it('keeps, with the PDF’s text, the unsure readings whose box holds that text: a table’s lone cells', () => {
    const cells = [line('o', BOX), line('0', [[0, 40], [300, 40], [300, 60], [0, 60]]), line('2', [[0, 80], [300, 80], [300, 100], [0, 100]])];
    const pdf = [...layer('0', 0, 10), ...layer('0', 0, 50), ...layer('0', 0, 90)];
    expect(borneOutByPdfText(cells, pdf).map((l) => l.text)).toEqual(['0', '0']);
    // Nothing of the PDF's in the box: nothing kept.
    expect(borneOutByPdfText(cells, [])).toEqual([]);
    // A word of Hangul read too unsurely to keep is kept with the PDF's text.
    expect(borneOutByPdfText([line('*21.', BOX)], layer('즉각적인', 0, 10)).map((l) => l.text)).toEqual(['즉각적인']);
  });
});
