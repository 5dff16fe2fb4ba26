import { describe, expect, it } from 'vitest';
import { extensionMismatch, sanitiseFilename } from './filename.ts';
import { awkwardFilenames } from './fixtures/corpus.ts';

describe('sanitiseFilename', () => {
  it.each(awkwardFilenames)('drops directories and control characters from $raw', ({ raw, sanitised }) => {
    expect(sanitiseFilename(raw)).toBe(sanitised);
  });

  it('names a missing filename and keeps the extension of an overlong one', () => {
    expect(sanitiseFilename(undefined)).toBe('upload');
    const long = sanitiseFilename(`${'x'.repeat(400)}.pdf`);
    expect(long).toHaveLength(255);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});

describe('extensionMismatch', () => {
  it('notes an extension that names another format, and only then', () => {
    expect(extensionMismatch('scan.png', 'jpeg')).toMatch(/\.png.*jpeg/);
    expect(extensionMismatch('notes.txt', 'pdf')).toMatch(/\.txt/);
    expect(extensionMismatch('scan.JPG', 'jpeg')).toBeUndefined();
    expect(extensionMismatch('scan.tif', 'tiff')).toBeUndefined();
    expect(extensionMismatch('scan', 'png')).toBeUndefined();
    expect(extensionMismatch(undefined, 'png')).toBeUndefined();
  });
});
