import { a4Page, renderPage, scanPage, standardPages } from '@ocr/testkit';

/** One benchmark input: encoded image bytes and the text on it. */
export interface BenchPage {
  name: string;
  bytes: Uint8Array;
  reference: string;
}

/** The engine tests' pages, each rendered (PNG) and "scanned" (1.5° skew, blur, noise, JPEG), plus a full A4 page. */
export async function benchPages(): Promise<BenchPage[]> {
  const pages: BenchPage[] = [];
  for (const page of [...standardPages(), a4Page()]) {
    const png = renderPage(page.spec);
    pages.push({ name: page.name, bytes: png, reference: page.reference });
    pages.push({ name: `${page.name} (scan)`, bytes: await scanPage(png), reference: page.reference });
  }
  return pages;
}
