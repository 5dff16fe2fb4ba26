import { createServer, request, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBody } from './request-body.ts';

const LIMIT = 1000;

describe('readBody over a real HTTP connection', () => {
  let server: Server;
  let url: string;
  let received: Array<Buffer | null>;
  let failed: (error: unknown) => void = () => {};

  beforeAll(async () => {
    server = createServer((req, res) => {
      readBody(req, LIMIT).then(
        (body) => {
          received.push(body);
          res.writeHead(body === null ? 413 : 200, { connection: 'close' }).end(body === null ? 'too large' : String(body.byteLength));
        },
        (error: unknown) => failed(error),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** Sends `chunks` chunked (no Content-Length) unless `length` is given; stops sending once answered. */
  function send(chunks: Buffer[], length?: number): Promise<{ status: number; sentChunks: number }> {
    received = [];
    return new Promise((resolve, reject) => {
      const headers = length === undefined ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(length) };
      const req = request(url, { method: 'POST', headers });
      let sent = 0;
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, sentChunks: sent }));
      });
      req.on('error', (error) => (answered ? undefined : reject(error)));
      const pump = () => {
        while (!answered && sent < chunks.length) {
          if (!req.write(chunks[sent++]!)) return void req.once('drain', pump);
        }
        if (!answered) req.end();
      };
      pump();
    });
  }

  it('returns the whole body, chunked or not, up to the limit', async () => {
    const parts = [Buffer.alloc(400, 1), Buffer.alloc(600, 2)];
    expect(await send(parts)).toMatchObject({ status: 200 });
    expect(received[0]).toEqual(Buffer.concat(parts));
    expect(await send(parts, 1000)).toMatchObject({ status: 200 });
    expect(received[0]?.byteLength).toBe(1000);
  });

  it('refuses a declared length over the limit before reading any of it', async () => {
    expect(await send([], 5000)).toMatchObject({ status: 413 });
    expect(received).toEqual([null]);
  });

  it('refuses a chunked body as it passes the limit, without waiting for the rest', async () => {
    const mb = Buffer.alloc(1 << 20, 0x41);
    const { status, sentChunks } = await send(Array.from({ length: 200 }, () => mb));
    expect(status).toBe(413);
    expect(received).toEqual([null]);
    expect(sentChunks).toBeLessThan(100);
  });

  it('tells a client that went away mid-upload from a server fault: a 400 upload_incomplete, not ECONNRESET', async () => {
    const error = new Promise((resolve) => (failed = resolve));
    const { port } = server.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1', () => {
      socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 900\r\n\r\n' + 'x'.repeat(300));
      setTimeout(() => socket.destroy(), 50);
    });
    expect(await error).toMatchObject({ name: 'ServiceError', status: 400, code: 'upload_incomplete' });
  });
});
