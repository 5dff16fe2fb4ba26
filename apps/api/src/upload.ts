import type { Context } from 'hono';
import { ServiceError, ocrOptionsSchema, type OcrOptions } from '@ocr/contracts';
import { inspectUpload, parsePageSelection, sanitiseFilename, type DocumentLimits, type UploadInspection } from '@ocr/documents';

export type FormFields = Record<string, Array<string | File>>;

/** One uploaded file after the cheap checks: its bytes, a safe name and its real format. */
export interface Upload {
  bytes: Uint8Array;
  filename: string;
  inspection: UploadInspection;
}

/** Parses a multipart body (its size was already bounded by the body-limit middleware). */
export async function readForm(c: Context): Promise<FormFields> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    throw new ServiceError(400, 'missing_file', 'send the document as multipart/form-data with a "file" field');
  }
  let body: Record<string, string | File | Array<string | File>>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch {
    throw new ServiceError(400, 'malformed_multipart', 'the multipart body could not be parsed');
  }
  const fields: FormFields = {};
  for (const [name, value] of Object.entries(body)) fields[name] = Array.isArray(value) ? value : [value];
  return fields;
}

export function filesIn(fields: FormFields, name: string): File[] {
  return (fields[name] ?? []).filter((v): v is File => typeof v !== 'string');
}

/** Request options from form fields, falling back to the query string; a bad value is a 400 naming it. */
export function readOptions(fields: FormFields, query: Record<string, string>): OcrOptions {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(ocrOptionsSchema.shape)) {
    const fromForm = fields[key]?.find((v): v is string => typeof v === 'string');
    const value = fromForm ?? query[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const parsed = ocrOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ServiceError(400, 'invalid_parameter', `${issue.path.join('.')}: ${issue.message}`);
  }
  // Syntax only: whether the pages exist is known once the worker opens the document.
  if (parsed.data.pages) parsePageSelection(parsed.data.pages);
  return parsed.data;
}

/** Reads one file part and runs the cheap checks: size, emptiness, real format, pixel bombs. */
export async function acceptFile(file: File, maxBytes: number, limits: DocumentLimits): Promise<Upload> {
  const filename = sanitiseFilename(file.name);
  if (file.size > maxBytes) {
    throw new ServiceError(413, 'file_too_large', `${filename} is ${(file.size / 2 ** 20).toFixed(1)} MB; the limit is ${maxBytes / 2 ** 20} MB`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { bytes, filename, inspection: inspectUpload(bytes, filename, limits) };
}
