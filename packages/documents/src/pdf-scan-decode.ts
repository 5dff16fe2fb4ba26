import sharp from 'sharp';
import type { PageImage } from '@ocr/contracts';
import type { PageSize } from './limits.ts';
import type { ScanJpeg } from './pdf-scan-page.ts';

/**
 * A scanned page's JPEG decoded natively, turned by the page's /Rotate and scaled to the size the
 * page renders at: what pdfjs would paint, several times faster. Undefined when the JPEG is not
 * what the PDF states (size, colour components) or does not decode: pdfjs then renders the page.
 */
export async function decodeScanJpeg(scan: ScanJpeg, rotate: number, size: PageSize, maxPixels: number): Promise<PageImage | undefined> {
  try {
    const image = sharp(scan.jpeg, { failOn: 'error', limitInputPixels: maxPixels });
    const header = await image.metadata();
    if (header.format !== 'jpeg' || header.width !== scan.width || header.height !== scan.height || header.channels !== scan.components) return undefined;
    const { data, info } = await image
      // A PDF draws the JPEG's pixels as stored: an EXIF orientation inside it means nothing there.
      .rotate(((rotate % 360) + 360) % 360)
      .resize(size.width, size.height, { fit: 'fill' })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3 || info.width !== size.width || info.height !== size.height) return undefined;
    // Its own buffer from offset 0: the renderer thread hands the pixels over by transfer.
    return { width: info.width, height: info.height, channels: 3, data: new Uint8Array(data) };
  } catch {
    return undefined;
  }
}
