import { describe, expect, it } from 'vitest';
import { fixHexBytes } from './hex-bytes.ts';

describe('fixHexBytes', () => {
  it('splits bytes run together among a packet’s bytes (ATGM’s upgrade protocol, scanned)', () => {
    expect(fixHexBytes('如：DB 0D 00 01020100 E0 F7010000 000000 19 DE -- 导航代码长度为 0x0001f7e0')).toBe(
      '如：DB 0D 00 01 02 01 00 E0 F7 01 00 00 00 00 00 19 DE -- 导航代码长度为 0x0001f7e0',
    );
    expect(fixHexBytes('b5 62 0601 08 00 f0 04')).toBe('b5 62 06 01 08 00 f0 04');
  });

  it('leaves a dump’s address, odd lengths, numbers without a lettered byte, and mixed case', () => {
    const text = [
      '00000010 4A 5B 6C 7D 8E',
      'DB 0D 00 123 45',
      'Years 2019 2020 12 34 56 7890',
      'AB Cd 12 34 5678',
      'BE AD 1234',
      'FACE 00 11 22',
      'AC 220 DC 12 AC 24 1500',
    ];
    for (const t of text) expect(fixHexBytes(t)).toBe(t);
  });
});
