import type { IncomingMessage } from 'node:http';
import { ServiceError } from '@ocr/contracts';

/**
 * Reads a request body straight from Node's request, giving up with `null` as soon as it is
 * known to pass `maxBytes` (declared by Content-Length, or counted while a chunked body streams
 * in): an oversize upload is never buffered whole. The rest of a refused body is left to
 * @hono/node-server, which drains or closes the connection once the answer is sent. A client that
 * goes away mid-upload gets a 400 `upload_incomplete` (answered to no one, but logged as what it
 * is: Node reports it as ECONNRESET, like a lost Redis connection).
 *
 * Not through `c.req` with Hono's body-limit middleware: touching `c.req.raw.body` builds a WHATWG
 * Request and two stream adapters per request, which cost more CPU than the rest of an upload's
 * handling on small documents.
 */
export function readBody(incoming: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  if (Number(incoming.headers['content-length']) > maxBytes) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (finish: () => void) => {
      incoming.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      finish();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= maxBytes) return void chunks.push(chunk);
      incoming.pause();
      settle(() => resolve(null));
    };
    const onEnd = () => settle(() => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
    const incomplete = (cause?: Error) => new ServiceError(400, 'upload_incomplete', 'the connection closed before the upload ended', { cause });
    const onError = (error: Error) => settle(() => reject(incomplete(error)));
    const onClose = () => settle(() => reject(incomplete()));
    incoming.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}
