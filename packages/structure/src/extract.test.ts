import { describe, expect, it } from 'vitest';
import { structuredContentSchema } from '@ocr/contracts';
import { extractStructure } from './extract.ts';
import { ocrLine } from './testing/ocr-lines.ts';

describe('extractStructure', () => {
  it('reads a model page: Markdown table, notes, title block, key-value pairs, figure', () => {
    const text = [
      '# 轴 零件图',
      '![Front view of the shaft](fig.png)',
      '| 项目 | 尺寸 | 备注 |',
      '| --- | --- | --- |',
      '| 外径 | Φ30H7/g6 | |',
      '| 螺纹 | M8×1.25-6H | 2处 |',
      '',
      '技术要求',
      '1. 调质处理 HRC 28~32。',
      '2. 未注公差按GB/T 1804-m。',
      '',
      '图号：ZJ-001',
      '材料：304',
      '比例：1:2',
      '客户：华东机械',
    ].join('\n');
    const content = extractStructure([{ page: 1, text, width: 1000, height: 800, confidence: 0.8 }]);
    expect(structuredContentSchema.parse(content)).toEqual(content);
    expect(content.tables.map((t) => [t.source, t.header, t.rows, t.confidence])).toEqual([
      [
        'markdown',
        ['项目', '尺寸', '备注'],
        [
          ['外径', 'Φ30H7/g6', ''],
          ['螺纹', 'M8×1.25-6H', '2处'],
        ],
        0.8,
      ],
    ]);
    expect(content.diagrams).toEqual([{ page: 1, source: 'model', description: 'Front view of the shaft', labels: [] }]);
    expect(content.annotations.map((a) => (a.kind === 'note' ? [a.kind, a.number, a.text] : a.kind === 'title_block' ? [a.kind, a.field, a.value] : [a.kind, a.key, a.value]))).toEqual([
      ['note', 1, '调质处理 HRC 28~32。'],
      ['note', 2, '未注公差按GB/T 1804-m。'],
      ['title_block', 'drawing_number', 'ZJ-001'],
      ['title_block', 'material', '304'],
      ['title_block', 'scale', '1:2'],
      ['key_value', '客户', '华东机械'],
    ]);
    expect(content.specifications.map((s) => [s.kind, s.text, s.span])).toEqual([
      ['fit', 'Φ30H7/g6', { line: 4, start: 7, end: 15 }],
      ['thread', 'M8×1.25-6H', { line: 5, start: 7, end: 17 }],
      ['heat_treatment', '调质处理', { line: 8, start: 3, end: 7 }],
      ['hardness', 'HRC 28~32', { line: 8, start: 8, end: 17 }],
      ['standard', 'GB/T 1804-m', { line: 9, start: 8, end: 19 }],
      ['material', '304', { line: 12, start: 3, end: 6 }],
      ['scale', '1:2', { line: 13, start: 3, end: 6 }],
    ]);
  });

  it('reads a CPU page: aligned table with cell boxes, boxed specifications, title block in boxes, drawing region', () => {
    const lines = [
      ocrLine('Ø20', 200, 150),
      ocrLine('R5', 520, 170),
      ocrLine('45°', 380, 330),
      ocrLine('项目', 100, 500),
      ocrLine('规格', 300, 500),
      ocrLine('数量', 500, 500),
      ocrLine('螺栓', 100, 540),
      ocrLine('M8×1.25', 300, 540),
      ocrLine('4', 505, 540),
      ocrLine('图号', 600, 700),
      ocrLine('ZJ-002', 700, 700),
      ocrLine('材料', 600, 730),
      ocrLine('304', 700, 730),
    ];
    const content = extractStructure([{ page: 2, text: lines.map((l) => l.text).join('\n'), lines, width: 900, height: 800 }]);
    expect(structuredContentSchema.parse(content)).toEqual(content);
    const spec = content.tables.find((t) => t.header?.[0] === '项目');
    expect(spec?.rows).toEqual([['螺栓', 'M8×1.25', '4']]);
    expect(spec?.cells?.find((c) => c.text === 'M8×1.25')?.box).toEqual({ x: 300, y: 540, width: 70, height: 20 });
    expect(content.annotations.filter((a) => a.kind === 'title_block').map((a) => [a.field, a.value])).toEqual([
      ['drawing_number', 'ZJ-002'],
      ['material', '304'],
    ]);
    expect(content.specifications.map((s) => [s.kind, s.text, s.page, s.box])).toEqual([
      ['diameter', 'Ø20', 2, { x: 200, y: 150, width: 30, height: 20 }],
      ['radius', 'R5', 2, { x: 520, y: 170, width: 20, height: 20 }],
      ['angle', '45°', 2, { x: 380, y: 330, width: 30, height: 20 }],
      ['thread', 'M8×1.25', 2, { x: 300, y: 540, width: 70, height: 20 }],
      ['material', '304', 2, { x: 700, y: 730, width: 30, height: 20 }],
    ]);
    expect(content.diagrams.map((d) => [d.source, d.labels, d.box])).toEqual([
      ['layout', ['Ø20', 'R5', '45°'], { x: 180, y: 130, width: 380, height: 240 }],
    ]);
  });

  it('places a specification inside a longer line at its share of the line box', () => {
    const lines = [ocrLine('外径 Φ20h7 表面 Ra1.6', 100, 100, { width: 300 })];
    const [fit, ra] = extractStructure([{ page: 1, text: lines[0]!.text, lines, width: 500, height: 500 }]).specifications;
    expect(fit?.text).toBe('Φ20h7');
    expect(fit?.box?.x).toBeGreaterThan(100 + 300 * 0.2);
    expect(fit?.box?.x).toBeLessThan(100 + 300 * 0.35);
    expect(ra?.box?.x).toBeGreaterThan(fit?.box?.x ?? Infinity);
    expect(ra && ra.box && ra.box.x + ra.box.width).toBeCloseTo(400);
  });

  it('keeps pages apart and numbers them', () => {
    const content = extractStructure([
      { page: 1, text: 'M8', width: 100, height: 100 },
      { page: 2, text: 'Ra 3.2', width: 100, height: 100 },
    ]);
    expect(content.specifications.map((s) => [s.page, s.kind])).toEqual([
      [1, 'thread'],
      [2, 'roughness'],
    ]);
  });

  it('gives empty lists for an empty document or page', () => {
    const empty = { tables: [], diagrams: [], annotations: [], specifications: [] };
    expect(extractStructure([])).toEqual(empty);
    expect(extractStructure([{ page: 1, text: '', lines: [], width: 10, height: 10 }])).toEqual(empty);
  });
});
