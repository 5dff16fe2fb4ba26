import { describe, expect, it } from 'vitest';
import { hasBox, pageLines } from '../layout/page-lines.ts';
import { groupRows } from '../layout/rows.ts';
import { ocrLine } from '../testing/ocr-lines.ts';
import { notes } from './notes.ts';

const fromText = (text: string) => notes(pageLines(text, undefined), 1);

describe('notes', () => {
  it('reads numbered notes under 技术要求, joining continuation lines', () => {
    const found = fromText(
      ['技术要求', '1. 调质处理 HRC 28~32。', '2、未注倒角C1，', '   未注圆角R2。', '(3) 未注公差按GB/T 1804-m。', '④ 去毛刺。'].join('\n'),
    );
    expect(found.notes).toEqual([
      { kind: 'note', page: 1, section: '技术要求', number: 1, text: '调质处理 HRC 28~32。' },
      { kind: 'note', page: 1, section: '技术要求', number: 2, text: '未注倒角C1， 未注圆角R2。' },
      { kind: 'note', page: 1, section: '技术要求', number: 3, text: '未注公差按GB/T 1804-m。' },
      { kind: 'note', page: 1, section: '技术要求', number: 4, text: '去毛刺。' },
    ]);
    expect([...found.lines]).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('reads English NOTES with a Markdown heading and blank lines between notes', () => {
    const found = fromText('## NOTES:\n\n1. BREAK ALL SHARP EDGES.\n\n2. FINISH: ANODIZE.\n\nSome unrelated paragraph.');
    expect(found.notes.map((n) => [n.section, n.number, n.text])).toEqual([
      ['NOTES', 1, 'BREAK ALL SHARP EDGES.'],
      ['NOTES', 2, 'FINISH: ANODIZE.'],
    ]);
  });

  it('stops at a title-block label or a table, and does not take "1.5" for a number', () => {
    const found = fromText('技术要求\n1. 壁厚1.5\n1.5 mm 以内\n图号: ZJ-001\n| a | b |');
    expect(found.notes.map((n) => n.text)).toEqual(['壁厚1.5 1.5 mm 以内']);
  });

  it('reads "注：…" as one unnumbered note, and a numbered one after the colon', () => {
    expect(fromText('注：未注圆角R2').notes).toEqual([
      { kind: 'note', page: 1, section: '注', number: null, text: '未注圆角R2' },
    ]);
    expect(fromText('NOTES: 1. DEBURR\n2. PAINT').notes.map((n) => n.number)).toEqual([1, 2]);
  });

  it('is not fooled by a sentence that starts with "Note"', () => {
    expect(fromText('Note that the part is steel\n1. something').notes).toEqual([]);
  });

  it('with boxes, takes the column under the heading and leaves the title block beside it', () => {
    const lines = pageLines('', [
      ocrLine('技术要求', 100, 500),
      ocrLine('材料', 900, 530),
      ocrLine('1. 调质处理', 110, 530),
      ocrLine('45钢', 1000, 530),
      ocrLine('2. 锐边倒钝', 110, 560),
      ocrLine('图号', 900, 560),
      ocrLine('ZJ-001', 1000, 560),
      ocrLine('未注倒角C1', 130, 590),
      ocrLine('far below', 100, 900),
    ]).filter(hasBox);
    const found = notes(groupRows(lines).flat(), 1);
    expect(found.notes.map(({ number, text, box }) => ({ number, text, box }))).toEqual([
      { number: 1, text: '调质处理', box: { x: 110, y: 530, width: 110, height: 20 } },
      { number: 2, text: '锐边倒钝 未注倒角C1', box: { x: 110, y: 560, width: 120, height: 50 } },
    ]);
  });
});
