import { PdfObjects } from './pdf-objects.ts';
import { PdfRef, nameOf, type PdfDict } from './pdf-syntax.ts';

// `/Encrypt 12 0 R` in a trailer or a cross-reference stream's dictionary (not /EncryptMetadata).
const ENCRYPT_ENTRY = /\/Encrypt(?=[\0\t\n\f\r ]*(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+R(?![A-Za-z0-9]))/g;
// The same length as `/Encrypt`: every offset in the cross-reference table still holds.
const RENAMED_ENTRY = '/NoCrypt';

/** Standard security (crypt filters, V 4 or 5) whose streams and strings are not encrypted, its embedded files are. */
function guardsOnlyAttachments(dict: PdfDict): boolean {
  const plain = (key: string) => !dict.has(key) || nameOf(dict.get(key)) === 'Identity';
  const version = dict.get('V');
  const attachments = nameOf(dict.get('EFF'));
  return nameOf(dict.get('Filter')) === 'Standard' && typeof version === 'number' && version >= 4 && plain('StmF') && plain('StrF') && attachments !== undefined && attachments !== 'Identity';
}

/**
 * A PDF whose password guards only its embedded files (`/EFF`, `/AuthEvent /EFOpen`) asks pdfjs 5
 * for the password before it opens at all, though nothing on its pages is encrypted; poppler, and
 * pdf.js since, read its pages without one. Returns the file (latin1, one character per byte) with
 * its /Encrypt entries renamed, so pdfjs reads the pages as they lie; undefined for any other file.
 */
export function withoutAttachmentEncryption(text: string): string | undefined {
  const entries = [...text.matchAll(ENCRYPT_ENTRY)];
  if (entries.length === 0) return undefined;
  const objects = new PdfObjects(text);
  for (const [, num, gen] of entries) {
    const dict = objects.dict(new PdfRef(Number(num), Number(gen)));
    if (!dict || !guardsOnlyAttachments(dict)) return undefined;
  }
  return text.replace(ENCRYPT_ENTRY, RENAMED_ENTRY);
}
