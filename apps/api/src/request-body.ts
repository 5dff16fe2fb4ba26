import type { IncomingMessage } from 'node:http';

/**
 * Reads a request body straight from Node's request, giving up with `null` as soon as it is
 * known to pass `maxBytes` (declared by Content-Length, or counted while a chunked body streams
 * in): an oversize upload is never buffered whole. The rest of a refused body is left to
 * @hono/node-server, which drains or closes the connection once the answer is sent.
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
    const onError = (error: Error) => settle(() => reject(error));
    const onClose = () => settle(() => reject(new Error('the connection closed before the upload ended')));
    incoming.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}
