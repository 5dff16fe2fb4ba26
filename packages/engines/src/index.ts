export * from './engine.ts';
export * from './ppocr/index.ts';
export * from './internvl/index.ts';
export * from './create-engine.ts';
