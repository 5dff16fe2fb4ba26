import type { DocumentFormat } from './format.ts';

const FALLBACK_NAME = 'upload';
const MAX_LENGTH = 255;
// C0/C1 controls, and bidi overrides that can disguise an extension ("gpj.exe" shown as "exe.jpg").
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const FORMAT_BY_EXTENSION: Record<string, DocumentFormat> = {
  jpg: 'jpeg',
  jpeg: 'jpeg',
  jpe: 'jpeg',
  jfif: 'jpeg',
  png: 'png',
  bmp: 'bmp',
  dib: 'bmp',
  tif: 'tiff',
  tiff: 'tiff',
  webp: 'webp',
  gif: 'gif',
  avif: 'avif',
  heic: 'heic',
  heif: 'heic',
  hif: 'heic',
  jp2: 'jp2',
  j2k: 'jp2',
  j2c: 'jp2',
  jpc: 'jp2',
  jpf: 'jp2',
  jpx: 'jp2',
  pbm: 'pnm',
  pgm: 'pnm',
  ppm: 'pnm',
  pnm: 'pnm',
  pdf: 'pdf',
};

/**
 * A client-supplied filename made safe to echo back and log: directories dropped, control and
 * bidi characters removed, at most 255 characters. It is a label only, never a path.
 *
 * @example
 * sanitiseFilename('../../etc/passwd\u0000.png'); // 'passwd.png'
 */
export function sanitiseFilename(name: string | undefined): string {
  if (name === undefined) return FALLBACK_NAME;
  const base = name.normalize('NFC').replace(UNSAFE_CHARS, '').split(/[/\\]/).pop()!.trim();
  const cleaned = base.replace(/^\.+/, '');
  if (cleaned === '') return FALLBACK_NAME;
  if (cleaned.length <= MAX_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 16 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, MAX_LENGTH - extension.length) + extension;
}

/** A note when the filename's extension names another format than the content, else undefined. */
export function extensionMismatch(filename: string | undefined, format: DocumentFormat): string | undefined {
  const name = sanitiseFilename(filename);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const extension = name.slice(dot + 1).toLowerCase();
  const claimed = FORMAT_BY_EXTENSION[extension];
  if (claimed === format) return undefined;
  return `The filename ends in .${extension} but the content is ${format}; it was read as ${format}.`;
}
