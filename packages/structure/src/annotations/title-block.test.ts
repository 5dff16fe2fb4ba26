import { describe, expect, it } from 'vitest';
import { splitTextLine } from '../layout/fragments.ts';
import { hasBox, pageLines } from '../layout/page-lines.ts';
import { groupRows } from '../layout/rows.ts';
import { ocrLine } from '../testing/ocr-lines.ts';
import { isLabelCell } from './labels.ts';
import { pairLabelRows, titleBlockFields } from './title-block.ts';

const textRows = (text: string) => text.split('\n').map((line, i) => splitTextLine(line, i));
const fieldsOf = (rows: ReturnType<typeof textRows>) =>
  titleBlockFields(rows, 1).fields.map(({ field, label, value }) => ({ field, label, value }));

describe('titleBlockFields', () => {
  it('reads "label: value" in Chinese and English, full-width colons included', () => {
    expect(
      fieldsOf(textRows('图号：ZJ-2024-001\n材料: 45钢\n比例 1:2\n重量 2.5kg\n版本: B\nDWG NO. A-1001\nREV: C\nScale: 2:1\n**Material**: 6061-T6')),
    ).toEqual([
      { field: 'drawing_number', label: '图号', value: 'ZJ-2024-001' },
      { field: 'material', label: '材料', value: '45钢' },
      { field: 'scale', label: '比例', value: '1:2' },
      { field: 'weight', label: '重量', value: '2.5kg' },
      { field: 'revision', label: '版本', value: 'B' },
      { field: 'drawing_number', label: 'DWG NO.', value: 'A-1001' },
      { field: 'revision', label: 'REV', value: 'C' },
      { field: 'scale', label: 'Scale', value: '2:1' },
      { field: 'material', label: 'Material', value: '6061-T6' },
    ]);
  });

  it('reads several fields off one line where the later ones have values of their own shape', () => {
    expect(fieldsOf(textRows('DRAWING NO. EN-4471-B REV C SHEET 2 OF 5\nPART NAME: SHAFT SCALE 1:2\n图号 ZJ-001 版本 B\nMATERIAL: STEEL SHEET 2 MM'))).toEqual([
      { field: 'drawing_number', label: 'DRAWING NO.', value: 'EN-4471-B' },
      { field: 'revision', label: 'REV', value: 'C' },
      { field: 'sheet', label: 'SHEET', value: '2 OF 5' },
      { field: 'part_name', label: 'PART NAME', value: 'SHAFT' },
      { field: 'scale', label: 'SCALE', value: '1:2' },
      { field: 'drawing_number', label: '图号', value: 'ZJ-001' },
      { field: 'revision', label: '版本', value: 'B' },
      { field: 'material', label: 'MATERIAL', value: 'STEEL SHEET 2 MM' },
    ]);
  });

  it('splits a line at each Chinese label that stands after a value, and keeps words of a value together', () => {
    expect(fieldsOf(textRows('图纸编号 ZX-2024 材料 Q235\n名称 齿轮轴 材料 40Cr 比例 1:2 数量 2\n名称 材料试验机 底座\n图号 ZJ-3 材料'))).toEqual([
      { field: 'drawing_number', label: '图纸编号', value: 'ZX-2024' },
      { field: 'material', label: '材料', value: 'Q235' },
      { field: 'part_name', label: '名称', value: '齿轮轴' },
      { field: 'material', label: '材料', value: '40Cr' },
      { field: 'scale', label: '比例', value: '1:2' },
      { field: 'quantity', label: '数量', value: '2' },
      { field: 'part_name', label: '名称', value: '材料试验机 底座' },
      { field: 'drawing_number', label: '图号', value: 'ZJ-3' },
    ]);
  });

  it('pairs a label cell with the next cell of its row', () => {
    expect(fieldsOf(textRows('| 图号 | ZJ-001 | 比例 | 1:1 |\n| 材料 | Q235 | 重量 | 3.2 kg |'))).toEqual([
      { field: 'drawing_number', label: '图号', value: 'ZJ-001' },
      { field: 'scale', label: '比例', value: '1:1' },
      { field: 'material', label: '材料', value: 'Q235' },
      { field: 'weight', label: '重量', value: '3.2 kg' },
    ]);
  });

  it('pairs a row of labels with the row of values under it', () => {
    const rows = pairLabelRows([
      [
        { text: '图号', line: 0 },
        { text: '材料', line: 0 },
      ],
      [
        { text: 'ZJ-001', line: 0 },
        { text: '304', line: 0 },
      ],
    ]);
    const found = titleBlockFields(rows, 1);
    expect(found.fields.map((f) => [f.field, f.value])).toEqual([
      ['drawing_number', 'ZJ-001'],
      ['material', '304'],
    ]);
    expect(found.materialValues.map((f) => f.text)).toEqual(['304']);
  });

  it('does not read a word that merely starts like a label', () => {
    expect(fieldsOf(textRows('质量要求：无裂纹\nTITLES: none\nMaterial specification: see note 3\n名称 轴'))).toEqual([
      { field: 'part_name', label: '名称', value: '轴' },
    ]);
  });

  it('with boxes, takes the value right of the label, or under it', () => {
    const lines = pageLines('', [
      ocrLine('图号', 100, 100),
      ocrLine('ZJ-001', 200, 100),
      ocrLine('比例', 400, 100),
      ocrLine('1:2', 500, 100),
      ocrLine('REV', 700, 60),
      ocrLine('B', 705, 90),
    ]).filter(hasBox);
    const rows = groupRows(lines).map((row) => row.map((l) => ({ text: l.text, line: l.index, box: l.box })));
    const found = titleBlockFields(rows, 3);
    expect(found.fields).toEqual([
      { kind: 'title_block', page: 3, field: 'revision', label: 'REV', value: 'B', box: { x: 700, y: 60, width: 30, height: 50 } },
      { kind: 'title_block', page: 3, field: 'drawing_number', label: '图号', value: 'ZJ-001', box: { x: 100, y: 100, width: 160, height: 20 } },
      { kind: 'title_block', page: 3, field: 'scale', label: '比例', value: '1:2', box: { x: 400, y: 100, width: 130, height: 20 } },
    ]);
  });

  it('with boxes, takes no value from another cell far along the row, nor the next row label (SolidWorks’ title block)', () => {
    // DRAWN, CHK'D, APPV'D and MFG head rows whose name cells are empty; the title stands across
    // the sheet, its second line tall enough to gather CHK'D and MFG into one row.
    const lines = pageLines('', [
      ocrLine('DRAWN', 100, 100),
      ocrLine('Weird_Gripper_Cam_', 1200, 96, { height: 30 }),
      ocrLine("CHK'D", 100, 130),
      ocrLine('Adapter', 1200, 135, { height: 75 }),
      ocrLine("APPV'D", 100, 160),
      ocrLine('MFG', 102, 190),
      ocrLine('MATERIAL:', 500, 260),
      ocrLine('PLA', 640, 272, { height: 30 }),
      ocrLine('DWG NO.', 1000, 260),
      ocrLine('UR10_29.20', 1100, 256, { height: 40 }),
    ]).filter(hasBox);
    const rows = groupRows(lines).map((row) => row.map((l) => ({ text: l.text, line: l.index, box: l.box })));
    expect(titleBlockFields(rows, 1).fields.map(({ field, value }) => ({ field, value }))).toEqual([
      { field: 'material', value: 'PLA' },
      { field: 'drawing_number', value: 'UR10_29.20' },
    ]);
  });

  it('takes no label cell for a value: other title-block labels, several run together, the sheet’s size', () => {
    expect(fieldsOf(textRows("APPROVED BY | SIZE DRG NO.\nSHEET REV\nAPPV'D | MFG\nSheet size A3\nWEIGHT: | SCALE:2:1"))).toEqual([
      { field: 'scale', label: 'SCALE', value: '2:1' },
    ]);
    expect(fieldsOf(textRows('DRG NO. | 4471-B'))).toEqual([{ field: 'drawing_number', label: 'DRG NO.', value: '4471-B' }]);
    // Labels that split two ways at every step, then a word that is none: settled in linear time, not 2^200.
    expect(isLabelCell('SHEET SIZE '.repeat(200) + 'x')).toBe(false);
    expect(isLabelCell('SHEET SIZE '.repeat(200))).toBe(true);
  });

  it('leaves a label without a value out', () => {
    expect(fieldsOf(textRows('图号\n材料 | 比例'))).toEqual([]);
  });
});
