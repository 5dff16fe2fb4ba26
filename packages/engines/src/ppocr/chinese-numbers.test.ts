import { describe, expect, it } from 'vitest';
import type { Quad } from '@ocr/contracts';
import { chineseNumberMarks } from './chinese-numbers.ts';
import type { ReadLine } from './readings.ts';

const BOX: Quad = [[0, 0], [100, 0], [100, 20], [0, 20]];
const line = (text: string): ReadLine => ({ text, confidence: 0.9, box: BOX, characters: text.length });
/** A page of Chinese print: a lab report's rows (PaddleOCR's sample image 00018069). */
const CHINESE = ['代号 项目 结果 参考值 单位', 'ALT 谷丙转氨酶', 'TBIL 总胆红素', 'DBIL 直接胆红素', 'IBIL 间接胆红素', 'TP 总蛋白'];
const onChinesePage = (text: string) => chineseNumberMarks([...CHINESE, text].map(line)).at(-1)!.text;

describe('chineseNumberMarks', () => {
  it('closes up a decimal point read with a space after it on a page of Chinese print (Song faces’ half-width cells)', () => {
    expect(onChinesePage('25. 6')).toBe('25.6');
    expect(onChinesePage('7. 9 1. 5--15 umol/L')).toBe('7.9 1.5--15 umol/L');
    expect(onChinesePage('0. 8×25= 0×4. 23= 2. 97×3. 8=')).toBe('0.8×25= 0×4.23= 2.97×3.8=');
  });

  it('keeps the space after a list’s number before Chinese, or before a word with letters where it opens the line', () => {
    expect(onChinesePage('1. 2019年，公司')).toBe('1. 2019年，公司');
    expect(onChinesePage('2. 3个螺栓')).toBe('2. 3个螺栓');
    expect(onChinesePage('1. 25mm厚钢板，厚度 1. 5')).toBe('1. 25mm厚钢板，厚度 1.5');
  });

  it('reads points among thousands separators as commas on a page of Chinese print', () => {
    expect(onChinesePage('北京能源集团 4.4294% 160.000,000')).toBe('北京能源集团 4.4294% 160,000,000');
    expect(onChinesePage('冻结 50.000.000 境内')).toBe('冻结 50,000,000 境内');
    // A last point is a decimal one; three points and no comma may be an address.
    expect(onChinesePage('1,250.500 192.168.100.200 1.500')).toBe('1,250.500 192.168.100.200 1.500');
  });

  it('leaves a page of Latin print as read: a space after a list’s number, points between thousands', () => {
    const page = ['Installation steps for the pump', 'See step 1. 2 bolts hold it', 'Preis 50.000.000 EUR', '共 2 页'].map(line);
    expect(chineseNumberMarks(page).map((l) => l.text)).toEqual(page.map((l) => l.text));
  });
});
