import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { characterErrorRate, renderPage } from '@ocr/testkit';
import { REDIS_URL, form, freePort, json, startProcess, startService, waitFor, type ServiceHandle } from './harness.ts';

const JOBS = 20;

describe('two workers on one Redis', () => {
  let service: ServiceHandle;
  beforeAll(async () => {
    service = await startService({ workers: 2 });
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('share 20 jobs: every job completed exactly once, both workers did some', async () => {
    const ids: string[] = [];
    for (let i = 0; i < JOBS; i++) {
      const png = renderPage({ width: 700, height: 120, blocks: [{ x: 30, y: 35, text: `Drawing number ${2000 + i}`, fontSize: 36 }] });
      const res = await json(await fetch(`${service.baseUrl}/v1/jobs`, { method: 'POST', body: form([{ name: `p${i}.png`, bytes: png }]) }));
      ids.push(res.id);
    }
    const jobs = await waitFor(
      'all jobs to finish',
      async () => {
        const views = await Promise.all(ids.map(async (id) => json(await fetch(`${service.baseUrl}/v1/jobs/${id}`))));
        return views.every((v) => v.status === 'completed' || v.status === 'failed') ? views : null;
      },
      180_000,
    );
    jobs.forEach((job, i) => {
      expect(job.status).toBe('completed');
      expect(characterErrorRate(`Drawing number ${2000 + i}`, job.result.raw_text)).toBeLessThan(0.15);
    });

    // Exactly once: across both workers' logs, each job was started and completed one time.
    const lines = service.workers.flatMap((w) => w.logLines());
    for (const id of ids) {
      expect(lines.filter((l) => l['jobId'] === id && l['msg'] === 'job started')).toHaveLength(1);
      expect(lines.filter((l) => l['jobId'] === id && l['msg'] === 'job completed')).toHaveLength(1);
    }
    const byWorker = new Map<string, number>();
    for (const job of jobs) byWorker.set(job.result.metadata.worker, (byWorker.get(job.result.metadata.worker) ?? 0) + 1);
    expect(byWorker.size).toBe(2);
    for (const count of byWorker.values()) expect(count).toBeGreaterThan(0);
  });

  it('answers concurrent waiting requests on two API processes, each with its own document', async () => {
    const port = await freePort();
    const second = startProcess('api-2', 'apps/api/src/main.ts', { REDIS_URL, QUEUE_PREFIX: service.prefix, HOST: '127.0.0.1', PORT: String(port) });
    try {
      const bases = [service.baseUrl, `http://127.0.0.1:${port}`];
      await waitFor('the second API', async () => (await fetch(`${bases[1]}/health`)).status === 200, 30_000);
      const texts = Array.from({ length: 12 }, (_, i) => `Part number ${3100 + i * 7}`);
      const answers = await Promise.all(
        texts.map(async (text, i) => {
          const png = renderPage({ width: 700, height: 120, blocks: [{ x: 30, y: 35, text, fontSize: 36 }] });
          const res = await fetch(`${bases[i % 2]}/ocr/process`, { method: 'POST', body: form([{ name: `c${i}.png`, bytes: png }]) });
          expect(res.status).toBe(200);
          return json(res);
        }),
      );
      answers.forEach((answer, i) => {
        expect(answer.file_info.filename).toBe(`c${i}.png`);
        expect(characterErrorRate(texts[i]!, answer.raw_text)).toBeLessThan(0.15);
      });
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});
