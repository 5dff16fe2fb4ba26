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
  let fields: FormFields;
  try {
    fields = await parseWithBusboy(body, contentType);
  } catch (error) {
    const fallback = await parseWithUndici(body, contentType).catch(() => null);
    if (fallback) return fallback;
    throw error;
  }
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).includes(EMPTY_FILENAME) ? withUnnamedFiles(fields, body, contentType) : fields;
}

const EMPTY_FILENAME = 'filename=""';

/**
 * A part with `filename=""` is a file to the old service's parser (Starlette's) and to the
 * WHATWG one, but a text field to busboy, which would lose its bytes to UTF-8 decoding. Such
 * parts (python-requests' `files={'file': ('', data)}`, a form posted with no file chosen) are
 * taken from undici's reading, as files with no name.
 */
async function withUnnamedFiles(fields: FormFields, body: Uint8Array, contentType: string): Promise<FormFields> {
  const whatwg = await parseWithUndici(body, contentType).catch(() => null);
  if (!whatwg) return fields;
  const merged: FormFields = {};
  for (const [name, values] of Object.entries(fields)) {
    const theirs = whatwg[name] ?? [];
    merged[name] = values.map((value, i) => (typeof value === 'string' && typeof theirs[i] === 'object' ? theirs[i] : value));
  }
  return merged;
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
