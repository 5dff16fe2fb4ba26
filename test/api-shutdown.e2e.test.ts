import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { characterErrorRate, renderPage } from '@ocr/testkit';
import { REDIS_URL, form, freePort, json, startProcess, startService, waitFor, type ProcessHandle, type ServiceHandle } from './harness.ts';

const TEXT = 'Gearbox housing drawing 4711';

describe('an API process stopped while requests wait on it', () => {
  let service: ServiceHandle;
  const extra: ProcessHandle[] = [];
  beforeAll(async () => {
    // No worker yet: the job waits in the queue while its request waits on the API.
    service = await startService({ workers: 0 });
  });
  afterAll(async () => {
    for (const p of extra) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await Promise.all(extra.map((p) => p.exited));
    await service?.stop();
  });

  it('answers the waiting request 202 with where to poll, and the job is done once a worker runs', async () => {
    const png = renderPage({ width: 900, height: 140, blocks: [{ x: 30, y: 40, text: TEXT, fontSize: 40 }] });
    const waiting = fetch(`${service.baseUrl}/ocr/process`, { method: 'POST', body: form([{ name: 'late.png', bytes: png }]) });
    await waitFor('the job to be queued', async () => (await service.redis.llen(`${service.prefix}:ocr:wait`)) === 1, 10_000);
    service.api.child.kill('SIGTERM');

    const res = await waiting;
    expect(res.status).toBe(202);
    const view = await json(res);
    expect(res.headers.get('location')).toBe(`/v1/jobs/${view.id}`);
    expect(view).toMatchObject({ status: 'waiting', filename: 'late.png' });
    expect(await service.api.exited).toBe(0);

    // Nothing was lost: another API process and a worker finish the job and show it.
    const port = await freePort();
    const env = { REDIS_URL, QUEUE_PREFIX: service.prefix };
    extra.push(startProcess('api-2', 'apps/api/src/main.ts', { ...env, HOST: '127.0.0.1', PORT: String(port) }));
    extra.push(startProcess('worker-late', 'apps/worker/src/main.ts', env));
    const done = await waitFor(
      'the job to complete',
      async () => {
        const job = await json(await fetch(`http://127.0.0.1:${port}/v1/jobs/${view.id}?wait=5`));
        return job.status === 'completed' ? job : null;
      },
      90_000,
    );
    expect(characterErrorRate(TEXT, done.result.raw_text)).toBeLessThan(0.1);
  });
});
