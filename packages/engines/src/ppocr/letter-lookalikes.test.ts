import { describe, expect, it } from 'vitest';
import { fixAisi, fixCapitalI } from './letter-lookalikes.ts';

describe('fixCapitalI', () => {
  it('reads l as I inside words written in capitals', () => {
    expect(fixCapitalI('Material: AlSl 316L, lSO 9001, DlN 912, MATERlAL')).toBe('Material: AISI 316L, ISO 9001, DIN 912, MATERIAL');
    expect(fixCapitalI('钢AlSl304')).toBe('钢AISI304');
  });

  it('leaves mixed-case words, element symbols and lone capitals alone', () => {
    const text = 'Al 6061, AlMg3, AlSi10Mg, HCl 10%, 5 ml, Il, Steel, SS, M12, l';
    expect(fixCapitalI(text)).toBe(text);
  });
});

describe('fixAisi', () => {
  it('mends AIST before a steel grade, and nothing else', () => {
    expect(fixAisi('MATERIAL: AIST 304, AIST316L. AIST 420')).toBe('MATERIAL: AISI 304, AISI316L. AISI 420');
    expect(fixAisi('AIST Tsukuba, AIST 2024-05, AIST 1.5, AISTS 304')).toBe('AIST Tsukuba, AIST 2024-05, AIST 1.5, AISTS 304');
  });
});
