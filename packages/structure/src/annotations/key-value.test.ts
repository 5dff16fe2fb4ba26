import { describe, expect, it } from 'vitest';
import { splitTextLine } from '../layout/fragments.ts';
import { keyValuePairs } from './key-value.ts';

const pairs = (text: string) =>
  keyValuePairs(
    text.split('\n').flatMap((line, i) => splitTextLine(line, i)),
    1,
  ).map(({ key, value }) => [key, value]);

describe('keyValuePairs', () => {
  it('reads "key: value" and "key：value" in Chinese and English', () => {
    expect(pairs('客户：华东机械\nCustomer: ACME Corp.\n- **Surface finish**: anodized\n表面处理: 发黑')).toEqual([
      ['客户', '华东机械'],
      ['Customer', 'ACME Corp.'],
      ['Surface finish', 'anodized'],
      ['表面处理', '发黑'],
    ]);
  });

  it('leaves ratios, times, URLs, empty values and sentences out', () => {
    expect(pairs('1:2\n12:30\nsee http://example.com\nhttp://example.com\n说明：\nthe tolerance applies to all the faces: yes')).toEqual([]);
    expect(pairs('SECTION A-A SCALE 1:2\nDETAIL B 2:1\nNote 1: 5 mm\nScale: 1:2')).toEqual([
      ['Note 1', '5 mm'],
      ['Scale', '1:2'],
    ]);
  });
});
