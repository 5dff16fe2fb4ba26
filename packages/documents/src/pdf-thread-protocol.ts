import type { PageTextChar } from '@ocr/contracts';
import type { DocumentOptions } from './document.ts';
import type { DocumentErrorCode } from './errors.ts';
import type { PageSize } from './limits.ts';

/** What the main thread asks the PDF renderer thread (which also decodes JPEG 2000 and HEIC files); `id` pairs each request with its reply. */
export type RendererRequest =
  | { type: 'open'; id: number; doc: number; bytes: Uint8Array; options: DocumentOptions }
  | { type: 'next'; id: number; doc: number }
  | { type: 'close'; id: number; doc: number }
  /** An image file whose decoder is WebAssembly (see jpeg2000.ts, heic.ts); answered as page 1. */
  | { type: 'image'; id: number; format: ThreadDecodedFormat; bytes: Uint8Array; size: PageSize; maxPixels: number };

/** Image formats decoded in the renderer thread, not by sharp. */
export type ThreadDecodedFormat = 'jp2' | 'heic';

/** A page's RGB pixels travel as their buffer (transferred, not copied); it may be padded past width × height × 3. */
export type RendererReply =
  | { id: number; type: 'opened'; pageCount: number; selectedPages: number[] }
  | { id: number; type: 'page'; page: number; width: number; height: number; pixels: ArrayBuffer; scale?: number; text?: PageTextChar[] }
  | { id: number; type: 'done' }
  | { id: number; type: 'closed' }
  | { id: number; type: 'error'; message: string; code?: DocumentErrorCode };

/** Sent once, when the thread has loaded pdfjs. */
export interface RendererReady {
  type: 'ready';
}
