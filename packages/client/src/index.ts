export { OcrClient, type OcrClientOptions } from './ocr-client.ts';
export { OcrApiError } from './errors.ts';
export { readOcrFile, type OcrFile } from './files.ts';
export type * from './schemas.ts';
