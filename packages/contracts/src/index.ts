export * from './page.ts';
export * from './logger.ts';
