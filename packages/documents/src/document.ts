import type { PageImage, PageTextChar } from '@ocr/contracts';
import type { DocumentFormat } from './format.ts';
import type { DocumentLimits } from './limits.ts';
import type { RenderBudget } from './pdf-renderer.ts';

export interface DocumentOptions {
  /** PDF rendering resolution, 36–600; default 200. Images keep their own pixels. */
  dpi?: number;
  /** 1-based page selection such as "1-3,5"; default every page. */
  pages?: string;
  /**
   * Renders a PDF page whose own text is fine print finer than `dpi` (see fine-print.ts): for
   * a dpi the caller left to the service, not one they named.
   */
  finePrint?: boolean;
  /** Opens an encrypted PDF. */
  password?: string;
  limits?: DocumentLimits;
  /** Time and memory one PDF page may take to render; default `defaultRenderBudget`. */
  renderBudget?: RenderBudget;
}

/** One produced page; its image's width and height are the page size for file_info. */
export interface DocumentPage {
  /** 1-based page number in the file. */
  page: number;
  image: PageImage;
  /**
   * Set when the page was scaled down to fit the per-page pixel limit: the image's size over the
   * page's own (an image file's pixels, made square where its header gives two resolutions, or a
   * PDF page at the requested dpi).
   */
  scale?: number;
  /** A PDF page's own text, where it has some, placed on `image`; not for a scan decoded natively. */
  text?: PageTextChar[];
}

/** A document whose pages are produced one at a time, on demand. */
export interface OpenedDocument {
  format: DocumentFormat;
  /** Pages in the file. */
  pageCount: number;
  /** 1-based, ascending, after the page selection. */
  selectedPages: number[];
  /** Decodes or renders the selected pages in order, one at a time; never all at once. */
  pageImages(): AsyncGenerator<DocumentPage>;
  /** Releases the parser's resources; safe to call twice. */
  close(): Promise<void>;
}
