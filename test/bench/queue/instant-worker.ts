// Bench-only: a real worker process whose engine answers at once, so the queue path is what is timed.
import { parseConfig, workerConfigSchema } from '@ocr/contracts';
import type { Engine } from '@ocr/engines';
import { runWorker } from '../../../apps/worker/src/run-worker.ts';

const instantEngine: Engine = {
  info: { engine: 'instant', model: 'instant (bench only)', modelPath: '', device: 'cpu', gpuAvailable: false },
  recognize: async (page) => ({ text: `${page.width}x${page.height}`, confidence: 1 }),
  dispose: async () => {},
};

await runWorker(parseConfig(workerConfigSchema, process.env), { loadEngine: async () => instantEngine });
