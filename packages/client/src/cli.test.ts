import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { characterErrorRate, renderPage } from '@ocr/testkit';
import { startService, type ServiceHandle } from '../../../test/harness.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TEXT = 'Gearbox assembly\nTorque the cover bolts to 25 Nm';
const API_KEY = 'cli-test-key';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI the way its usage line says, from the repository root. */
function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'packages/client/src/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the CLI as a child process against the real service', () => {
  let service: ServiceHandle;
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    service = await startService({ workers: 1, apiEnv: { API_KEYS: API_KEY } });
    dir = mkdtempSync(join(tmpdir(), 'ocr-cli-'));
    writeFileSync(join(dir, 'gearbox.png'), renderPage({ width: 800, height: 220, blocks: [{ x: 40, y: 40, text: TEXT, fontSize: 34 }] }));
    writeFileSync(join(dir, 'notes.txt'), 'plain text is not a document this service reads');
    env = { OCR_URL: service.baseUrl, OCR_API_KEY: API_KEY };
  });
  afterAll(async () => {
    await service?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('process prints the recognised text and exits 0', async () => {
    const run = await cli(['process', join(dir, 'gearbox.png')], env);
    expect(run.code).toBe(0);
    expect(characterErrorRate(TEXT, run.stdout.trim())).toBeLessThan(0.1);
  });

  it('process --json prints the result JSON; --url and --key override the environment', async () => {
    const run = await cli(['--url', service.baseUrl, '--key', API_KEY, 'process', join(dir, 'gearbox.png'), '--json'], { OCR_URL: 'http://127.0.0.1:9' });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'success', file_info: { filename: 'gearbox.png', format: 'PNG' } });
  });

  it('a file the service does not read exits 1 with its code and message on stderr', async () => {
    const run = await cli(['process', join(dir, 'notes.txt')], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: unsupported_format: .+/);
  });

  it('without the key the service refusal is exit 1 with unauthorized', async () => {
    const run = await cli(['model-info'], { OCR_URL: service.baseUrl, OCR_API_KEY: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: unauthorized: /);
  });

  it('submit prints the job id, and job --wait prints its text', async () => {
    const submitted = await cli(['submit', join(dir, 'gearbox.png')], env);
    expect(submitted.code).toBe(0);
    const id = submitted.stdout.trim();
    const job = await cli(['job', id, '--wait', '30'], env);
    expect(job.code).toBe(0);
    expect(characterErrorRate(TEXT, job.stdout.trim())).toBeLessThan(0.1);
  });

  it('batch prints each text under its file name and the bad file on stderr, exit 1', async () => {
    const run = await cli(['batch', join(dir, 'gearbox.png'), join(dir, 'notes.txt')], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('==> gearbox.png <==');
    expect(run.stderr).toMatch(/^error: unsupported_format: notes\.txt: /);
  });

  it('health and model-info print one line each', async () => {
    const health = await cli(['health'], env);
    expect([health.code, health.stdout.trim()]).toEqual([0, 'healthy']);
    const info = await cli(['model-info'], env);
    expect(info.code).toBe(0);
    expect(info.stdout).toMatch(/ on cpu \(loaded\)\n$/);
  });

  it('a bad command line exits 2 with the usage', async () => {
    const run = await cli(['frobnicate'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command "frobnicate"');
    expect(run.stderr).toContain('usage:');
  });
});
