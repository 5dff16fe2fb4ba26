// The baseline's worker: bare BullMQ, a processor that returns at once, in its own process like ours.
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';

const connection = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
const worker = new Worker('bare', async () => 'ok', { connection, prefix: process.env['QUEUE_PREFIX']!, concurrency: 1 });
await worker.waitUntilReady();
process.send?.('ready');
