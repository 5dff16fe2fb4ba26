import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import { ServiceError, ocrOptionsSchema, type OcrOptions } from '@ocr/contracts';
import { inspectUpload, parsePageSelection, sanitiseFilename, type DocumentLimits, type UploadInspection } from '@ocr/documents';
import { parseMultipart, type FilePart, type FormFields } from './multipart.ts';
import { readBody } from './request-body.ts';

/** One uploaded file after the cheap checks: its bytes, a safe name and its real format. */
export interface Upload {
  bytes: Uint8Array;
  filename: string;
  inspection: UploadInspection;
}

// A body that is the document itself (`curl --data-binary`, clients without multipart).
const RAW_DOCUMENT = /^\s*(?:image\/|application\/(?:pdf|octet-stream)\b)/i;

/** A raw body's file name: `?filename=`, else the Content-Disposition header's. */
function rawFilename(c: Context): string | undefined {
  const query = c.req.query('filename');
  if (query) return query;
  const disposition = c.req.header('content-disposition') ?? '';
  const extended = /filename\*\s*=\s*UTF-8''([^;\s]+)/i.exec(disposition)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended);
    } catch {
      // A malformed %-escape: the plain filename parameter, if any, still names the file.
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1];
}

/**
 * Reads the upload: a multipart body, parsed, or a body that is the document itself (an image,
 * PDF or octet-stream Content-Type), as one "file" field. One over `maxBytes` is a 413 saying
 * `tooLarge`.
 */
export async function readForm(c: Context<{ Bindings: HttpBindings }>, maxBytes: number, tooLarge: string): Promise<FormFields> {
  const type = c.req.header('content-type') ?? '';
  const multipart = type.toLowerCase().startsWith('multipart/form-data');
  if (!multipart && !RAW_DOCUMENT.test(type)) {
    throw new ServiceError(
      400,
      'missing_file',
      'send the document as multipart/form-data with a "file" field, or as the body itself with its Content-Type (image/*, application/pdf or application/octet-stream)',
    );
  }
  const body = await readBody(c.env.incoming, maxBytes);
  if (body === null) throw new ServiceError(413, 'file_too_large', tooLarge);
  if (!multipart) return { file: [{ filename: rawFilename(c), bytes: body }] };
  try {
    return await parseMultipart(body, type);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ServiceError(400, 'malformed_multipart', `the multipart body could not be parsed: ${reason}`);
  }
}

export function filesIn(fields: FormFields, name: string): FilePart[] {
  return (fields[name] ?? []).filter((v): v is FilePart => typeof v !== 'string');
}

/**
 * The 400 for an upload without its file: one that names the field but sent it as text (a part
 * with no filename, as `curl -F 'file=<drawing.png'` sends it) is told so.
 */
export function missingFile(fields: FormFields, names: readonly string[]): ServiceError {
  const asText = names.find((name) => fields[name]?.length);
  if (asText) {
    return new ServiceError(
      400,
      'missing_file',
      `the "${asText}" field came as text, not as a file: send it as a file part with a filename (curl -F ${asText}=@drawing.png)`,
    );
  }
  return new ServiceError(400, 'missing_file', `no ${names.map((name) => `"${name}"`).join(' or ')} field in the upload`);
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
export function acceptFile(file: FilePart, maxBytes: number, limits: DocumentLimits): Upload {
  const filename = sanitiseFilename(file.filename);
  const { bytes } = file;
  if (bytes.byteLength > maxBytes) {
    throw new ServiceError(413, 'file_too_large', `${filename} is ${(bytes.byteLength / 2 ** 20).toFixed(1)} MB; the limit is ${maxBytes / 2 ** 20} MB`);
  }
  return { bytes, filename, inspection: inspectUpload(bytes, filename, limits) };
}
