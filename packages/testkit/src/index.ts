export * from './render.ts';
export * from './cer.ts';
