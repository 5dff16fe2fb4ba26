export * from './page.ts';
export * from './logger.ts';
export * from './structured-content.ts';
