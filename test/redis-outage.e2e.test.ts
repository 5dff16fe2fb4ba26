import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPage } from '@ocr/testkit';
import { form, json, startProcess, startService, waitFor, type ProcessHandle, type ServiceHandle } from './harness.ts';

const page = renderPage({ width: 500, height: 100, blocks: [{ x: 20, y: 30, text: 'Pressure 16 bar', fontSize: 32 }] });

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A Redis of this test's own, so it can be stopped and started again under the service. */
function startRedis(port: number, dir: string): void {
  spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--dir', dir], { stdio: 'ignore', detached: true }).unref();
}

describe('Redis going away under a running service', () => {
  let service: ServiceHandle;
  let port: number;
  let dir: string;
  beforeAll(async () => {
    port = await freePort();
    dir = mkdtempSync(join(tmpdir(), 'redis-outage-'));
    startRedis(port, dir);
    const url = `redis://127.0.0.1:${port}`;
    await waitFor('redis', async () => execFileSync('redis-cli', ['-u', url, 'ping']).toString().includes('PONG'));
    service = await startService({ workers: 1, env: { REDIS_URL: url } });
  });
  afterAll(async () => {
    await service?.stop();
    try {
      execFileSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave'], { stdio: 'ignore' });
    } catch {
      // already down
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After while Redis is down, and works again once it is back', { timeout: 120_000 }, async () => {
    const before = await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', body: form([{ name: 'p.png', bytes: page }]) });
    expect(before.status).toBe(200);

    execFileSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave']);
    const down = await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', body: form([{ name: 'p.png', bytes: page }]) });
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect((await json(down)).error.code).toBe('queue_unavailable');
    const health = await fetch(`${service.baseUrl}/health`);
    expect(health.status).toBe(503);
    expect((await json(health)).reason).toBe('redis is not reachable');
    expect(service.api.child.exitCode).toBeNull();

    startRedis(port, dir);
    // The worker re-registers and both processes reconnect on their own.
    await waitFor('the service to be healthy again', async () => (await fetch(`${service.baseUrl}/health`)).status === 200, 60_000);
    const after = await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', body: form([{ name: 'p.png', bytes: page }]) });
    expect(after.status).toBe(200);
    expect((await json(after)).raw_text).toContain('16');
    expect(service.workers[0]!.child.exitCode).toBeNull();
  });

  it('answers 503 queue_full while Redis is out of memory, and takes uploads again once it has room', { timeout: 60_000 }, async () => {
    const used = Number(/used_memory:(\d+)/.exec(execFileSync('redis-cli', ['-p', String(port), 'info', 'memory']).toString())![1]);
    execFileSync('redis-cli', ['-p', String(port), 'config', 'set', 'maxmemory', String(used + 100_000)]);
    try {
      // The blob alone is over what Redis has left.
      const big = Buffer.concat([page, Buffer.alloc(300_000)]);
      const full = await fetch(`${service.baseUrl}/v1/jobs`, { method: 'POST', body: form([{ name: 'p.png', bytes: big }]) });
      expect(full.status).toBe(503);
      expect(full.headers.get('retry-after')).toBe('30');
      expect((await json(full)).error.code).toBe('queue_full');
    } finally {
      execFileSync('redis-cli', ['-p', String(port), 'config', 'set', 'maxmemory', '0']);
    }
    const after = await fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', body: form([{ name: 'p.png', bytes: page }]) });
    expect(after.status).toBe(200);
  });
});

describe('a service started before its Redis', () => {
  let port: number;
  let dir: string;
  const processes: ProcessHandle[] = [];
  beforeAll(async () => {
    port = await freePort();
    dir = mkdtempSync(join(tmpdir(), 'redis-late-'));
  });
  afterAll(async () => {
    for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await Promise.all(processes.map((p) => p.exited));
    try {
      execFileSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave'], { stdio: 'ignore' });
    } catch {
      // never started, or already down
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 at once until Redis starts, then works without a restart', { timeout: 120_000 }, async () => {
    const apiPort = await freePort();
    const env = { REDIS_URL: `redis://127.0.0.1:${port}`, QUEUE_PREFIX: `t${randomBytes(4).toString('hex')}`, HEARTBEAT_TTL_S: '3', SHUTDOWN_GRACE_S: '2' };
    const api = startProcess('api', 'apps/api/src/main.ts', { ...env, HOST: '127.0.0.1', PORT: String(apiPort) });
    const worker = startProcess('worker', 'apps/worker/src/main.ts', env);
    processes.push(api, worker);
    const baseUrl = `http://127.0.0.1:${apiPort}`;
    await waitFor('the API to answer', async () => (await fetch(`${baseUrl}/health`)).status > 0, 30_000);

    const health = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(5000) });
    expect(health.status).toBe(503);
    expect((await json(health)).reason).toBe('redis is not reachable');
    // Before, a request that reached the queue waited for BullMQ's connection with no limit.
    for (const path of ['/ocr/process', '/v1/jobs']) {
      const refused = await fetch(`${baseUrl}${path}`, { method: 'POST', body: form([{ name: 'p.png', bytes: page }]), signal: AbortSignal.timeout(5000) });
      expect(refused.status, path).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect((await json(refused)).error.code).toBe('queue_unavailable');
    }
    expect(worker.child.exitCode).toBeNull();
    // An API that never reached its Redis stops when told to: closing its connections waited for Redis.
    const second = startProcess('api', 'apps/api/src/main.ts', { ...env, HOST: '127.0.0.1', PORT: String(await freePort()) });
    processes.push(second);
    await waitFor('the second API to log', async () => readFileSync(second.logFile, 'utf8').includes('api listening'), 30_000);
    second.child.kill('SIGTERM');
    expect(await Promise.race([second.exited, new Promise((resolve) => setTimeout(() => resolve('still running'), 10_000))])).toBe(0);

    startRedis(port, dir);
    await waitFor('the service to be healthy', async () => (await fetch(`${baseUrl}/health`)).status === 200, 60_000);
    const done = await fetch(`${baseUrl}/ocr/process`, { method: 'POST', body: form([{ name: 'p.png', bytes: page }]) });
    expect(done.status).toBe(200);
    expect((await json(done)).raw_text).toContain('16');

    // Told to stop while Redis is down, both go: closing a connection that is reconnecting waited for Redis.
    execFileSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave']);
    await waitFor('the API to see Redis gone', async () => (await fetch(`${baseUrl}/health`)).status === 503, 10_000);
    api.child.kill('SIGTERM');
    worker.child.kill('SIGTERM');
    const stopped = await Promise.race([Promise.all([api.exited, worker.exited]), new Promise((resolve) => setTimeout(() => resolve('still running'), 30_000))]);
    expect(stopped).not.toBe('still running');
    // Connection losses are logged once each, not as stack traces on stderr.
    for (const p of [api, worker]) expect(readFileSync(p.logFile, 'utf8')).not.toMatch(/^\s+at /m);
  });
});
