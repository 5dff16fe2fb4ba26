import { describe, expect, it } from 'vitest';
import { parseMultipart, type FilePart } from './multipart.ts';

const BOUNDARY = '----formboundary7MA4YWxkTrZu0gW';
const TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

function body(...parts: Array<{ disposition: string; bytes: Uint8Array | string; type?: string }>): Buffer {
  return Buffer.concat([
    ...parts.flatMap(({ disposition, bytes, type }) => [
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`),
      Buffer.from(bytes),
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${BOUNDARY}--\r\n`),
  ]);
}

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x0d, 0x0a, 0x2d, 0x2d]);

describe('parseMultipart', () => {
  it('gives files with their bytes untouched and text fields, repeated names in order', async () => {
    const fields = await parseMultipart(
      body(
        { disposition: 'form-data; name="file"; filename="a.png"', bytes: png, type: 'image/png' },
        { disposition: 'form-data; name="prompt"', bytes: '读取表格 Read the table' },
        { disposition: 'form-data; name="files"; filename="b.png"', bytes: png },
        { disposition: 'form-data; name="files"; filename="c.png"', bytes: new Uint8Array() },
      ),
      TYPE,
    );
    expect(fields['prompt']).toEqual(['读取表格 Read the table']);
    expect(fields['file']).toEqual([{ filename: 'a.png', bytes: Buffer.from(png) }]);
    expect((fields['files'] as FilePart[]).map((f) => [f.filename, f.bytes.byteLength])).toEqual([
      ['b.png', png.length],
      ['c.png', 0],
    ]);
  });

  it('reads a non-ASCII name however the client wrote it: raw UTF-8, or filename* (RFC 5987)', async () => {
    for (const disposition of [
      'form-data; name="file"; filename="图纸 A-01.png"',
      "form-data; name=\"file\"; filename*=utf-8''%E5%9B%BE%E7%BA%B8%20A-01.png",
      "form-data; name=\"file\"; filename=\"A-01.png\"; filename*=UTF-8''%E5%9B%BE%E7%BA%B8%20A-01.png",
    ]) {
      const fields = await parseMultipart(body({ disposition, bytes: png }), TYPE);
      expect((fields['file']![0] as FilePart).filename, disposition).toBe('图纸 A-01.png');
    }
  });

  it('keeps the path a client put in the name, for the sanitiser to drop', async () => {
    const fields = await parseMultipart(body({ disposition: 'form-data; name="file"; filename="C:\\scans\\a.png"', bytes: png }), TYPE);
    expect((fields['file']![0] as FilePart).filename).toBe('C:\\scans\\a.png');
  });

  it('reads a name with a control character in it, which busboy’s header check alone refuses', async () => {
    const fields = await parseMultipart(body({ disposition: 'form-data; name="file"; filename="scan\u0007.png"', bytes: png }), TYPE);
    expect((fields['file']![0] as FilePart).filename).toBe('scan\u0007.png');
    expect((fields['file']![0] as FilePart).bytes).toEqual(new Uint8Array(png));
  });

  it('takes a part with an empty filename as a file with its bytes whole, as the old service did', async () => {
    const fields = await parseMultipart(
      body(
        { disposition: 'form-data; name="file"; filename=""', bytes: png },
        { disposition: 'form-data; name="prompt"', bytes: 'read it' },
        { disposition: 'form-data; name="note"; filename=""', bytes: 'text', type: 'text/plain' },
      ),
      TYPE,
    );
    expect(fields['file']).toEqual([{ filename: '', bytes: new Uint8Array(png) }]);
    expect(fields['prompt']).toEqual(['read it']);
    expect((fields['note']![0] as FilePart).bytes).toEqual(new Uint8Array(Buffer.from('text')));
  });

  it('takes a quoted boundary', async () => {
    const fields = await parseMultipart(body({ disposition: 'form-data; name="dpi"', bytes: '300' }), `multipart/form-data; boundary="${BOUNDARY}"`);
    expect(fields['dpi']).toEqual(['300']);
  });

  it('rejects a body cut before its closing boundary, and a type without a boundary', async () => {
    const whole = body({ disposition: 'form-data; name="file"; filename="a.png"', bytes: png });
    await expect(parseMultipart(whole.subarray(0, whole.length - 30), TYPE)).rejects.toThrow(/end of form/i);
    await expect(parseMultipart(whole, 'multipart/form-data')).rejects.toThrow(/boundary/i);
  });
});
