import { readConfigOrExit, workerConfigSchema } from '@ocr/contracts';
import { runWorker } from './run-worker.ts';

await runWorker(readConfigOrExit(workerConfigSchema, 'worker'));
