import type { PageImage } from '@ocr/contracts';
import { openDocument } from '@ocr/documents';

/** The first page of encoded image bytes, decoded the way the service does it. */
export async function pageImage(bytes: Uint8Array): Promise<PageImage> {
  const document = await openDocument(bytes);
  try {
    for await (const { image } of document.pageImages()) return image;
    throw new Error('the image has no pages');
  } finally {
    await document.close();
  }
}

/** A blank white RGB page, for tests that paint their own pixels. */
export function whitePage(width: number, height: number): PageImage {
  return { width, height, channels: 3, data: new Uint8Array(width * height * 3).fill(255) };
}

/** Paints the rectangle from (left, top) up to (right, bottom), exclusive, in one colour. */
export function fillRect(page: PageImage, left: number, top: number, right: number, bottom: number, rgb: readonly [number, number, number]): void {
  for (let y = top; y < bottom; y++) for (let x = left; x < right; x++) page.data.set(rgb, (y * page.width + x) * 3);
}
