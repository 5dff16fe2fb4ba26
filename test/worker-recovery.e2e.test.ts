import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { characterErrorRate, renderPage } from '@ocr/testkit';
import sharp from 'sharp';
import { form, json, startService, waitFor, type ServiceHandle } from './harness.ts';

const LINES = Array.from({ length: 8 }, (_, i) => `Section ${i + 1}: inspect the flange bolts and gaskets`).join('\n');

/** A multi-page TIFF: long enough a job that the worker can be killed in the middle of it. */
async function longDocument(pages: number): Promise<Buffer> {
  const png = renderPage({ width: 1200, height: 600, blocks: [{ x: 60, y: 60, text: LINES, fontSize: 30 }] });
  return sharp(Array.from({ length: pages }, () => png), { join: { animated: true } }).tiff({ compression: 'lzw' }).toBuffer();
}

describe('a worker stopped in the middle of a job', () => {
  let service: ServiceHandle;
  beforeAll(async () => {
    // A shorter lock than the default 30 s, so the dead worker's job is noticed sooner.
    service = await startService({ workers: 1, workerEnv: { JOB_LOCK_MS: '10000' } });
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('SIGKILL loses nothing: a new worker picks the job up and completes it', { timeout: 300_000 }, async () => {
    const tiff = await longDocument(5);
    const submitted = await json(await fetch(`${service.baseUrl}/v1/jobs`, { method: 'POST', body: form([{ name: 'manual.tiff', bytes: tiff }]) }));
    const first = service.workers[0]!;
    await waitFor('the job to be part done', async () => {
      const job = await json(await fetch(`${service.baseUrl}/v1/jobs/${submitted.id}`));
      return job.status === 'active' && job.progress && job.progress.pages_done >= 1;
    });
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    await service.startWorker();
    const job = await waitFor(
      'the job to complete on the new worker',
      async () => {
        const view = await json(await fetch(`${service.baseUrl}/v1/jobs/${submitted.id}?wait=5`));
        return view.status === 'completed' || view.status === 'failed' ? view : null;
      },
      120_000,
    );
    expect(job.status).toBe('completed');
    expect(job.result.pages).toHaveLength(5);
    expect(job.result.metadata.worker).not.toBe(first.logLines().find((l) => l['msg'] === 'worker ready')?.['worker']);
    expect(characterErrorRate(LINES, job.result.pages[4].text)).toBeLessThan(0.05);
  });

  it('on SIGTERM finishes its current job before it exits', { timeout: 300_000 }, async () => {
    const worker = service.workers.find((w) => w.child.exitCode === null && w.child.signalCode === null)!;
    const submitted = await json(await fetch(`${service.baseUrl}/v1/jobs`, { method: 'POST', body: form([{ name: 'manual.tiff', bytes: await longDocument(3) }]) }));
    await waitFor('the job to start', async () => (await json(await fetch(`${service.baseUrl}/v1/jobs/${submitted.id}`))).status === 'active');
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    const job = await json(await fetch(`${service.baseUrl}/v1/jobs/${submitted.id}`));
    expect(job.status).toBe('completed');
    expect(job.result.pages).toHaveLength(3);
    const messages = worker.logLines().map((l) => l['msg']);
    // The job was still running when the signal came, and completed after it.
    const signalled = messages.indexOf('shutting down: finishing the current job');
    expect(signalled).toBeGreaterThan(-1);
    expect(messages.lastIndexOf('job completed')).toBeGreaterThan(signalled);
  });

  it('on SIGTERM past its grace period hands the job back to the queue, and another worker completes it', { timeout: 300_000 }, async () => {
    for (const w of service.workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    const hasty = await service.startWorker({ SHUTDOWN_GRACE_S: '1' });
    const submitted = await json(await fetch(`${service.baseUrl}/v1/jobs`, { method: 'POST', body: form([{ name: 'manual.tiff', bytes: await longDocument(5) }]) }));
    await waitFor('the job to start', async () => (await json(await fetch(`${service.baseUrl}/v1/jobs/${submitted.id}`))).status === 'active');
    hasty.child.kill('SIGTERM');
    expect(await hasty.exited).toBe(0);
    const messages = hasty.logLines().map((l) => l['msg']);
    expect(messages).toContain('job handed back to the queue');
    expect(messages).not.toContain('job completed');
    // Back in the queue at once (not after a lock lapses), and not counted as a failure.
    const handedBack = await json(await fetch(`${service.baseUrl}/v1/jobs/${submitted.id}`));
    expect(handedBack.status).toBe('waiting');
    expect(handedBack.error).toBeUndefined();

    await service.startWorker();
    const done = await json(await fetch(`${service.baseUrl}/v1/jobs/${submitted.id}?wait=60`));
    expect(done.status).toBe('completed');
    expect(done.result.pages).toHaveLength(5);
  });
});
