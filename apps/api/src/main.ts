import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { apiConfigSchema, readConfigOrExit } from '@ocr/contracts';
import { createApp } from './app.ts';
import { DASHBOARD_PATH } from './dashboard.ts';
import { createServices } from './services.ts';

const config = readConfigOrExit(apiConfigSchema, 'api');
const logger = pino({ level: config.LOG_LEVEL, base: { service: 'api' } });
if (!config.ADMIN_PASSWORD) logger.warn(`the queue dashboard at ${DASHBOARD_PATH} is open to anyone: set ADMIN_PASSWORD`);
if (!config.API_KEYS?.length) logger.warn('no API_KEYS set: the API accepts requests without a key');

const services = await createServices(config, logger);
const server = serve({ fetch: createApp(services).fetch, hostname: config.HOST, port: config.PORT }, (info) =>
  logger.info({ host: config.HOST, port: info.port, prefix: config.QUEUE_PREFIX }, 'api listening'),
);

// Waiting requests are answered before the process goes: 202 with where to poll (the job goes on).
const ANSWER_GRACE_MS = 5000;

async function shutdown(signal: string): Promise<void> {
  logger.info({ signal }, 'shutting down: answering waiting requests');
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  services.finished.stopWaiting();
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, ANSWER_GRACE_MS).unref())]);
  await services.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
