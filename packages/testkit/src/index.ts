export * from './render.ts';
export * from './cer.ts';
export * from './scan.ts';
export * from './pages.ts';
export * from './page-image.ts';
export * from './drawing.ts';
export * from './quads.ts';
