import { describe, expect, it } from 'vitest';
import { gridToTable } from './grid.ts';
import { htmlTables } from './html.ts';

const first = (html: string, confidence = 1) => {
  const [found] = htmlTables(html, 2, confidence);
  return gridToTable(found!.grid);
};

describe('htmlTables', () => {
  it('flattens a two-row header with colspan and rowspan', () => {
    const table = first(`<table>
      <thead>
        <tr><th rowspan="2">Item</th><th colspan="2">Tolerance</th></tr>
        <tr><th>Upper</th><th>Lower</th></tr>
      </thead>
      <tbody>
        <tr><td>Ø20h7</td><td>0</td><td>-0.021</td></tr>
        <tr><td>Ø30H7</td><td>+0.021</td><td>0</td></tr>
      </tbody>
    </table>`);
    expect(table.page).toBe(2);
    expect(table.source).toBe('html');
    expect(table.header).toEqual(['Item', 'Tolerance Upper', 'Tolerance Lower']);
    expect(table.rows).toEqual([
      ['Ø20h7', '0', '-0.021'],
      ['Ø30H7', '+0.021', '0'],
    ]);
    expect(table.cells?.slice(0, 4)).toEqual([
      { row: 0, column: 0, rowSpan: 2, colSpan: 1, text: 'Item', header: true },
      { row: 0, column: 1, rowSpan: 1, colSpan: 2, text: 'Tolerance', header: true },
      { row: 1, column: 1, rowSpan: 1, colSpan: 1, text: 'Upper', header: true },
      { row: 1, column: 2, rowSpan: 1, colSpan: 1, text: 'Lower', header: true },
    ]);
    expect(table.confidence).toBe(1);
  });

  it('keeps empty cells, decodes entities and line breaks, and places rowspans in the body', () => {
    const table = first(
      '<table><tr><th>名称</th><th>规格</th><th>备注</th></tr>' +
        '<tr><td rowspan=2>螺栓</td><td>M8&times;1.25</td><td></td></tr>' +
        '<tr><td>M10<br/>GB/T 5783</td><td>A &amp; B</td></tr></table>',
    );
    expect(table.header).toEqual(['名称', '规格', '备注']);
    expect(table.rows).toEqual([
      ['螺栓', 'M8×1.25', ''],
      ['', 'M10 GB/T 5783', 'A & B'],
    ]);
  });

  it('reads a table a model stopped writing half-way', () => {
    const table = first('<table><tr><td>图号<td>ZJ-001<tr><td>材料<td>45钢');
    expect(table.header).toBeNull();
    expect(table.rows).toEqual([
      ['图号', 'ZJ-001'],
      ['材料', '45钢'],
    ]);
  });

  it('scales confidence by the rows that fill the width', () => {
    const table = first('<table><tr><th>a</th><th>b</th></tr><tr><td>1</td></tr></table>', 0.9);
    expect(table.rows).toEqual([['1', '']]);
    expect(table.confidence).toBeCloseTo(0.45);
  });

  it('gives the character range of each table', () => {
    const text = 'before <table><tr><td>x</td></tr></table> after <table><tr><td>y</td></tr></table>';
    expect(htmlTables(text, 1, 1).map((t) => text.slice(t.start, t.end))).toEqual([
      '<table><tr><td>x</td></tr></table>',
      '<table><tr><td>y</td></tr></table>',
    ]);
  });
});
