import type { OcrLine } from '@ocr/contracts';
import { describe, expect, it } from 'vitest';
import { readingOrder } from './reading-order.ts';

/** A horizontal line box of `width` at (x, y), 30 px high, optionally skewed by `degrees` about the origin. */
function line(text: string, x: number, y: number, width: number, degrees = 0): OcrLine {
  const a = (degrees * Math.PI) / 180;
  const turn = (px: number, py: number): [number, number] => [px * Math.cos(a) - py * Math.sin(a), px * Math.sin(a) + py * Math.cos(a)];
  return { text, confidence: 0.9, box: [turn(x, y), turn(x + width, y), turn(x + width, y + 30), turn(x, y + 30)] };
}

describe('readingOrder', () => {
  it('reads two columns whose lines share baselines column by column', () => {
    const lines = [
      line('Title', 100, 50, 600),
      ...[0, 1, 2].flatMap((i) => [line(`L${i}`, 100, 150 + 45 * i, 600), line(`R${i}`, 800, 150 + 45 * i, 600)]),
    ];
    expect(readingOrder(lines).text).toBe('Title\n\nL0\nL1\nL2\n\nR0\nR1\nR2');
  });

  it('reads columns column by column though their gutter is narrower than a line is high', () => {
    // A magazine's 1.5 em gutter: the unclipped boxes come within half a line height of each other.
    const lines = [0, 1, 2, 3].flatMap((i) => [line(`L${i}`, 100, 100 + 36 * i, 600), line(`R${i}`, 716, 100 + 36 * i, 600)]);
    expect(readingOrder(lines).text).toBe('L0\nL1\nL2\nL3\n\nR0\nR1\nR2\nR3');
  });

  it('reads justified columns column by column though their boxes come within a fifth of a line height', () => {
    // Reader's Digest, 1 em gutter (tesseract's 8071_093.3B.tif): the columns' boxes 7 px apart at 30 px.
    const widths = [600, 600, 420, 600, 600, 600];
    const lines = widths.flatMap((width, i) => [line(`L${i}`, 100, 100 + 36 * i, width), line(`R${i}`, 707 + (i === 3 ? 30 : 0), 100 + 36 * i, 600 - (i === 3 ? 30 : 0))]);
    expect(readingOrder(lines).text).toBe('L0\nL1\nL2\nL3\nL4\nL5\n\nR0\nR1\nR2\nR3\nR4\nR5');
  });

  it('reads three justified columns whose boxes come within a tenth of a line height column by column, a short line under the middle one after it', () => {
    // A newspaper's columns, the detector's boxes across them cut at the gutters: 4 px apart at 36 px.
    const columns = ['A', 'B', 'C'];
    const lines = columns.flatMap((name, c) => [0, 1, 2, 3, 4, 5].map((i) => line(`${name}${i}`, 100 + 404 * c, 100 + 36 * i, 400)));
    const advert = line('ROCHESTER', 560, 100 + 36 * 7, 200);
    const column = (name: string) => [0, 1, 2, 3, 4, 5].map((i) => `${name}${i}`).join('\n');
    expect(readingOrder([...lines, advert]).text).toBe([column('A'), column('B'), 'ROCHESTER', column('C')].join('\n\n'));
    // A speck's box the detector drew across the gutter, over the next column's first letter, is read in that column.
    const speck: OcrLine = { text: 'S', confidence: 0.6, box: [[900, 174], [920, 174], [920, 186], [900, 186]] };
    expect(readingOrder([...lines, speck]).text).toBe([column('A'), column('B'), column('C').replace('C2', 'S C2')].join('\n\n'));
  });

  it('reads a letter top to bottom where its sender’s block stands right of the address and the greeting, on rows of its own', () => {
    // docling's `qr_bill_example.jpg`: the sender's block was read after the letter's first lines.
    const address = ['Ms', 'Pia Rutschmann', 'Marktgasse 28', '9400 Rorschach'].map((text, i) => line(text, 100, 100 + 36 * i, 20 * text.length));
    const sender = ['Robert Schneider AG', 'Rue du Lac 1268', '2501 Biel', 'Date: 01.07.2020'].map((text, i) => line(text, 1000, 300 + 36 * i, 300));
    const body = ['Dear Ms. Rutschmann,', 'We are billing you as follows for completion of the work:'].map((text, i) => line(text, 100, 500 + 50 * i, 15 * text.length));
    const text = readingOrder([...body, ...sender, ...address]).text.split(/\n+/);
    expect(text).toEqual([...address, ...sender, ...body].map((l) => l.text));
  });

  it('reads a chapter’s number in large print beside its contents on its own, the contents row by row', () => {
    // TI-89 guidebook: `17` five line heights high left of the entries, each with its page number.
    const entries = [0, 1, 2, 3, 4].flatMap((i) => [line(`Entry ${i}`, 400, 160 + 27 * i, 350), line(`${280 + i}`, 1040, 158 + 27 * i, 40)]);
    const number: OcrLine = { text: '17', confidence: 1, box: [[140, 150], [330, 150], [330, 295], [140, 295]] };
    expect(readingOrder([line('Programming', 130, 60, 370), number, ...entries]).text).toBe(
      ['Programming', '17', [0, 1, 2, 3, 4].map((i) => `Entry ${i} ${280 + i}`).join('\n')].join('\n\n'),
    );
  });

  it('reads a table’s header set at a slant as one row, though each slanted box spans the rows of level text beside it', () => {
    // DiscoveryWorld's table 4 as detected at 200 dpi: three metrics at 44° under each of three agents.
    const box = (text: string, ...corners: number[]): OcrLine => ({ text, confidence: 0.9, box: [0, 2, 4, 6].map((i) => [corners[i]!, corners[i + 1]!]) as OcrLine['box'] });
    const level = (text: string, left: number, top: number, right: number, bottom: number) => box(text, left, top, right, top, right, bottom, left, bottom);
    const lines = [
      level('ReACT', 764, 339, 832, 360), level('Plan+Execute', 973, 338, 1094, 362), level('Hypothesizer', 1209, 338, 1324, 362),
      level('#', 346, 419, 363, 439), level('Topic', 400, 419, 452, 442), level('Task', 510, 418, 558, 441),
      box('Procedure', 718, 426, 778, 368, 792, 383, 732, 440), box('Completion', 785, 425, 855, 358, 869, 373, 800, 440), box('Knowledge', 851, 424, 920, 358, 936, 375, 867, 441),
      box('Procedure', 953, 425, 1013, 367, 1028, 382, 968, 440), box('Completion', 1020, 425, 1090, 357, 1105, 373, 1034, 441), box('Knowledge', 1085, 424, 1154, 359, 1170, 376, 1101, 442),
      box('Procedure', 1188, 425, 1249, 367, 1262, 382, 1202, 440), box('Completion', 1254, 426, 1324, 358, 1339, 373, 1268, 441), box('Knowledge', 1320, 425, 1384, 363, 1400, 380, 1336, 442),
      ...['1', 'Easy', '0.87', '0.20', '0.20', '0.80', '0.00', '0.00', '0.90'].map((text, i) => level(text, [348, 400, 709, 777, 845, 944, 1012, 1079, 1178][i]!, 479, [361, 444, 751, 819, 885, 987, 1053, 1121, 1221][i]!, 500)),
    ];
    expect(readingOrder(lines).text.split('\n')).toContain('# Topic Task ' + 'Procedure Completion Knowledge '.repeat(3).trim());
  });

  it('reads a dense table row by row where its boxes, skewed a little each way, leave no gap between rows', () => {
    // pdfplumber's `issue-33-lorem-ipsum.pdf`: seven columns of short cells, boxes taller than the
    // rows' pitch; cut at the widest gap, its first two rows were read in two halves.
    const cell = (text: string, x: number, y: number): OcrLine => ({ text, confidence: 0.9, box: [[x, y], [x + 140, y], [x + 140, y + 36], [x, y + 36]] });
    const columns = [...'abcdefg'];
    const rows = [0, 1].map((r) => columns.map((name, c) => cell(`${name}${r}`, 100 + 180 * c + (c > 3 ? 20 : 0), 100 + 32 * r + (c % 2 === 0 ? -6 : 6))));
    expect(readingOrder(rows.flat().reverse()).text).toBe(rows.map((row) => row.map((l) => l.text).join(' ')).join('\n'));
  });

  it('reads two columns that flow around a photo column by column, its caption across the gutter between them', () => {
    // Travel & Leisure (tesseract's 8087_054.3B.tif): full lines above and below the photo, short
    // ones beside it, and a caption of short lines under it across the gutter.
    const rows = Array.from({ length: 12 }, (_, i) => i);
    const beside = (i: number) => i >= 4 && i < 8;
    const lines = rows.flatMap((i) => [
      line(`L${i}`, 100, 100 + 36 * i, beside(i) ? 250 : 600),
      line(`R${i}`, 740, 100 + 36 * i, beside(i) ? 250 : 600, 0),
    ]);
    const caption = [line('THE TERRA-COTTA', 560, 100 + 36 * 6, 300), line('ROOFS OF', 600, 100 + 36 * 7, 200)];
    // Right side's wrapped lines start where the photo ends.
    const shifted = lines.map((l) => (l.text.startsWith('R') && beside(Number(l.text.slice(1))) ? line(l.text, 1090, l.box[0][1], 250) : l));
    const text = readingOrder([...shifted, ...caption]).text;
    expect(text).toBe([rows.map((i) => `L${i}`).join('\n'), 'THE TERRA-COTTA\nROOFS OF', rows.map((i) => `R${i}`).join('\n')].join('\n\n'));
    // A table across both columns in their middle is not torn between them: its rows read across.
    const table = [0, 1].flatMap((r) => [line(`a${r}`, 100, 316 + 36 * r, 100), line(`b${r}`, 660, 316 + 36 * r, 100), line(`c${r}`, 1100, 316 + 36 * r, 100)]);
    const withTable = [...lines.filter((l) => !beside(Number(l.text.slice(1)))), ...table];
    expect(readingOrder(withTable).text).toContain('a0 b0 c0\na1 b1 c1');
    // A page number across the gutter under the columns is read after them, as before.
    const footed = [...lines.filter((l) => !beside(Number(l.text.slice(1)))), line('- 54 -', 660, 600, 120)];
    expect(readingOrder(footed).text.split('\n\n').at(-1)).toBe('- 54 -');
  });

  it('reads a sidebar of labels and figures beside a column of Chinese prose on its own, where its rows stand beside lines that go on mid-sentence', () => {
    // PDF-Extract-Kit's `financial_report.png`: a broker's report, its key figures left of the body,
    // was read row by row across (`基本状况 利润 7.80 亿元…`, `总股本(百万股) 1,002 司单季度…`).
    const prose = [
      line('分季度来看：单二季度公司实现收入，同比增长，归母净', 700, 100, 1300),
      line('利润同比增长，扣非净利润同比增长。公', 700, 136, 1300),
      line('司单季度业绩持续高速增长，主要得益于', 700, 172, 1300),
      line('等多系列常规产品订单快速增加。', 700, 208, 600),
      line('产能高效稳定+品牌信赖提升，呼吸治疗实现翻倍高增。上半年呼吸治疗', 700, 264, 1300),
      line('板块实现收入，同比增长。', 700, 300, 500),
    ];
    const sidebar = [line('基本状况', 70, 136, 120), line('总股本(百万股)', 70, 172, 130), line('1,002', 500, 172, 80), line('流通股本(百万股)', 70, 208, 140), line('941', 520, 208, 60)];
    const text = readingOrder([...prose, ...sidebar]).text;
    expect(text).toBe(['基本状况\n总股本(百万股) 1,002\n流通股本(百万股) 941', prose.map((l) => l.text).join('\n')].join('\n\n'));
    // Labels beside a paragraph's first lines, each line ending its sentence, are a table's rows and read across.
    const closed = prose.map((l) => ({ ...l, text: `${l.text.replace(/[。公]$/u, '')}。` }));
    expect(readingOrder([...closed, ...sidebar]).text).toContain(`总股本(百万股) 1,002 ${closed[2]!.text}`);
  });

  it('reads a table of long cells row by row where its rows stand apart by their padding, a wrapped cell whole', () => {
    // PDF-Extract-Kit's `table_001.png`, units of measure: cells up to 14 line heights long, rows
    // 0.8 line heights apart, had each column read after the other as columns of text.
    const cells = [
      ['Quantity \\ Unit System', 'International System SI (kg-m-s)', 'Traditional aeronautical (lb-ft-s)'],
      ['Mass (translational inertia), m', 'kilogram mass (kg)', 'slug = lb-s2/ft'],
      ['Translational stiffness constant, k', 'N/m', 'lb/ft'],
      ['Moment or torque, rotational', 'N-m', 'lb-ft'],
      ['Translational damping constant, c', 'N/(m/s) = N-s/m', 'lb/(ft/s) = lb-s/ft'],
    ];
    const widths = [[330, 480, 470], [450, 280, 200], [490, 80, 100], [420, 90, 80], [490, 250, 280]];
    const lines = cells.flatMap((row, r) => row.map((text, c) => line(text, 100 + c * 560 + (540 - widths[r]![c]!) / 2, 100 + 56 * r + (r === 4 ? 30 : 0), widths[r]![c]!)));
    const wrapped = line('action', 330, 100 + 56 * 3 + 38, 100);
    const rows = cells.map((row) => row.join(' '));
    expect(readingOrder([...lines, wrapped]).text).toBe([...rows.slice(0, 4), 'action', rows[4]].join('\n'));
  });

  it('reads rows across where ragged lines come as close to each other as justified columns do', () => {
    // A table of descriptions, text wrapped ragged in each cell.
    const widths = [600, 470, 560, 390, 600, 500];
    const lines = widths.flatMap((width, i) => [line(`a${i}`, 100, 100 + 36 * i, width), line(`b${i}`, 707, 100 + 36 * i, widths[(i + 3) % 6]!)]);
    expect(readingOrder(lines).text).toBe(widths.map((_, i) => `a${i} b${i}`).join('\n'));
  });

  it('keeps the words of a large note together where a space between them is wider than the page’s usual line is high', () => {
    // pdf.js's Test-plusminus.pdf, an AutoCAD sheet: a note in 90–160 px boxes, split at a 22 px
    // space, among 35 px zone letters; the space was taken for a gutter and a zone letter read between the words.
    const box = (text: string, left: number, top: number, right: number, bottom: number): OcrLine => ({
      text,
      confidence: 0.9,
      box: [[left, top], [right, top], [right, bottom], [left, bottom]],
    });
    const zones = [...'4321'].map((text, i) => box(text, 535 + 1100 * i, 64, 566 + 1100 * i, 99));
    const lines = [
      ...zones,
      box('D', 116, 409, 147, 446),
      box('D', 4255, 409, 4287, 446),
      box('C', 121, 1263, 143, 1288),
      box('Test Plus', 1350, 1240, 1946, 1397),
      box('C', 4254, 1259, 4286, 1295),
      box('minus', 1968, 1283, 2330, 1371),
    ];
    expect(readingOrder(lines).text).toContain('Test Plus minus');
  });

  it('reads a form row by row, each label with its value, though labels and values are both long lines', () => {
    const rows = [0, 1, 2].flatMap((r) => [line(`label${r}`, 40, 60 + 100 * r, 300), line(`value${r}`, 420, 60 + 100 * r, 900)]);
    const multiline = [line('label3', 40, 360, 120), ...[0, 1, 2].map((i) => line(`more${i}`, 420, 360 + 40 * i, 900))];
    expect(readingOrder([...rows, ...multiline].reverse()).text).toBe(
      'label0 value0\n\nlabel1 value1\n\nlabel2 value2\n\nlabel3 more0\nmore1\nmore2',
    );
  });

  it('reads labels set line under line beside their values row by row, each label with its value', () => {
    // An audit profile's head (camelot's `tabula/china.pdf`): labels 2–9 line heights long, ragged, the values close beside them.
    const labels: Array<[string, number]> = [['Country', 90], ['Factory name', 140], ['IEM', 45], ['Date of audit', 135], ['Number of workers', 195], ['Production processes', 220]];
    const values = ['China', '01001523B', 'BVCPS (HK), Shen Zhen Office', 'May 20-22, 2003', '243', 'Sewing, cutting, packing, embroidery'];
    const lines = labels.flatMap(([label, width], i) => [line(label, 80, 100 + 25 * i, width), line(values[i]!, 360, 100 + 25 * i, 40 + 12 * values[i]!.length)]);
    expect(readingOrder(lines.reverse()).text).toBe(labels.map(([label], i) => `${label} ${values[i]}`).join('\n'));
    // A table of one-line cells in more columns reads a row at a time, whichever gap is widest (tabula's voting record).
    const names = ['ABDALA de MATARAZZO, Norma', 'ALBRIEU, Oscar Edmundo', 'ALONSO, María Luz', 'ARENA, Celia Isabel'];
    const table = names.flatMap((name, i) => [
      line(name, 80, 100 + 30 * i, 8 * name.length), line(i === 0 ? 'Frente Cívico' : 'Frente - PJ', 600, 100 + 30 * i, 300),
      line('Rio Negro', 940, 100 + 30 * i, 220), line('AFIRMATIVO', 1200, 100 + 30 * i, 160),
    ]);
    expect(readingOrder(table).text.split('\n')).toEqual(names.map((name, i) => `${name} ${i === 0 ? 'Frente Cívico' : 'Frente - PJ'} Rio Negro AFIRMATIVO`));
    // A label wrapped over two lines beside a paragraph is two cells of a table: each is read whole.
    const cells = [
      line('Travel and', 80, 100, 160), line('miscellaneous expenses', 80, 125, 250), line('Tuition and fees', 80, 150, 170),
      line('If you live on campus, you will need to travel.', 360, 100, 600), line('Other expenses include clothing.', 360, 125, 420), line('Set by the state.', 360, 150, 200),
    ];
    expect(readingOrder(cells).text).toContain('Travel and\nmiscellaneous expenses');
  });

  it('reads a statement row by row where its amounts run as long as lines of text and many labels have none', () => {
    // A balance sheet in small print (TableStructureRec's `table6`): boxes 16 px high, amounts 90–100 px
    // wide, every other label without amounts. Its lower rows were read as a column of labels, then of amounts.
    const rows: Array<[string, ...string[]]> = [
      ['应收保费'], ['应收分保账款'], ['应收利息', '8,746,899.35', '1,645,890.39'], ['应收股利'],
      ['其他应收款', '291,499,926.83', '364,426,205.02'], ['买入返售金融资产'], ['存货', '69,558,687.59', '79,651,862.50'],
      ['划分为持有待售的资产'], ['一年内到期的非流动资产'], ['流动资产合计', '7,059,703,916.00', '4,428,852,485.11'],
    ];
    const at = (text: string, x: number, y: number): OcrLine => {
      const width = 6 * text.length + (/\d/.test(text) ? 0 : 8 * text.length);
      return { text, confidence: 0.9, box: [[x, y], [x + width, y], [x + width, y + 16], [x, y + 16]] };
    };
    const lines = rows.flatMap(([label, ...amounts], r) => [at(label, 130, 500 + 21 * r), ...amounts.map((amount, c) => at(amount, 430 + 165 * c, 500 + 21 * r))]);
    expect(readingOrder(lines).text).toBe(rows.map((row) => row.join(' ')).join('\n'));
  });

  it('reads short table cells row by row, one row per line', () => {
    const lines = [0, 1, 2].flatMap((r) => [line(`a${r}`, 100, 100 + 64 * r, 40), line(`b${r}`, 400, 100 + 64 * r, 200), line(`c${r}`, 900, 100 + 64 * r, 60)]);
    expect(readingOrder(lines).text).toBe('a0 b0 c0\na1 b1 c1\na2 b2 c2');
  });

  it('joins boxes of a row with a space, but none beside full-width punctuation', () => {
    const lines = [line('主要工作内容为：', 100, 100, 200), line('（1）编制专题研究方案', 340, 100, 260), line('数量', 700, 100, 60), line('12', 800, 100, 40)];
    expect(readingOrder(lines).text).toBe('主要工作内容为：（1）编制专题研究方案 数量 12');
  });

  it('reads a dense table row by row where its rows are closer than its boxes are high and some boxes come out tall', () => {
    // 7 pt at 200 dpi: rows 20 px apart, boxes 23 px high, and lone cells' boxes 34 px high in rows one under another.
    const cell = (text: string, x: number, row: number, height = 23): OcrLine => {
      const top = 100 + row * 20 - height / 2;
      return { text, confidence: 0.9, box: [[x, top], [x + 40, top], [x + 40, top + height], [x, top + height]] };
    };
    const rows = Array.from({ length: 12 }, (_, r) => [cell(`s${r}`, 100, r), cell(`a${r}`, 300, r), cell(`b${r}`, 500, r, r % 4 === 1 || r % 4 === 2 ? 34 : 23), cell(`c${r}`, 700, r)]);
    expect(readingOrder(rows.flat().reverse()).text).toBe(rows.map((row) => row.map((c) => c.text).join(' ')).join('\n'));
  });

  it('keeps the cells of a row together on a page skewed by 1.5°, where the far cell sits a row lower', () => {
    const lines = [0, 1, 2].flatMap((r) => [line(`a${r}`, 100, 100 + 64 * r, 100, 1.5), line(`b${r}`, 1500, 100 + 64 * r, 100, 1.5)]);
    expect(readingOrder(lines.reverse()).text).toBe('a0 b0\na1 b1\na2 b2');
  });

  it('reads a datasheet’s description beside its features column by column though a pin diagram’s labels outnumber their lines', () => {
    // Rockwell's R6522, scanned: the gaps between the description's paragraphs line up with those
    // between the features, and the page was cut between rows across both columns.
    const paragraph = (p: number, top: number) => [0, 1, 2, 3].map((i) => line(`Paragraph ${p} has its line ${i}`, 100, top + 36 * i, i === 3 ? 380 : 600));
    const description = [line('DESCRIPTION', 100, 40, 200), ...paragraph(1, 90), ...paragraph(2, 290), ...paragraph(3, 490)];
    const ordering = ['ORDERING', 'Part Number:', 'Blank = 0°C', 'E = -40°C'].map((text, i) => line(text, 120, 700 + 36 * i, 200));
    const features = [line('FEATURES', 800, 40, 180), ...[0, 1, 2, 3, 4, 5].map((i) => line(`• Feature number ${i} reads so`, 800, 90 + 50 * i, 560))];
    const pins = Array.from({ length: 20 }, (_, i) =>
      [`PA${i}`, `${i + 1}`, `${40 - i}`, `D${i}`].map((text, k) => line(text, 840 + 110 * k, 700 + 36 * i, k === 0 || k === 3 ? 70 : 40)),
    ).flat();
    const text = readingOrder([...description, ...ordering, ...features, ...pins]).text.split(/\n+/);
    const read = [...description, ...ordering, ...features].map((l) => l.text);
    expect(text.slice(0, read.length)).toEqual(read);
    expect(text.slice(read.length)).toEqual(Array.from({ length: 20 }, (_, i) => `PA${i} ${i + 1} ${40 - i} D${i}`));
  });

  it('reads a paragraph and a register’s bits listed under it before the column of prose beside them', () => {
    // Rockwell's R6551, scanned: the bits' rows were paired across the gutter with the prose's lines.
    const paragraph = [0, 1, 2, 3, 4].map((i) => line(`The status register line ${i}`, 100, 100 + 36 * i, i === 4 ? 420 : 600));
    const register = Array.from({ length: 8 }, (_, k) => [line(`${7 - k}`, 110 + 70 * k, 300, 20), line(`F${7 - k}`, 100 + 70 * k, 340, 60)]).flat();
    const bits = Array.from({ length: 8 }, (_, k) => {
      const top = 420 + 150 * k;
      return [line(`Bit ${7 - k} Name`, 100, top, 300), line('0', 100, top + 40, 20), line(`No ${7 - k}`, 200, top + 40, 200), line('1', 100, top + 80, 20), line(`Yes ${7 - k}`, 200, top + 80, 260)];
    }).flat();
    const prose = Array.from({ length: 28 }, (_, i) => line(`These bits are set, line ${i}`, 800, 100 + 45 * i + (i >= 14 ? 60 : 0), i === 13 ? 300 : 600));
    const left = [...paragraph, ...register, ...bits];
    const order = readingOrder([...left, ...prose]).lines;
    const lastLeft = Math.max(...left.map((l) => order.indexOf(l)));
    expect(order.slice(lastLeft + 1)).toEqual(prose);
  });

  it('reads a table over two columns of prose row by row though its columns’ gap runs on into their gutter', () => {
    // Cypress's CY7C68013A, its special function registers over two columns: the table was read in halves.
    const cells = ['IOD', 'SCON', 'PSW', 'ACC', 'B'];
    const table = Array.from({ length: 10 }, (_, i) => [line(`${i} IOA IOB IOC`, 100, 60 + 40 * i, 500), ...cells.map((cell, k) => line(`${cell}${i}`, 800 + 120 * k, 60 + 40 * i, 80))]).flat();
    const column = (name: string, x: number) => Array.from({ length: 8 }, (_, i) => line(`The ${name} column of prose, line ${i}`, x, 520 + 36 * i, i === 7 ? 300 : 600));
    const text = readingOrder([...table, ...column('left', 100), ...column('right', 800)]).text.split(/\n+/);
    expect(text.slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, i) => `${i} IOA IOB IOC ${cells.map((cell) => cell + i).join(' ')}`));
  });

  it('reads a running header over two columns first, whole, and the columns’ own headings at their heads', () => {
    // R6522's pages: `R6522` at the left margin, its title flush right; each half was read at the head of a column.
    const column = (name: string, x: number) => [0, 1, 2, 3, 4].map((i) => line(`${name}${i}`, x, 140 + 36 * i, 600));
    const body = [line('INTERFACE', 100, 100, 220), ...column('L', 100), line('PORT A', 800, 100, 160), ...column('R', 800)];
    const header = [line('R6522', 100, 40, 100), line('Versatile Interface Adapter', 1000, 40, 400)];
    const columns = ['INTERFACE\nL0\nL1\nL2\nL3\nL4', 'PORT A\nR0\nR1\nR2\nR3\nR4'];
    expect(readingOrder([...header, ...body]).text).toBe(['R6522 Versatile Interface Adapter', ...columns].join('\n\n'));
    // Headings at the columns' own left edges head their columns.
    expect(readingOrder(body).text).toBe(columns.join('\n\n'));
  });

  it('separates blocks at gaps wider than a line and returns the lines in reading order', () => {
    const lines = [line('second', 100, 400, 500), line('first', 100, 100, 500), line('first b', 100, 145, 500)];
    const ordered = readingOrder(lines);
    expect(ordered.text).toBe('first\nfirst b\n\nsecond');
    expect(ordered.lines.map((l) => l.text)).toEqual(['first', 'first b', 'second']);
  });

  it('reads a page turned a quarter, a half or three quarters in the page’s own frame', () => {
    const upright = [
      line('Title', 100, 50, 600),
      ...[0, 1, 2].flatMap((i) => [line(`L${i}`, 100, 150 + 45 * i, 600), line(`R${i}`, 800, 150 + 45 * i, 600)]),
      line('Note', 100, 400, 300),
    ];
    const expected = readingOrder(upright).text;
    expect(expected).toBe('Title\n\nL0\nL1\nL2\n\nNote\n\nR0\nR1\nR2');
    for (const degrees of [90, 180, 270, 181.5]) {
      const turned = upright.map((l) => line(l.text, l.box[0][0], l.box[0][1], l.box[1][0] - l.box[0][0], degrees));
      expect(readingOrder(turned.reverse()).text).toBe(expected);
    }
  });

  it('reads a long line up the margin (an arXiv stamp) after the page’s text, not inside the paragraph beside it', () => {
    const paragraph = [0, 1, 2, 3, 4, 5].map((i) => line(`P${i}`, 200, 100 + 36 * i, 600));
    // Read upwards: 500 px long, beside the paragraph's middle lines.
    const stamp: OcrLine = { text: 'arXiv:2004.04906v3', confidence: 0.9, box: [[100, 700], [100, 200], [130, 200], [130, 700]] };
    expect(readingOrder([stamp, ...paragraph]).text).toBe('P0\nP1\nP2\nP3\nP4\nP5\n\narXiv:2004.04906v3');
    // Cut in pieces where its letters stand apart, it is read whole, bottom to top.
    const up = (text: string, bottom: number, top: number): OcrLine => ({ text, confidence: 0.9, box: [[100, bottom], [100, top], [130, top], [130, bottom]] });
    const pieces = [up('21 Jun 2021', 350, 200), up('[cs.CV]', 540, 352), up('Xiv:2103.15348v2', 700, 545), up('ar', 750, 705)];
    expect(readingOrder([...pieces, ...paragraph]).text).toBe('P0\nP1\nP2\nP3\nP4\nP5\n\nar Xiv:2103.15348v2 [cs.CV] 21 Jun 2021');
    // A drawing's vertical size keeps its place among the lines.
    const size: OcrLine = { text: '148', confidence: 0.9, box: [[100, 260], [100, 200], [130, 200], [130, 260]] };
    expect(readingOrder([size, ...paragraph]).lines.at(-1)!.text).toBe('P5');
  });

  it('keeps the frame most text reads in when a few lines run vertically (a drawing’s dimensions)', () => {
    const lines = [line('first', 100, 100, 500), line('second', 100, 145, 500), line('R12', 900, 400, 60, 90)];
    expect(readingOrder(lines).lines.map((l) => l.text).slice(0, 2)).toEqual(['first', 'second']);
  });
});
