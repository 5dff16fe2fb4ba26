import { ConfigError, parseConfig, workerConfigSchema, type WorkerConfig } from '@ocr/contracts';
import { runWorker } from './run-worker.ts';

function readConfig(): WorkerConfig {
  try {
    return parseConfig(workerConfigSchema, process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`worker: ${error.message}\n`);
    process.exit(2);
  }
}

await runWorker(readConfig());
