import { describe, expect, it } from 'vitest';
import { joinSchemes, lowerDomains } from './web-addresses.ts';

describe('lowerDomains', () => {
  it('writes a web address’s top-level domain read with a capital in small letters', () => {
    // PDF-Extract-Kit's `paper.png`, the ViLT paper: its code's address in a typewriter face.
    expect(lowerDomains('available at https://github.Com/dandelin/vilt.')).toBe('available at https://github.com/dandelin/vilt.');
    expect(lowerDomains('see www.ti.Com or ocr.example.Org/docs')).toBe('see www.ti.com or ocr.example.org/docs');
  });

  it('leaves sentences, capitals in a host and other words alone', () => {
    for (const text of ['the end.Com', 'Visit WWW.TI.COM', 'https://Example.Com', 'www.ti.Company', 'v1.Net 5']) expect(lowerDomains(text)).toBe(text);
  });
});

describe('joinSchemes', () => {
  it('closes up a web address’s scheme read with spaces, and reads its .con as .com', () => {
    expect(joinSchemes('淘宝网店：htt ps://shop73023976.taobao.con')).toBe('淘宝网店：https://shop73023976.taobao.com');
    expect(joinSchemes('see http s: //example.org/a and h ttp://x.cn')).toBe('see https://example.org/a and http://x.cn');
    expect(joinSchemes('论坛hetp://www.openedv.com/ and htttps://a.io, hltp://b.cn')).toBe('论坛http://www.openedv.com/ and https://a.io, http://b.cn');
    expect(joinSchemes('hxxp://evil.example')).toBe('hxxp://evil.example');
  });

  it('closes up a host read with spaces after its dots, after www. or a scheme', () => {
    expect(joinSchemes('开源电子网：www. openedv. com 发送')).toBe('开源电子网：www.openedv.com 发送');
    expect(joinSchemes('see http://www. ti. com/ and https://docs. example. org')).toBe('see http://www.ti.com/ and https://docs.example.org');
    // Sentences keep their spaces: no www. or scheme before them.
    expect(joinSchemes('Call us. Com ports. See www.ti.com. Then')).toBe('Call us. Com ports. See www.ti.com. Then');
  });

  it('leaves words, a .con that is no host’s, and a scheme with nothing after it', () => {
    for (const text of ['the ht tp rule', 'a.con/b', 'https:// ', 'flight ps://x', 'www.x.con.cn']) expect(joinSchemes(text)).toBe(text);
  });
});
