import { describe, expect, it } from 'vitest';
import type { OcrLine } from '@ocr/contracts';
import { pageLines, hasBox } from '../layout/page-lines.ts';
import { ocrLine } from '../testing/ocr-lines.ts';
import { alignedLineTables } from './aligned-lines.ts';
import { gridToTable } from './grid.ts';

function tablesOf(lines: OcrLine[]) {
  return alignedLineTables(pageLines('', lines).filter(hasBox), 1).map((t) => gridToTable(t.grid));
}

describe('alignedLineTables', () => {
  it('reads rows by vertical overlap and columns by alignment, with a header over numbers', () => {
    const tables = tablesOf([
      ocrLine('项目', 100, 100),
      ocrLine('尺寸', 300, 102),
      ocrLine('公差', 500, 99),
      ocrLine('外径', 100, 140),
      ocrLine('Φ30', 305, 141),
      ocrLine('±0.02', 495, 139),
      ocrLine('长度', 100, 180),
      ocrLine('120', 300, 180),
      ocrLine('±0.1', 500, 181),
    ]);
    expect(tables).toHaveLength(1);
    const [table] = tables;
    expect(table?.source).toBe('layout');
    expect(table?.header).toEqual(['项目', '尺寸', '公差']);
    expect(table?.rows).toEqual([
      ['外径', 'Φ30', '±0.02'],
      ['长度', '120', '±0.1'],
    ]);
    expect(table?.box).toEqual({ x: 100, y: 99, width: 445, height: 102 });
    expect(table?.confidence).toBeCloseTo(0.9);
    expect(table?.cells?.find((c) => c.text === 'Φ30')?.box).toEqual({ x: 305, y: 141, width: 30, height: 20 });
  });

  it('reads a merged header cell over two columns as a two-row header', () => {
    const [table] = tablesOf([
      ocrLine('Item', 100, 100),
      ocrLine('Tolerance', 340, 100),
      ocrLine('Upper', 300, 130),
      ocrLine('Lower', 420, 130),
      ocrLine('Ø20h7', 100, 170),
      ocrLine('0', 310, 170),
      ocrLine('-0.021', 420, 170),
      ocrLine('Ø30H7', 100, 210),
      ocrLine('+0.021', 300, 210),
      ocrLine('0', 430, 210),
    ]);
    expect(table?.header).toEqual(['Item', 'Tolerance Upper', 'Tolerance Lower']);
    expect(table?.rows).toEqual([
      ['Ø20h7', '0', '-0.021'],
      ['Ø30H7', '+0.021', '0'],
    ]);
    const headerCells = table?.cells?.filter((c) => c.header).map(({ box: _box, ...c }) => c);
    expect(headerCells).toEqual([
      { row: 0, column: 0, rowSpan: 2, colSpan: 1, text: 'Item', header: true },
      { row: 0, column: 1, rowSpan: 1, colSpan: 2, text: 'Tolerance', header: true },
      { row: 1, column: 1, rowSpan: 1, colSpan: 1, text: 'Upper', header: true },
      { row: 1, column: 2, rowSpan: 1, colSpan: 1, text: 'Lower', header: true },
    ]);
  });

  it('keeps empty cells as "" with the box of their row and column', () => {
    const [table] = tablesOf([
      ocrLine('名称', 100, 100),
      ocrLine('规格', 300, 100),
      ocrLine('数量', 500, 100),
      ocrLine('螺栓', 100, 140),
      ocrLine('4', 505, 140),
      ocrLine('螺母', 100, 180),
      ocrLine('M8', 300, 180),
      ocrLine('4', 505, 180),
    ]);
    expect(table?.rows).toEqual([
      ['螺栓', '', '4'],
      ['螺母', 'M8', '4'],
    ]);
    const empty = table?.cells?.find((c) => c.row === 1 && c.column === 1);
    expect(empty).toEqual({ row: 1, column: 1, rowSpan: 1, colSpan: 1, text: '', header: false, box: { x: 300, y: 140, width: 40, height: 20 } });
  });

  it('keeps a row whose only cell is in the middle of the table', () => {
    const [table] = tablesOf([
      ocrLine('a', 100, 100),
      ocrLine('b', 300, 100),
      ocrLine('1', 100, 140),
      ocrLine('2', 300, 140),
      ocrLine('9', 300, 180),
      ocrLine('3', 100, 220),
      ocrLine('4', 300, 220),
    ]);
    expect(table?.rows).toEqual([
      ['1', '2'],
      ['', '9'],
      ['3', '4'],
    ]);
  });

  it('reads two boxes under one wide header cell as two columns under a merged header', () => {
    const [table] = tablesOf([
      ocrLine('Part', 100, 100, { width: 200 }),
      ocrLine('Qty', 400, 100),
      ocrLine('Hex', 100, 140),
      ocrLine('bolt', 150, 140),
      ocrLine('2', 400, 140),
    ]);
    expect(table?.header).toEqual(['Part', 'Part', 'Qty']);
    expect(table?.rows).toEqual([['Hex', 'bolt', '2']]);
  });

  it('cuts a box the detector laid over two columns at the space in the gap between them', () => {
    // A statement's date and description boxed as one in some rows (10 px a character here).
    const [table] = tablesOf([
      ocrLine('Date', 100, 100),
      ocrLine('Description', 200, 100),
      ocrLine('Amount', 400, 100),
      ocrLine('01Aug2018', 100, 140),
      ocrLine('Clearing Cheque', 200, 140),
      ocrLine('36.07', 400, 140),
      ocrLine('02Aug2018  Clearing Cheque', 100, 180),
      ocrLine('48.08', 400, 180),
      ocrLine('03Aug2018', 100, 220),
      ocrLine('Transfer', 200, 220),
      ocrLine('70.51', 400, 220),
    ]);
    expect(table?.rows).toEqual([
      ['01Aug2018', 'Clearing Cheque', '36.07'],
      ['02Aug2018', 'Clearing Cheque', '48.08'],
      ['03Aug2018', 'Transfer', '70.51'],
    ]);
  });

  it('keeps a box over two columns whole where no space falls between them, or alone on its row', () => {
    const [table] = tablesOf([
      ocrLine('Item', 100, 100),
      ocrLine('Part', 200, 100),
      ocrLine('Qty', 400, 100),
      ocrLine('1', 100, 140),
      ocrLine('Bolt', 200, 140),
      ocrLine('4', 400, 140),
      ocrLine('ALLPARTSZINCPLATED', 100, 180),
      ocrLine('2', 400, 180),
      ocrLine('Notes apply to all parts', 100, 220),
      ocrLine('3', 100, 260),
      ocrLine('Nut', 200, 260),
      ocrLine('8', 400, 260),
    ]);
    expect(table?.rows.map((row) => row.filter(Boolean))).toEqual([['1', 'Bolt', '4'], ['ALLPARTSZINCPLATED', '2'], ['Notes apply to all parts'], ['3', 'Nut', '8']]);
  });

  it('takes a group heading alone on its row above the table as a header cell over its columns', () => {
    const [table] = tablesOf([
      ocrLine('Results', 460, 60, { width: 120 }),
      ocrLine('Category', 100, 100),
      ocrLine('Participants', 250, 100),
      ocrLine('Accuracy', 400, 100),
      ocrLine('Time', 560, 100),
      ocrLine('Blind', 100, 140),
      ocrLine('5', 250, 140),
      ocrLine('34.5%', 400, 140),
      ocrLine('1199 sec', 560, 140),
      ocrLine('Mobility', 100, 180),
      ocrLine('3', 250, 180),
      ocrLine('95.4%', 400, 180),
      ocrLine('1416 sec', 560, 180),
    ]);
    expect(table?.rows).toEqual([
      ['Blind', '5', '34.5%', '1199 sec'],
      ['Mobility', '3', '95.4%', '1416 sec'],
    ]);
    const heading = table?.cells?.find((c) => c.text === 'Results');
    expect(heading).toMatchObject({ row: 0, column: 2, colSpan: 2, header: true });
    expect(table?.cells?.filter((c) => c.row === 1).map((c) => c.text)).toEqual(['Category', 'Participants', 'Accuracy', 'Time']);
  });

  it('leaves a title or caption above a table out of it', () => {
    for (const above of [ocrLine('Table 1: Results', 100, 60), ocrLine('Test results of all units', 150, 60, { width: 500 })]) {
      const [table] = tablesOf([
        above,
        ocrLine('Unit', 100, 100),
        ocrLine('Load', 300, 100),
        ocrLine('Result', 500, 100),
        ocrLine('A1', 100, 140),
        ocrLine('12.5', 300, 140),
        ocrLine('pass', 500, 140),
        ocrLine('A2', 100, 180),
        ocrLine('13.0', 300, 180),
        ocrLine('fail', 500, 180),
      ]);
      expect(table?.cells?.some((c) => c.text === above.text), above.text).toBe(false);
      expect(table?.header).toEqual(['Unit', 'Load', 'Result']);
    }
  });

  it('finds no table in running text or in a single row', () => {
    expect(
      tablesOf([
        ocrLine('技术要求', 100, 100),
        ocrLine('1. 调质处理 HRC 28~32', 100, 130),
        ocrLine('2. 未注倒角C1', 100, 160),
        ocrLine('Ø20', 100, 400),
        ocrLine('R5', 600, 400),
      ]),
    ).toEqual([]);
  });

  it('finds no table in two columns of running text that share baselines', () => {
    const left = ['The pump is driven by a four pole motor', 'through a flexible coupling. Align the', 'shafts to within 0.1 mm before the first'];
    const right = ['Open the suction valve fully and vent', 'the casing through the plug on the top', 'until only liquid comes out. Never run'];
    expect(tablesOf(left.flatMap((text, i) => [ocrLine(text, 100, 100 + 30 * i), ocrLine(right[i]!, 900, 100 + 30 * i)]))).toEqual([]);
  });

  it('finds no table in two columns of running text beside a few stray words', () => {
    // A magazine page: justified lines whose last word the detector boxed apart, a folio at the left.
    const left = ['"This is Greater Serbia," yet they did not', 'On returning to the region in March I', 'visited the Dubrovnik I had heard of but', 'never seen. As I drove along the coast', 'past gnarled olive trees and peasant', 'women tending their gardens, the city'];
    const right = ['need receives flour, sugar, margarine, oil,', 'mackerel oil and, sometimes, clothing.', 'One question I asked every official I', 'met was, "If you were an American, would', 'you bring your family here on vacation?"', 'Most answered, "No, not yet." It is just'];
    const lines = left.flatMap((text, i) => [ocrLine(text, 100, 100 + 30 * i), ocrLine(right[i]!, 700, 100 + 30 * i)]);
    lines.push(ocrLine('private', 1200, 130), ocrLine('bombs', 1200, 220), ocrLine('54', 20, 250));
    expect(tablesOf(lines)).toEqual([]);
  });

  it('finds no table in a column of prose with a sidebar beside part of it', () => {
    // An infobox whose entries mostly stand beside the blank lines between paragraphs.
    const prose = [0, 1, 2, 4, 5, 7, 8, 9].map((i) => ocrLine(`line ${i} of the article, long enough to be running text`, 100, 100 + 30 * i));
    const sidebar = [1, 3, 6, 8].map((i) => ocrLine(`Entry ${i}`, 800, 100 + 30 * i));
    expect(tablesOf([...prose, ...sidebar])).toEqual([]);
  });

  it('keeps a table with one column of long descriptions', () => {
    const [table] = tablesOf([
      ocrLine('Step', 100, 100),
      ocrLine('Instruction', 300, 100),
      ocrLine('1', 100, 130),
      ocrLine('Open the suction valve fully and vent', 300, 130),
      ocrLine('2', 100, 160),
      ocrLine('Check the alignment again after warm-up', 300, 160),
    ]);
    expect(table?.rows.map((r) => r[0])).toEqual(['1', '2']);
  });

  it('finds a table set in running text, one line of prose close above and below it', () => {
    // NREL's report (camelot's foo.pdf): a heading row of two boxes, prose, the table, its caption, prose.
    const prose = (y: number, lines: number) => Array.from({ length: lines }, (_, i) => ocrLine(`line ${i} of the report's running text, set across the page`, 100, y + 30 * i));
    const lines = [
      ocrLine('2', 100, 10), ocrLine('Quantifying Fuel-Saving Opportunities', 140, 10),
      ...prose(40, 4),
      ...[['Cycle', 'KI', 'Distance'], ['2012_2', '3.30', '1.3'], ['2145_1', '0.68', '11.2'], ['4234_1', '0.59', '58.7']].flatMap((row, r) =>
        row.map((cell, c) => ocrLine(cell, 100 + 200 * c, 160 + 30 * r)),
      ),
      ...prose(280, 4),
      ocrLine('3', 100, 400), ocrLine('Savings from Avoiding Slow-and-Go Driving', 140, 400),
    ];
    const tables = tablesOf(lines);
    expect(tables.map((t) => [t.header, t.rows])).toEqual([[['Cycle', 'KI', 'Distance'], [['2012_2', '3.30', '1.3'], ['2145_1', '0.68', '11.2'], ['4234_1', '0.59', '58.7']]]]);
    // Two columns of prose between such lines are still no table.
    const columns = [0, 1, 2, 3].flatMap((i) => [ocrLine(`left column line ${i} of running text`, 100, 160 + 30 * i), ocrLine(`right column line ${i} of running text`, 700, 160 + 30 * i)]);
    expect(tablesOf([...lines.slice(0, 6), ...columns, ...lines.slice(-6)])).toEqual([]);
  });

  it('splits tables apart by a wide vertical gap', () => {
    const tables = tablesOf([
      ocrLine('a', 100, 100),
      ocrLine('b', 300, 100),
      ocrLine('1', 100, 130),
      ocrLine('2', 300, 130),
      ocrLine('c', 100, 400),
      ocrLine('d', 300, 400),
      ocrLine('3', 100, 430),
      ocrLine('4', 300, 430),
    ]);
    expect(tables.map((t) => t.header)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});
