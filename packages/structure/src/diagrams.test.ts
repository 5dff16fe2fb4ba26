import { describe, expect, it } from 'vitest';
import type { OcrLine } from '@ocr/contracts';
import { layoutDiagrams, modelDiagrams } from './diagrams.ts';
import { hasBox, pageLines } from './layout/page-lines.ts';
import { ocrLine } from './testing/ocr-lines.ts';

const paragraph = [
  ocrLine('This sheet specifies the shaft machined from 45 steel.', 50, 40),
  ocrLine('All dimensions are in millimetres unless noted.', 50, 65),
  ocrLine('Inspect every tenth part.', 50, 90),
];

function diagramsOf(lines: OcrLine[], textLines: number[] = []) {
  return layoutDiagrams(pageLines('', lines).filter(hasBox), 1, { width: 1000, height: 1000, textLines: new Set(textLines) });
}

describe('layoutDiagrams', () => {
  it('finds a region of scattered short callouts, with its labels in reading order', () => {
    const found = diagramsOf([
      ...paragraph,
      ocrLine('Ø20', 200, 300),
      ocrLine('R5', 600, 320),
      ocrLine('45°', 420, 500),
      ocrLine('A-A', 250, 650),
    ]);
    expect(found).toEqual([
      { page: 1, source: 'layout', box: { x: 180, y: 280, width: 460, height: 410 }, labels: ['Ø20', 'R5', '45°', 'A-A'] },
    ]);
  });

  it('finds nothing on a page of running text', () => {
    expect(diagramsOf(paragraph)).toEqual([]);
  });

  it('needs more than one callout, and a region of some size', () => {
    expect(diagramsOf([...paragraph, ocrLine('Ø20', 200, 300)])).toEqual([]);
    expect(diagramsOf([...paragraph, ocrLine('Ø20', 200, 300), ocrLine('R5', 240, 300)])).toEqual([]);
  });

  it('does not take table cells or notes for callouts', () => {
    const cells = [ocrLine('a', 200, 300), ocrLine('b', 450, 300), ocrLine('1', 200, 600), ocrLine('2', 450, 600)];
    expect(diagramsOf(cells, [0, 1, 2, 3])).toEqual([]);
    expect(diagramsOf(cells)).toHaveLength(1);
  });
});

describe('modelDiagrams', () => {
  it('reads image alt text, figure captions and bracketed figure descriptions in text order', () => {
    const text = [
      '![Front view of the flange with four bolt holes](fig1.png)',
      '<figure><img src="a.png"><figcaption>Section A-A</figcaption></figure>',
      '[图：轴的主视图，标注了Φ20h7]',
      'Figure 4: exploded view',
      '图5 装配示意图',
      '图号: ZJ-001',
    ].join('\n');
    expect(modelDiagrams(text, 2).map((d) => d.description)).toEqual([
      'Front view of the flange with four bolt holes',
      'Section A-A',
      '轴的主视图，标注了Φ20h7',
      'exploded view',
      '装配示意图',
    ]);
    expect(modelDiagrams(text, 2)[0]).toEqual({ page: 2, source: 'model', description: 'Front view of the flange with four bolt holes', labels: [] });
  });

  it('finds nothing in plain text', () => {
    expect(modelDiagrams('材料: 45钢\nFigures are approximate.', 1)).toEqual([]);
  });
});
