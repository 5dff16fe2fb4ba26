import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawingBombPdf } from '@ocr/documents/fixtures';
import { form, json, startService, waitFor, type ServiceHandle } from './harness.ts';

describe('a PDF page that takes seconds to render (API and two workers as processes)', () => {
  let service: ServiceHandle;
  beforeAll(async () => {
    // A 2 s lock, renewed every second: a worker whose event loop stalls for a few seconds loses
    // it, and the other worker's stall check would run the job a second time.
    service = await startService({ workers: 2, workerEnv: { JOB_LOCK_MS: '2000' } });
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('keeps its job lock while the page renders: the job runs once, on one worker', { timeout: 180_000 }, async () => {
    // 600,000 strokes: about 10 s to parse and draw here.
    const pdf = drawingBombPdf(600_000);
    const submitted = await json(await fetch(`${service.baseUrl}/v1/jobs`, { method: 'POST', body: form([{ name: 'cad.pdf', bytes: pdf }], { dpi: '100' }) }));
    const job = await waitFor(
      'the job to end',
      async () => {
        const view = await json(await fetch(`${service.baseUrl}/v1/jobs/${submitted.id}?wait=5`));
        return view.status === 'completed' || view.status === 'failed' ? view : null;
      },
      150_000,
    );
    expect(job.status).toBe('completed');
    expect(job.result.file_info).toMatchObject({ format: 'PDF', pages: 1 });
    const starts = service.workers.flatMap((w) => w.logLines().filter((l) => l['msg'] === 'job started' && l['jobId'] === submitted.id));
    const stalls = service.workers.flatMap((w) => w.logLines().filter((l) => String(l['msg']).startsWith('job stalled')));
    expect({ starts: starts.length, stalls: stalls.length }).toEqual({ starts: 1, stalls: 0 });
  });
});
