import { describe, expect, it } from 'vitest';
import { withoutAttachmentEncryption } from './attachment-encryption.ts';
import { latinTextPdf } from './fixtures/index.ts';

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

describe('withoutAttachmentEncryption', () => {
  it('renames the /Encrypt entry of a file whose password guards only its attachments, keeping every offset', () => {
    const text = latin1(latinTextPdf(1, { encryption: { userPassword: 'secret', ownerPassword: 'owner', handler: 'aes-256-r6', attachmentsOnly: true } }));
    const plain = withoutAttachmentEncryption(text);
    expect(plain).toBeDefined();
    expect(plain!.length).toBe(text.length);
    expect(plain).not.toMatch(/\/Encrypt\s+\d+\s+\d+\s+R/);
    expect(plain!.replace('/NoCrypt', '/Encrypt')).toBe(text);
  });

  it('leaves alone files whose pages are encrypted, and files with no encryption', () => {
    for (const handler of ['rc4-40', 'aes-256-r5', 'aes-256-r6'] as const) {
      expect(withoutAttachmentEncryption(latin1(latinTextPdf(1, { encryption: { userPassword: 'secret', ownerPassword: 'owner', handler } })))).toBeUndefined();
    }
    expect(withoutAttachmentEncryption(latin1(latinTextPdf(1)))).toBeUndefined();
  });
});
