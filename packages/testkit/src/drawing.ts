import type { TestPage } from './pages.ts';
import type { TextBlock } from './render.ts';

/** An A1 sheet (841 × 594 mm) scanned at 200 dpi. */
export const A1_200DPI = { width: 6600, height: 4700 } as const;

/** A test page whose small text is listed apart, to be checked string by string. */
export interface DrawingPage extends TestPage {
  /** Lines in big text (title block, heading), each expected once and whole. */
  titles: string[];
  /** Dimension callouts and notes in small text (14–18 px font). */
  callouts: string[];
}

const titles = ['GEARBOX HOUSING GENERAL ARRANGEMENT', 'DRAWING No. GA-4471-02 SHEET 1 OF 3 SCALE 1:5'];

// Spread over the whole sheet, so that at every detection tiling some sit near tile edges.
const callouts: Array<[number, number, string]> = [
  [420, 360, '120 H7 BORE DEPTH 85'],
  [2150, 520, 'M16x2 THREAD 8 HOLES EQ SP'],
  [3900, 430, 'R25 TYP FILLET'],
  [5300, 610, 'SECTION A-A SCALE 1:2'],
  [700, 1450, 'CHAMFER 2x45 ALL EDGES'],
  [2600, 1700, 'Ra 1.6 MACHINED FACE'],
  [4500, 1500, 'DATUM B FLATNESS 0.02'],
  [5700, 1900, '4x M10 TAP DEPTH 20'],
  [350, 2600, 'WELD 6 mm FILLET BOTH SIDES'],
  [2100, 2900, 'OIL DRAIN PLUG G1/2'],
  [3800, 2700, 'BEARING SEAT 90 k6'],
  [5200, 3000, 'BREATHER HOLE 12 DIA'],
  [900, 3700, 'PAINT RAL 5015 OUTSIDE'],
  [2900, 3600, 'LIFTING LUG SWL 500 kg'],
  [4300, 3900, 'GASKET 3 mm NBR'],
];

/**
 * An engineering drawing on an A1 sheet: a border and a few rules, a heading and a title block in
 * big text, and dimension callouts in small text scattered over the sheet. Scaled to 1600 px on
 * its long side the callouts are ~3 px high, too small to detect.
 */
export function a1DrawingPage(): DrawingPage {
  const { width, height } = A1_200DPI;
  const blocks: TextBlock[] = [
    { x: 1200, y: 150, text: titles[0]!, fontSize: 110, bold: true },
    { x: 3300, y: 4450, text: titles[1]!, fontSize: 64 },
    ...callouts.map(([x, y, text], i): TextBlock => ({ x, y, text, fontSize: 14 + (i % 5) })),
  ];
  const rules: Array<[number, number, number, number]> = [
    [40, 40, width - 40, 40],
    [width - 40, 40, width - 40, height - 40],
    [width - 40, height - 40, 40, height - 40],
    [40, height - 40, 40, 40],
    [3200, 4380, width - 40, 4380],
    [3200, 4380, 3200, height - 40],
  ];
  return {
    name: 'A1 drawing',
    spec: { width, height, blocks, rules },
    reference: [titles[0], ...callouts.map(([, , text]) => text), titles[1]].join('\n'),
    titles,
    callouts: callouts.map(([, , text]) => text),
  };
}
