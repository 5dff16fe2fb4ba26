import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const LOG_DIR = join(ROOT, 'test', '.tmp', 'logs');

export interface ProcessHandle {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
  /** The process's pino log lines parsed as JSON. */
  logLines(): Array<Record<string, unknown>>;
}

export interface ServiceHandle {
  baseUrl: string;
  prefix: string;
  redis: Redis;
  api: ProcessHandle;
  workers: ProcessHandle[];
  startWorker(env?: Record<string, string>): Promise<ProcessHandle>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts one of the apps as a real process, the way `infra/start.sh` does. */
export function startProcess(name: string, entry: string, env: Record<string, string>): ProcessHandle {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, `${name}-${Date.now()}-${randomBytes(3).toString('hex')}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'debug', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return {
    name,
    child,
    logFile,
    exited,
    logLines: () =>
      readFileSync(logFile, 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}

/**
 * Starts the API and `workers` worker processes against the real Redis, under a key prefix of
 * their own so test files can run side by side. Resolves when /health is healthy.
 */
export async function startService(
  options: { workers?: number; env?: Record<string, string>; apiEnv?: Record<string, string>; workerEnv?: Record<string, string> } = {},
): Promise<ServiceHandle> {
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const port = await freePort();
  const shared = { REDIS_URL, QUEUE_PREFIX: prefix, HEARTBEAT_TTL_S: '3', ...options.env };
  const redis = new Redis(REDIS_URL);
  const api = startProcess('api', 'apps/api/src/main.ts', { ...shared, HOST: '127.0.0.1', PORT: String(port), ...options.apiEnv });
  const workers: ProcessHandle[] = [];
  const baseUrl = `http://127.0.0.1:${port}`;
  const liveWorkers = async (): Promise<number> => {
    const res = await fetch(`${baseUrl}/health`);
    const body = (await res.json()) as { workers: Array<{ loaded: boolean; pid: number }> };
    return body.workers.filter((w) => w.loaded).length;
  };
  const handle: ServiceHandle = {
    baseUrl,
    prefix,
    redis,
    api,
    workers,
    async startWorker(env = {}) {
      const before = workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null).length;
      const worker = startProcess('worker', 'apps/worker/src/main.ts', { ...shared, ...options.workerEnv, ...env });
      workers.push(worker);
      await waitFor('the worker to register', async () => (await liveWorkers()) > before, 90_000);
      return worker;
    },
    async stop() {
      for (const p of [api, ...workers]) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
      await Promise.all([api, ...workers].map((p) => p.exited));
      await deleteKeys(redis, prefix);
      redis.disconnect();
    },
  };
  try {
    await waitFor('the API to answer', async () => (await fetch(`${baseUrl}/health`)).status > 0, 30_000);
    for (let i = 0; i < (options.workers ?? 1); i++) await handle.startWorker();
  } catch (error) {
    await handle.stop();
    throw error;
  }
  return handle;
}

/** A multipart body with files (and fields), sent with fetch. */
export function form(files: Array<{ field?: string; name: string; bytes: Uint8Array; type?: string }>, fields: Record<string, string> = {}): FormData {
  const body = new FormData();
  for (const f of files) body.append(f.field ?? 'file', new Blob([f.bytes], { type: f.type ?? 'application/octet-stream' }), f.name);
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return body;
}

/** A response's JSON body; tests assert on its fields one by one, so it is left untyped. */
export async function json(res: Response): Promise<any> {
  return res.json();
}
