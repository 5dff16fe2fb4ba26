// POST /ocr/process round trip (API, Redis, worker as processes; instant engine) beside a bare BullMQ
// add → waitUntilFinished, measured in the same run in alternating blocks. Usage: pnpm exec tsx test/bench/queue/run.ts [rounds]
// The HTTP client is node:http on a kept-alive connection, like the baseline's one ioredis
// connection: fetch's own overhead (~1 ms here) is the client's, not the service's.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import sharp from 'sharp';
import { openDocument } from '@ocr/documents';
import { REDIS_URL, startProcess, waitFor } from '../../harness.ts';

const rounds = Number(process.argv[2] ?? 500);
const warmup = 50;
const BLOCK = 50;
const here = dirname(fileURLToPath(import.meta.url));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Timing {
  p50: number;
  p99: number;
}

function report(label: string, samples: number[]): Timing {
  samples.sort((a, b) => a - b);
  const result = { p50: percentile(samples, 50), p99: percentile(samples, 99) };
  process.stdout.write(`${label.padEnd(44)} p50 ${result.p50.toFixed(2).padStart(7)} ms   p99 ${result.p99.toFixed(2).padStart(7)} ms\n`);
  return result;
}

async function sample(once: () => Promise<void>, count: number, into: number[] = []): Promise<number[]> {
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await once();
    into.push(performance.now() - t0);
  }
  return into;
}

async function time(label: string, once: () => Promise<void>): Promise<Timing> {
  await sample(once, warmup);
  return report(label, await sample(once, rounds));
}

/** A round trip to time, and how to take its parts down afterwards. */
interface Contender {
  once: () => Promise<void>;
  close: () => Promise<void>;
}

async function bareBullmq(): Promise<Contender> {
  const prefix = `bench${randomBytes(3).toString('hex')}`;
  const worker = fork(join(here, 'bare-worker.ts'), { env: { ...process.env, QUEUE_PREFIX: prefix }, execArgv: ['--import', 'tsx'] });
  await new Promise((resolve) => worker.once('message', resolve));
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue('bare', { connection, prefix });
  const events = new QueueEvents('bare', { connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }), prefix });
  await events.waitUntilReady();
  return {
    async once() {
      const job = await queue.add('x', { n: 1 });
      await job.waitUntilFinished(events, 10_000);
    },
    async close() {
      worker.kill('SIGKILL');
      await events.close();
      await queue.obliterate({ force: true });
      await queue.close();
      connection.disconnect();
    },
  };
}

/** One multipart upload, encoded per request the way python-requests does it: in memory, then sent. */
function postFile(url: string, agent: Agent, filename: string, bytes: Buffer): Promise<void> {
  const boundary = randomBytes(16).toString('hex');
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const headers = { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) };
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}: ${Buffer.concat(chunks).toString()}`)),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

function getOk(url: string, agent: Agent): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { accept: 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

interface Ours extends Contender {
  png: Buffer;
  /** One HTTP round trip to this API with no queue behind it. */
  getIndex: () => Promise<void>;
}

async function ocrProcess(): Promise<Ours> {
  const prefix = `bench${randomBytes(3).toString('hex')}`;
  const port = 18_000 + Math.floor(Math.random() * 1000);
  const env = { REDIS_URL, QUEUE_PREFIX: prefix, LOG_LEVEL: 'warn' };
  const api = startProcess('bench-api', 'apps/api/src/main.ts', { ...env, HOST: '127.0.0.1', PORT: String(port) });
  const worker = startProcess('bench-worker', 'test/bench/queue/instant-worker.ts', env);
  const base = `http://127.0.0.1:${port}`;
  await waitFor('the service', async () => (await fetch(`${base}/health`)).status === 200, 60_000);
  const png = await sharp({ create: { width: 64, height: 32, channels: 3, background: '#ffffff' } }).png().toBuffer();
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return {
    png,
    once: () => postFile(`${base}/ocr/process`, agent, 'p.png', png),
    getIndex: () => getOk(`${base}/`, agent),
    async close() {
      agent.destroy();
      api.child.kill('SIGTERM');
      worker.child.kill('SIGTERM');
      await Promise.all([api.exited, worker.exited]);
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    },
  };
}

process.stdout.write(`queue round trip, ${rounds} sequential requests each after ${warmup} warm-up, in alternating blocks of ${BLOCK}\n`);
const bare = await bareBullmq();
const ours = await ocrProcess().catch(async (error: unknown) => {
  await bare.close();
  throw error;
});
// A failed request ends the run, and the processes it started end with it.
try {
  // Alternating blocks: a shared machine's load shifts over seconds, and both sides then see the same.
  await sample(bare.once, warmup);
  await sample(ours.once, warmup);
  const bareSamples: number[] = [];
  const ourSamples: number[] = [];
  while (bareSamples.length < rounds) {
    const block = Math.min(BLOCK, rounds - bareSamples.length);
    await sample(bare.once, block, bareSamples);
    await sample(ours.once, block, ourSamples);
  }
  const bareTiming = report('bare BullMQ add → waitUntilFinished', bareSamples);
  const ourTiming = report('POST /ocr/process (API + Redis + worker)', ourSamples);
  // For reading the ratio: what one HTTP round trip to this API costs here, with no queue behind
  // it, and what the worker's document step (open, decode the PNG's pixels) costs alone.
  const http = await time('  for scale: GET / (HTTP alone)', ours.getIndex);
  const decode = await time('  for scale: open + decode this PNG alone', async () => {
    const doc = await openDocument(ours.png);
    for await (const page of doc.pageImages()) if (page.image.width !== 64) throw new Error('decoded the wrong size');
    await doc.close();
  });
  process.stdout.write(`ratio (ours / bare)                          p50 ${(ourTiming.p50 / bareTiming.p50).toFixed(2)}×       p99 ${(ourTiming.p99 / bareTiming.p99).toFixed(2)}×   (goal: p50 ≤ 2×)\n`);
  process.stdout.write(`overhead (ours − bare)                       p50 ${(ourTiming.p50 - bareTiming.p50).toFixed(2).padStart(7)} ms   p99 ${(ourTiming.p99 - bareTiming.p99).toFixed(2).padStart(7)} ms\n`);
  const rest = ourTiming.p50 - bareTiming.p50 - http.p50 - decode.p50;
  process.stdout.write(`  of it, beyond HTTP and the decode          p50 ${rest.toFixed(2).padStart(7)} ms\n`);
} finally {
  await Promise.all([bare.close(), ours.close()]);
}
process.exit(0);
