import { describe, expect, it } from 'vitest';
import { gridToTable } from './grid.ts';
import { markdownTables } from './markdown.ts';

const tables = (text: string, confidence = 0.8) => markdownTables(text.split('\n'), 1, confidence);

describe('markdownTables', () => {
  it('reads header and rows, keeps empty cells, unescapes pipes', () => {
    const [found, ...rest] = tables(
      ['Spec sheet', '| 项目 | 尺寸 | 公差 |', '|:---|:---:|---:|', '| 外径 | Φ30 | |', '| 长度 | 20 \\| 21 | ±0.05 |', 'after'].join('\n'),
    );
    expect(rest).toEqual([]);
    expect(found?.firstLine).toBe(1);
    expect(found?.lastLine).toBe(4);
    const table = gridToTable(found!.grid);
    expect(table.header).toEqual(['项目', '尺寸', '公差']);
    expect(table.rows).toEqual([
      ['外径', 'Φ30', ''],
      ['长度', '20 | 21', '±0.05'],
    ]);
    expect(table.confidence).toBeCloseTo(0.8);
    expect(table.markdown).toBe('| 项目 | 尺寸 | 公差 |\n| --- | --- | --- |\n| 外径 | Φ30 |  |\n| 长度 | 20 \\| 21 | ±0.05 |');
  });

  it('reads tables without outer pipes and pads short rows, lowering confidence', () => {
    const [found] = tables('a | b | c\n--- | --- | ---\n1 | 2\n4 | 5 | 6', 1);
    const table = gridToTable(found!.grid);
    expect(table.rows).toEqual([
      ['1', '2', ''],
      ['4', '5', '6'],
    ]);
    expect(table.confidence).toBeCloseTo(2 / 3);
  });

  it('drops bold around cells and reads <br> as a space', () => {
    const [found] = tables('| **项目** | **规格** |\n|---|---|\n| 螺栓 | M8×1.25<br>GB/T 5783 |');
    const table = gridToTable(found!.grid);
    expect(table.header).toEqual(['项目', '规格']);
    expect(table.rows).toEqual([['螺栓', 'M8×1.25 GB/T 5783']]);
  });

  it('gives a null header for an all-empty header row', () => {
    const [found] = tables('|  |  |\n|---|---|\n| 图号 | ZJ-001 |');
    const table = gridToTable(found!.grid);
    expect(table.header).toBeNull();
    expect(table.rows).toEqual([['图号', 'ZJ-001']]);
  });

  it('finds two tables apart', () => {
    const found = tables('| a | b |\n|---|---|\n| 1 | 2 |\n\ntext\n\n| c |\n|---|\n| 3 |');
    expect(found.map((t) => gridToTable(t.grid).header)).toEqual([['a', 'b'], ['c']]);
  });

  it('ignores pipes without a separator row', () => {
    expect(tables('a | b\nc | d\nM8 | 6H')).toEqual([]);
  });
});
