import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPage, type TextBlock } from '@ocr/testkit';
import { form, json, startService, type ServiceHandle } from './harness.ts';

type Rule = [number, number, number, number];

/** A ruled grid of cells: text at each cell's top-left with a margin, rules around every cell. */
function ruledGrid(rows: string[][], columns: number[], top: number, rowHeight: number): { blocks: TextBlock[]; rules: Rule[] } {
  const blocks = rows.flatMap((cells, r) =>
    cells.flatMap((text, c) => (text === '' ? [] : [{ x: columns[c]! + 20, y: top + r * rowHeight + 16, text, fontSize: 30 }])),
  );
  const left = columns[0]!;
  const right = columns.at(-1)!;
  const bottom = top + rows.length * rowHeight;
  const rules: Rule[] = [
    ...rows.map((_, r): Rule => [left, top + r * rowHeight, right, top + r * rowHeight]),
    [left, bottom, right, bottom],
    ...columns.map((x): Rule => [x, top, x, bottom]),
  ];
  return { blocks, rules };
}

// A spec sheet: a parts table with an empty cell, then requirement lines under it.
const SPEC_ROWS = [
  ['项目', '规格', '要求'],
  ['螺纹', 'M8×1.25-6H', '通孔'],
  ['配合', 'Φ30H7/g6', ''],
  ['粗糙度', 'Ra 1.6', '磨削'],
  ['硬度', 'HRC 40~45', '调质'],
];
const specGrid = ruledGrid(SPEC_ROWS, [60, 300, 700, 1000], 60, 70);
const specSheet = renderPage({
  width: 1200,
  height: 620,
  blocks: [
    ...specGrid.blocks,
    { x: 60, y: 440, text: '材料：Q235', fontSize: 30 },
    { x: 60, y: 500, text: '未注公差按GB/T 1804-m，未注倒角C1', fontSize: 30 },
  ],
  rules: specGrid.rules,
});

// A title block: label cells each followed by their value cell.
const TITLE_ROWS = [
  ['图号', 'ZJ-2024-017', '比例', '1:2'],
  ['材料', '45钢', '重量', '2.5kg'],
  ['版本', 'B', '名称', '输出轴'],
];
const titleGrid = ruledGrid(TITLE_ROWS, [40, 240, 680, 880, 1300], 40, 100);
const titleBlock = renderPage({ width: 1360, height: 400, blocks: titleGrid.blocks, rules: titleGrid.rules });

// A drawing sheet: a part outline with dimension callouts, notes under 技术要求, a title block.
const drawingSheet = renderPage({
  width: 1600,
  height: 1100,
  blocks: [
    { x: 300, y: 120, text: 'Φ40h6', fontSize: 28 },
    { x: 900, y: 140, text: 'R5', fontSize: 28 },
    { x: 560, y: 420, text: '120±0.1', fontSize: 28 },
    { x: 1050, y: 330, text: 'M12×1.5-6g', fontSize: 28 },
    { x: 250, y: 500, text: 'Ra 1.6', fontSize: 28 },
    { x: 80, y: 700, text: '技术要求\n1. 调质处理 HRC 28~32\n2. 未注倒角C1\n3. 锐边倒钝', fontSize: 28 },
    ...ruledGrid([['图号', 'ZJ-001', '比例', '1:1'], ['材料', '40Cr', '重量', '1.2kg']], [880, 1030, 1230, 1380, 1560], 820, 80).blocks,
  ],
  rules: [
    [250, 200, 1000, 200],
    [250, 380, 1000, 380],
    [250, 200, 250, 380],
    [1000, 200, 1000, 380],
    [1000, 240, 1300, 240],
    [1000, 340, 1300, 340],
    [1300, 240, 1300, 340],
    ...ruledGrid([['', '', '', ''], ['', '', '', '']], [880, 1030, 1230, 1380, 1560], 820, 80).rules,
  ],
});

describe('structured_content end to end (API and worker as processes, real Redis, default CPU engine)', () => {
  let service: ServiceHandle;
  beforeAll(async () => {
    service = await startService({ workers: 1 });
  });
  afterAll(async () => {
    await service?.stop();
  });

  async function process(name: string, bytes: Uint8Array): Promise<any> {
    const res = await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', body: form([{ name, bytes }]) });
    expect(res.status).toBe(200);
    return (await json(res)).structured_content;
  }

  it('reads the spec sheet: its table with the empty cell, and typed specifications with their places', async () => {
    const content = await process('spec-sheet.png', specSheet);

    expect(content.tables).toHaveLength(1);
    const [table] = content.tables;
    expect(table).toMatchObject({ page: 1, source: 'layout', header: SPEC_ROWS[0] });
    // The recogniser may set a space around "×"; cells hold the text as read.
    const unspaced = (rows: string[][]) => rows.map((row) => row.map((cell) => cell.replace(/\s+/g, '')));
    expect(unspaced(table.rows)).toEqual(unspaced(SPEC_ROWS.slice(1)));
    expect(table.markdown.split('\n')[3]).toBe('| 配合 | Φ30H7/g6 |  |');
    expect(table.confidence).toBeGreaterThan(0.8);
    const empty = table.cells.find((c: any) => c.row === 2 && c.column === 2);
    expect(empty).toMatchObject({ text: '', header: false });
    // The empty cell lies in the third column, on the 配合 row of the grid.
    expect(empty.box.x).toBeGreaterThan(700);
    expect(empty.box.y).toBeGreaterThan(60 + 2 * 70);
    expect(empty.box.y + empty.box.height).toBeLessThan(60 + 3 * 70);

    const specs = content.specifications;
    expect(specs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'thread', designation: 'M8×1.25-6H', system: 'metric', nominalDiameter: 8, pitch: 1.25, toleranceClass: '6H' }),
        expect.objectContaining({ kind: 'fit', text: 'Φ30H7/g6', value: 30, diameter: true, hole: 'H7', shaft: 'g6' }),
        expect.objectContaining({ kind: 'roughness', parameter: 'Ra', value: 1.6 }),
        expect.objectContaining({ kind: 'hardness', scale: 'HRC', min: 40, max: 45 }),
        expect.objectContaining({ kind: 'heat_treatment', text: '调质', process: 'quench_and_temper' }),
        expect.objectContaining({ kind: 'material', text: 'Q235', designation: 'Q235', category: 'structural_steel' }),
        expect.objectContaining({ kind: 'standard', designation: 'GB/T 1804-m', class: 'm' }),
        expect.objectContaining({ kind: 'chamfer', text: 'C1', size: 1, angle: 45 }),
      ]),
    );
    expect(specs).toHaveLength(8);
    // Each specification carries its place: the thread sits in the 规格 column of the 螺纹 row.
    const thread = specs.find((s: any) => s.kind === 'thread');
    expect(thread.page).toBe(1);
    expect(thread.box.x).toBeGreaterThan(300);
    expect(thread.box.x + thread.box.width).toBeLessThan(700);
    expect(thread.box.y).toBeGreaterThan(60 + 70);
    expect(thread.box.y + thread.box.height).toBeLessThan(60 + 2 * 70);

    expect(content.annotations).toEqual([expect.objectContaining({ kind: 'title_block', field: 'material', value: 'Q235' })]);
    expect(content.diagrams).toEqual([]);
  });

  it('reads the spec sheet scanned sideways or upside down as the same table, given as the page turned upright', async () => {
    const unspaced = (rows: string[][]) => rows.map((row) => row.map((cell) => cell.replace(/\s+/g, '')));
    for (const rotation of [90, 180, 270]) {
      const turned = await sharp(specSheet).rotate(rotation).png().toBuffer();
      const res = await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', body: form([{ name: 'turned.png', bytes: turned }]) });
      const body = await json(res);
      expect(body.pages[0]).toMatchObject({ rotation, image_size: [1200, 620] });
      expect(body.structured_content.tables).toHaveLength(1);
      expect(unspaced(body.structured_content.tables[0].rows)).toEqual(unspaced(SPEC_ROWS.slice(1)));
      const thread = body.structured_content.specifications.find((s: any) => s.kind === 'thread');
      expect(thread.box.x).toBeGreaterThan(300);
      expect(thread.box.y).toBeGreaterThan(60 + 70);
    }
  });

  it('reads the title block: drawing number, scale, material, weight, revision and name', async () => {
    const content = await process('title-block.png', titleBlock);
    const fields = content.annotations.filter((a: any) => a.kind === 'title_block').map((a: any) => [a.field, a.label, a.value]);
    expect(fields).toEqual([
      ['drawing_number', '图号', 'ZJ-2024-017'],
      ['scale', '比例', '1:2'],
      ['material', '材料', '45钢'],
      ['weight', '重量', '2.5kg'],
      ['revision', '版本', 'B'],
      ['part_name', '名称', '输出轴'],
    ]);
    const drawingNumber = content.annotations.find((a: any) => a.field === 'drawing_number');
    // Label and value boxes together: from the 图号 cell into the value cell.
    expect(drawingNumber.box.x).toBeLessThan(240);
    expect(drawingNumber.box.x + drawingNumber.box.width).toBeGreaterThan(260);
    expect(content.specifications).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'scale', text: '1:2', numerator: 1, denominator: 2, factor: 0.5 }),
        expect.objectContaining({ kind: 'material', text: '45钢', designation: '45', category: 'carbon_steel' }),
        expect.objectContaining({ kind: 'quantity', text: '2.5kg', value: 2.5, unit: 'kg', quantity: 'mass' }),
      ]),
    );
    expect(content.tables.map((t: any) => t.rows)).toEqual([TITLE_ROWS]);
  });

  it('reads the drawing sheet: the drawing as a diagram region, the notes, the title block', async () => {
    const content = await process('drawing.png', drawingSheet);
    expect(content.diagrams).toHaveLength(1);
    const [drawing] = content.diagrams;
    expect(drawing.source).toBe('layout');
    expect(drawing.labels.map((l: string) => l.replace(/\s+/g, ''))).toEqual(['Φ40h6', 'R5', 'M12×1.5-6g', '120±0.1', 'Ra1.6']);
    // The region holds the callouts and stays clear of the notes (x 80.., y 700..) and title block.
    expect(drawing.box.x).toBeLessThan(250);
    expect(drawing.box.x + drawing.box.width).toBeGreaterThan(1200);
    expect(drawing.box.y).toBeLessThan(120);
    expect(drawing.box.y + drawing.box.height).toBeLessThan(700);

    const notes = content.annotations.filter((a: any) => a.kind === 'note');
    expect(notes.map((n: any) => [n.section, n.number, n.text.replace(/\s+/g, '')])).toEqual([
      ['技术要求', 1, '调质处理HRC28~32'],
      ['技术要求', 2, '未注倒角C1'],
      ['技术要求', 3, '锐边倒钝'],
    ]);
    const fields = content.annotations.filter((a: any) => a.kind === 'title_block').map((a: any) => [a.field, a.value]);
    expect(fields).toEqual([
      ['drawing_number', 'ZJ-001'],
      ['scale', '1:1'],
      ['material', '40Cr'],
      ['weight', '1.2kg'],
    ]);
    expect(content.specifications.map((s: any) => s.kind)).toEqual([
      'fit',
      'radius',
      'thread',
      'linear_dimension',
      'roughness',
      'heat_treatment',
      'hardness',
      'chamfer',
      'scale',
      'material',
      'quantity',
    ]);
  });
});
