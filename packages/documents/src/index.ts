export { DocumentError, documentErrorStatus, type DocumentErrorCode } from './errors.ts';
export { sniffFormat, type DocumentFormat } from './format.ts';
export { defaultDocumentLimits, type DocumentLimits, type PageSize } from './limits.ts';
export { parsePageSelection } from './page-range.ts';
export { sanitiseFilename } from './filename.ts';
export { inspectUpload, type UploadInspection } from './inspect.ts';
export { DEFAULT_PDF_DPI, MAX_PDF_DPI, MIN_PDF_DPI } from './dpi.ts';
export type { DocumentOptions, DocumentPage, OpenedDocument } from './document.ts';
export { openDocument } from './open.ts';
