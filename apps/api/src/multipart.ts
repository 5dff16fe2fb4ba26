import busboy from 'busboy';

/** One file part of a multipart body: the name the client gave it (if any) and its bytes. */
export interface FilePart {
  filename: string | undefined;
  bytes: Uint8Array;
}

/** The form's fields by name, in the order they came: text values and files. */
export type FormFields = Record<string, Array<string | FilePart>>;

/**
 * Parses a buffered `multipart/form-data` body as clients actually send it. busboy reads
 * `filename*=utf-8''…` (RFC 5987: older python-requests/urllib3 and .NET write non-ASCII names so;
 * undici's parser refuses the whole body over it) and raw UTF-8 names (browsers, newer urllib3).
 * busboy refuses part headers with control characters, which undici takes (the filename
 * sanitiser drops them later), so undici reads what busboy refuses. Rejects with busboy's reason
 * when neither can read the body.
 */
export async function parseMultipart(body: Uint8Array, contentType: string): Promise<FormFields> {
  try {
    return await parseWithBusboy(body, contentType);
  } catch (error) {
    const fallback = await parseWithUndici(body, contentType).catch(() => null);
    if (fallback) return fallback;
    throw error;
  }
}

function parseWithBusboy(body: Uint8Array, contentType: string): Promise<FormFields> {
  return new Promise((resolve, reject) => {
    const fields: FormFields = {};
    const add = (name: string, value: string | FilePart) => (fields[name] ??= []).push(value);
    let parser: busboy.Busboy;
    try {
      // A name sent as plain bytes is UTF-8 (HTML's form encoding); busboy's default is latin1.
      parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8', preservePath: true });
    } catch (error) {
      reject(error);
      return;
    }
    parser.on('field', (name, value) => add(name, value));
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      // A body cut inside a file fails the file's stream too: unheard, that error would end the process.
      stream.on('error', reject);
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => add(name, { filename: info.filename, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) }));
    });
    parser.on('error', reject);
    parser.on('close', () => resolve(fields));
    parser.end(body);
  });
}

async function parseWithUndici(body: Uint8Array, contentType: string): Promise<FormFields> {
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  const fields: FormFields = {};
  for (const [name, value] of form) {
    (fields[name] ??= []).push(typeof value === 'string' ? value : { filename: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  return fields;
}
