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
