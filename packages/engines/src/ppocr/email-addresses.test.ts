import { describe, expect, it } from 'vitest';
import { joinEmailAddresses } from './email-addresses.ts';

describe('joinEmailAddresses', () => {
  it('rejoins an address read with a space beside its @', () => {
    // As docling's DocLayNet TIFF and Swiss QR bill read.
    expect(joinEmailAddresses('bpf@ zurich.ibm.com')).toBe('bpf@zurich.ibm.com');
    expect(joinEmailAddresses('cau @zurich.ibm.com')).toBe('cau@zurich.ibm.com');
    expect(joinEmailAddresses('E-Mail:robert @ rschneider.ch')).toBe('E-Mail:robert@rschneider.ch');
    expect(joinEmailAddresses('Contact: j.smith @ acme-tools.co.uk, Tel 0123')).toBe('Contact: j.smith@acme-tools.co.uk, Tel 0123');
  });

  it('leaves what is no address: a GD&T @, a price, an address already whole, a handle', () => {
    for (const text of ['3X @120°', '2 @ 5.00 each', 'bpf@zurich.ibm.com', 'ask @ the desk', 'Ø10 @ 45° PCD', 'see @ 2.5mm']) {
      expect(joinEmailAddresses(text)).toBe(text);
    }
  });
});
