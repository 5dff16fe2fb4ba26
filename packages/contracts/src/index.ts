export * from './page.ts';
export * from './logger.ts';
export * from './config.ts';
export * from './errors.ts';
export * from './result.ts';
export * from './jobs.ts';
export * from './workers.ts';
export * from './structured-content.ts';
