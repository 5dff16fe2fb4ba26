import { describe, expect, it } from 'vitest';
import { joinFileNames } from './file-names.ts';

describe('joinFileNames', () => {
  it('closes up a file name’s extension read with a space after its dot (a flashing tool’s window)', () => {
    expect(joinFileNames('gc093aef2/PROJ_MF1H_bin. bin 0x00000 打开文件')).toBe('gc093aef2/PROJ_MF1H_bin.bin 0x00000 打开文件');
    expect(joinFileNames('flash firmware-v2. hex, then config_1. json')).toBe('flash firmware-v2.hex, then config_1.json');
  });

  it('leaves sentences, plain words and extensions it does not know', () => {
    for (const text of ['Empty the bin. Bin day is Monday', 'in the bin. bin', 'see item 3. c', 'v1. 2', 'Rev. 0.2 pdf']) expect(joinFileNames(text)).toBe(text);
  });
});
