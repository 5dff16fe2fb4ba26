import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { OcrOptions } from '@ocr/contracts';

/** A document to upload: the name is a hint for the service, the bytes decide the format. */
export interface OcrFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Reads a document from disk, named after the file.
 * @example const file = await readOcrFile('drawings/pump.pdf'); // { name: 'pump.pdf', bytes }
 */
export async function readOcrFile(path: string): Promise<OcrFile> {
  return { name: basename(path), bytes: new Uint8Array(await readFile(path)) };
}

/** The multipart body the upload routes read: the files under `field`, the options as text fields. */
export function uploadForm(field: 'file' | 'files', files: OcrFile[], options: OcrOptions = {}): FormData {
  const form = new FormData();
  // The service sniffs the real format, so the part's type is left generic.
  for (const file of files) form.append(field, new Blob([file.bytes], { type: 'application/octet-stream' }), file.name);
  for (const [key, value] of Object.entries(options)) if (value !== undefined) form.append(key, String(value));
  return form;
}
