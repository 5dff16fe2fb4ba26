import { describe, expect, it } from 'vitest';
import { parsePageSelection } from './page-range.ts';

describe('parsePageSelection', () => {
  it('resolves pages and ranges into sorted distinct page numbers', () => {
    expect(parsePageSelection('1-3,5')(10)).toEqual([1, 2, 3, 5]);
    expect(parsePageSelection(' 5 , 2 - 3 ,2')(5)).toEqual([2, 3, 5]);
    expect(parsePageSelection('4-')(6)).toEqual([4, 5, 6]);
  });

  it('selects every page when blank', () => {
    expect(parsePageSelection('')(3)).toEqual([1, 2, 3]);
    expect(parsePageSelection('  ')(2)).toEqual([1, 2]);
  });

  it.each(['0', '3-1', 'abc', '1,,2', '-3', '1-2-3', '1.5', '2 3'])('refuses "%s" as invalid_page_range (400)', (spec) => {
    expect(() => parsePageSelection(spec)).toThrow(expect.objectContaining({ code: 'invalid_page_range', status: 400 }));
  });

  it('refuses a page, or a range starting, past the end with page_out_of_range (400)', () => {
    expect(() => parsePageSelection('1,5')(3)).toThrow(expect.objectContaining({ code: 'page_out_of_range', status: 400 }));
    expect(() => parsePageSelection('4-6')(3)).toThrow(expect.objectContaining({ code: 'page_out_of_range' }));
    expect(() => parsePageSelection('3-')(2)).toThrow(expect.objectContaining({ code: 'page_out_of_range' }));
  });

  it('stops a range that starts in the document at its last page, without materialising huge ranges', () => {
    expect(parsePageSelection('1-3')(1)).toEqual([1]);
    expect(parsePageSelection('2-5,1')(3)).toEqual([1, 2, 3]);
    expect(parsePageSelection('1-999999999')(3)).toEqual([1, 2, 3]);
  });
});
