import { inkExtent, type PageSpec, type TextBlock } from './render.ts';

/** A page to render and the text an engine should read from it, in reading order. */
export interface TestPage {
  name: string;
  spec: PageSpec;
  reference: string;
}

/** Width of an A4 page at 200 dpi; the test pages use it so text sizes match real scans. */
export const A4_200DPI = { width: 1654, height: 2339 } as const;
/** 10 pt at 200 dpi. */
const BODY = 28;
const MARGIN = 120;

const manualParagraphs = [
  '3 Installation and Maintenance',
  'Before installing the gearbox, check that the mounting surface is flat\nwithin 0.05 mm and free of paint, burrs and dirt. Lift the unit only by\nthe two eye bolts on the housing; never lift it by the input shaft.',
  'Fill the housing with ISO VG 220 gear oil up to the middle of the sight\nglass. Change the oil after the first 500 hours of operation and then\nevery 4000 hours or once a year, whichever comes first.',
  'Tighten the M16 foundation bolts to 210 Nm in a crosswise pattern.\nWarning: disconnect the motor from the supply before any maintenance.',
];

const chineseParagraphs = [
  '技术要求',
  '1. 未注线性尺寸公差按GB/T 1804-m执行。\n2. 零件加工后应去除毛刺，锐边倒钝0.5×45°。\n3. 调质处理硬度为HB 220~250，表面不得有裂纹。\n4. 装配前所有零件必须清洗干净，不允许有杂质。\n5. 齿轮啮合面接触斑点沿齿高不小于45%，沿齿长不小于60%。\n6. 减速器内加注中负荷工业齿轮油至油标中位。',
];

const specificationLines = [
  'Thread: M12x1.75-6g',
  'Bore: 25 H7 (+0.021/0)',
  'Tolerance: ±0.05 mm unless otherwise stated',
  'Surface roughness: Ra 1.6 μm on all machined faces',
  'Hardness: 58-62 HRC, case depth 0.8-1.2 mm',
  'Chamfer: 1×45°, fillet R0.5',
  'Material: 42CrMo4 (EN 10083-3), quenched and tempered',
  'Flatness 0.02, parallelism 0.03 to datum A',
  'Weight: 3.6 kg',
];

/** Paragraphs stacked from `y` with a blank line between them; returns the blocks and the next free y. */
function stack(paragraphs: readonly string[], x: number, y: number, fontSize = BODY): { blocks: TextBlock[]; bottom: number } {
  const blocks: TextBlock[] = [];
  let top = y;
  for (const text of paragraphs) {
    blocks.push({ x, y: top, text, fontSize });
    top += (text.split('\n').length + 1) * fontSize * 1.5;
  }
  return { blocks, bottom: top };
}

function textPage(name: string, paragraphs: readonly string[], fontSize = BODY): TestPage {
  const { blocks, bottom } = stack(paragraphs, MARGIN, MARGIN, fontSize);
  return { name, spec: { width: A4_200DPI.width, height: Math.ceil(bottom + MARGIN), blocks }, reference: paragraphs.join('\n\n') };
}

/** English prose from an equipment manual: a heading and three paragraphs. */
export function englishManualPage(): TestPage {
  return textPage('english manual', manualParagraphs);
}

/** Chinese technical requirements with embedded standards and numbers. */
export function chinesePage(): TestPage {
  return textPage('chinese text', chineseParagraphs);
}

/** Specification lines of a drawing: threads, fits, tolerances, roughness, hardness, materials. */
export function specificationPage(): TestPage {
  return textPage('specification lines', [specificationLines.join('\n')], 26);
}

/** A parts list with ruled cells; the reference reads it row by row. */
export function ruledTablePage(): TestPage {
  const rows = [
    ['No.', 'Part name', 'Material', 'Qty'],
    ['1', 'Housing', 'HT250', '1'],
    ['2', 'Input shaft', '42CrMo4', '1'],
    ['3', 'Gear z=57 m=2.5', '20CrMnTi', '1'],
    ['4', 'Deep groove ball bearing 6208', 'GCr15', '2'],
    ['5', 'Oil seal 40x62x8', 'NBR', '2'],
    ['6', 'Hex bolt M10x35', '8.8 steel', '12'],
  ];
  const columns = [MARGIN, 260, 860, 1260, 1480];
  const rowHeight = 64;
  const blocks: TextBlock[] = [];
  rows.forEach((cells, r) =>
    cells.forEach((text, c) => blocks.push({ x: columns[c]! + 20, y: MARGIN + r * rowHeight + 18, text, fontSize: BODY, bold: r === 0 })),
  );
  const bottom = MARGIN + rows.length * rowHeight;
  const rules: Array<[number, number, number, number]> = [
    ...rows.map((_, r): [number, number, number, number] => [columns[0]!, MARGIN + r * rowHeight, columns.at(-1)!, MARGIN + r * rowHeight]),
    [columns[0]!, bottom, columns.at(-1)!, bottom],
    ...columns.map((x): [number, number, number, number] => [x, MARGIN, x, bottom]),
  ];
  return {
    name: 'ruled table',
    spec: { width: A4_200DPI.width, height: bottom + MARGIN, blocks, rules },
    reference: rows.map((cells) => cells.join(' ')).join('\n'),
  };
}

/** A ruled table drawn as tight as a LaTeX table: its rules and where each row's cells stand. */
export interface TightTable extends TestPage {
  /** x of each vertical rule, left to right. */
  rules: number[];
  /** y of each horizontal rule, top to bottom: row r lies between the r-th and the next. */
  rows: number[];
}

/**
 * `cells` in a ruled table whose columns are as wide as their widest text, which stands `gap` px
 * from the rules' middles (a rule is 2 px wide): a paper's header row, whose text the detector
 * reads across in one box, rules and all.
 */
export function tightTablePage(cells: ReadonlyArray<readonly string[]>, fontSize: number, fontFamily: string, gap = 2): TightTable {
  const inks = cells.map((row) => row.map((text) => inkExtent(text, fontSize, fontFamily)));
  const widths = cells[0]!.map((_, c) => Math.max(...inks.map((row) => row[c]!.right - row[c]!.left)) + 2 * gap);
  const rules = widths.reduce((xs, width) => [...xs, Math.round(xs.at(-1)! + width)], [MARGIN]);
  const rowHeight = Math.round(fontSize * 1.4);
  const rows = [...cells.keys(), cells.length].map((r) => MARGIN + r * rowHeight);
  const blocks = cells.flatMap((row, r) =>
    row.map((text, c): TextBlock => ({ x: rules[c]! + gap - inks[r]![c]!.left, y: rows[r]! + Math.round(fontSize * 0.15), text, fontSize, fontFamily })),
  );
  const bottom = rows.at(-1)!, right = rules.at(-1)!;
  const lines: Array<[number, number, number, number]> = [
    ...rows.map((y): [number, number, number, number] => [MARGIN, y, right, y]),
    ...rules.map((x): [number, number, number, number] => [x, MARGIN, x, bottom]),
  ];
  return {
    name: 'tight table',
    spec: { width: right + MARGIN, height: bottom + MARGIN, blocks, rules: lines },
    reference: cells.map((row) => row.join(' ')).join('\n'),
    rules,
    rows,
  };
}

/**
 * Words set from `x` to `x + width`, their ink touching both ends (the words spread apart) where
 * `justify`, else a third of `fontSize` apart: one block per word.
 */
function setLine(words: readonly string[], x: number, y: number, width: number, justify: boolean, fontSize: number, fontFamily: string): TextBlock[] {
  const inks = words.map((word) => inkExtent(word, fontSize, fontFamily));
  const inked = inks.reduce((sum, ink) => sum + ink.right - ink.left, 0);
  const space = justify && words.length > 1 ? (width - inked) / (words.length - 1) : fontSize / 3;
  let at = x;
  return words.map((text, i) => {
    const ink = inks[i]!;
    const block = { x: Math.round(at - ink.left), y, text, fontSize, fontFamily };
    at += ink.right - ink.left + space;
    return block;
  });
}

/** `text`'s words in lines whose ink is at most `width` px long, greedily. */
function wrap(text: string, width: number, fontSize: number, fontFamily: string): string[][] {
  const lines: string[][] = [[]];
  for (const word of text.split(' ')) {
    const line = [...lines.at(-1)!, word];
    const ink = inkExtent(line.join(' '), fontSize, fontFamily);
    if (ink.right - ink.left <= width || line.length === 1) lines[lines.length - 1] = line;
    else lines.push([word]);
  }
  return lines;
}

/**
 * A newspaper's page on yellowed paper: a headline across three justified serif columns 20 ems
 * wide set `gutter` px of paper apart (each paragraph's last line short), as an old paper is scanned.
 */
export function newspaperPage(gutter: number): TestPage {
  const paragraphs = [
    'The new laboratory for the testing of pumps and valves opened its doors on the campus last week, with the arrival of its first twelve engineers and four technicians from the works in the north. It holds a flow loop of two hundred metres and a test bench for motors of up to ninety kilowatts.',
    'Each pump is run for one hundred hours at its rated flow before it is shipped, and its head, power and vibration are measured every ten minutes during the run. A pump that fails any of these checks is opened, mended and tested again from the start.',
    'The valves are tested for leakage at one and a half times their rated pressure with water, then with air at six bar, and each result is written down in the book kept for every valve. The works hopes to test a thousand valves a month by the end of the year.',
  ];
  const fontSize = 24, fontFamily = '"DejaVu Serif"', step = Math.round(fontSize * 1.3), width = 20 * fontSize;
  const columns = paragraphs.map((text) => wrap(text, width, fontSize, fontFamily));
  const headline = 'Laboratory Opens For Pumps And Valves';
  const top = MARGIN + 3 * fontSize;
  const blocks: TextBlock[] = [
    { x: MARGIN, y: MARGIN, text: headline, fontSize: 40, fontFamily, bold: true },
    ...columns.flatMap((lines, c) =>
      lines.flatMap((words, i) => setLine(words, MARGIN + c * (width + gutter), top + i * step, width, i < lines.length - 1, fontSize, fontFamily)),
    ),
  ];
  return {
    name: 'newspaper',
    spec: { width: 2 * MARGIN + 3 * width + 2 * gutter, height: top + Math.max(...columns.map((lines) => lines.length)) * step + MARGIN, blocks, paper: '#e7d2a5' },
    reference: [headline, ...columns.map((lines) => lines.map((words) => words.join(' ')).join('\n'))].join('\n\n'),
  };
}

/** A full-width title over two columns whose lines share baselines: rows alone would read across. */
export function twoColumnPage(): TestPage {
  const left = [
    'The pump is driven by a four pole motor',
    'through a flexible coupling. Align the',
    'shafts to within 0.1 mm before the first',
    'start and check the alignment again',
    'after the unit has reached its working',
    'temperature. Misalignment shortens the',
    'life of the bearings and the seals.',
  ];
  const right = [
    'Open the suction valve fully and vent',
    'the casing through the plug on the top',
    'until only liquid comes out. Never run',
    'the pump dry, not even for a moment,',
    'because the mechanical seal needs the',
    'pumped liquid for cooling. Close the',
    'discharge valve before stopping.',
  ];
  const title = 'Commissioning the centrifugal pump';
  const columnTop = MARGIN + 3 * BODY;
  const blocks: TextBlock[] = [
    { x: MARGIN, y: MARGIN, text: title, fontSize: 36, bold: true },
    { x: MARGIN, y: columnTop, text: left.join('\n'), fontSize: BODY },
    { x: 880, y: columnTop, text: right.join('\n'), fontSize: BODY },
  ];
  return {
    name: 'two columns',
    spec: { width: A4_200DPI.width, height: Math.ceil(columnTop + left.length * BODY * 1.5 + MARGIN), blocks },
    reference: [title, left.join('\n'), right.join('\n')].join('\n\n'),
  };
}

/** A label printed upside down below an upright line. */
export function upsideDownPage(): TestPage {
  const upright = 'Inspection cover, remove before filling';
  const flipped = 'Maximum oil level 12 litres';
  return {
    name: 'upside-down line',
    spec: {
      width: A4_200DPI.width,
      height: 420,
      blocks: [
        { x: MARGIN, y: MARGIN, text: upright, fontSize: BODY },
        { x: 500, y: 250, text: flipped, fontSize: BODY, upsideDown: true },
      ],
    },
    reference: `${upright}\n\n${flipped}`,
  };
}

/** A full A4 page at 200 dpi holding the manual, the specification lines and the Chinese text. */
export function a4Page(): TestPage {
  const paragraphs = [...manualParagraphs, specificationLines.join('\n'), ...chineseParagraphs, ...manualParagraphs.slice(1)];
  const { blocks } = stack(paragraphs, MARGIN, MARGIN);
  return { name: 'A4 200 dpi', spec: { ...A4_200DPI, blocks }, reference: paragraphs.join('\n\n') };
}

/** The pages the engine tests and the benchmark share. */
export function standardPages(): TestPage[] {
  return [englishManualPage(), chinesePage(), ruledTablePage(), specificationPage(), twoColumnPage()];
}
