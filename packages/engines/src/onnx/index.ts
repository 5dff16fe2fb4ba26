export * from './graph-builder.ts';
export * from './external-data.ts';
export * from './write-model.ts';
export * from './float16.ts';
