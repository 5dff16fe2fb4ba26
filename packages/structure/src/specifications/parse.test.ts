import { describe, expect, it } from 'vitest';
import { parseSpecifications } from './parse.ts';

describe('parseSpecifications', () => {
  it('maps matches back to the text as read, through LaTeX and full-width forms', () => {
    const line = '外径 $\\phi 20^{+0.1}_{-0.05}$ 与 Ｍ８×１.２５';
    expect(parseSpecifications(line).map((p) => [p.value.kind, p.text, line.slice(p.start, p.end)])).toEqual([
      ['diameter', '\\phi 20^{+0.1}_{-0.05}', '\\phi 20^{+0.1}_{-0.05}'],
      ['thread', 'Ｍ８×１.２５', 'Ｍ８×１.２５'],
    ]);
  });

  it('reads decimal commas as European drawings write them, and leaves thousands and lists', () => {
    const values = (line: string) => parseSpecifications(line).map((p) => [p.text, p.value]);
    expect(values('Ø21,5±0,1')).toEqual([['Ø21,5±0,1', { kind: 'diameter', value: 21.5, unit: 'mm', spherical: false, tolerance: { upper: 0.1, lower: -0.1 } }]]);
    expect(values('Ra 6,3')).toEqual([['Ra 6,3', { kind: 'roughness', parameter: 'Ra', value: 6.3, unit: 'µm' }]]);
    expect(parseSpecifications('0,125 mm').map((p) => p.value)).toMatchObject([{ value: 0.125 }]);
    expect(parseSpecifications('1,000 mm').map((p) => p.value)).not.toContainEqual(expect.objectContaining({ value: 1 }));
    expect(parseSpecifications('notes 1,2,3').map((p) => p.value)).not.toContainEqual(expect.objectContaining({ value: 1.2 }));
  });

  it('gives the longer of two overlapping readings, and on a tie the more specific kind', () => {
    expect(parseSpecifications('Φ30H7/g6').map((p) => p.value.kind)).toEqual(['fit']);
    expect(parseSpecifications('2A12').map((p) => p.value.kind)).toEqual(['material']);
  });

  it('reads bare grades as materials only with a material label in context', () => {
    expect(parseSpecifications('304')).toEqual([]);
    expect(parseSpecifications('304', { materialLabelBefore: true }).map((p) => p.value)).toEqual([
      { kind: 'material', designation: '304', category: 'stainless_steel' },
    ]);
  });

  it('stays fast on long lines of spaces, separators and repeated notation', () => {
    const lines = [' '.repeat(5000) + '倒角 C1', 'M8 '.repeat(3000), '<td>'.repeat(3000), '材料 304 '.repeat(1000), ': '.repeat(3000) + '1:2'];
    const started = performance.now();
    for (const line of lines) parseSpecifications(line);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
