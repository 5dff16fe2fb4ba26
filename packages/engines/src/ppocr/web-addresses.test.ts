import { describe, expect, it } from 'vitest';
import { lowerDomains } from './web-addresses.ts';

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
