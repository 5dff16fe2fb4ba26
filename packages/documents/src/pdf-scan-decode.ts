import sharp from 'sharp';
import type { PageImage } from '@ocr/contracts';
import type { PageSize } from './limits.ts';
import type { ScanImage } from './pdf-scan-page.ts';

type Box = ScanImage['box'];

/** The box on the page turned `rotate` degrees clockwise, as /Rotate turns it. */
function turned(box: Box, rotate: number): Box {
  const { left, top, right, bottom } = box;
  if (rotate === 90) return { left: 1 - bottom, top: left, right: 1 - top, bottom: right };
  if (rotate === 180) return { left: 1 - right, top: 1 - bottom, right: 1 - left, bottom: 1 - top };
  if (rotate === 270) return { left: top, top: 1 - right, right: bottom, bottom: 1 - left };
  return box;
}

/**
 * A scanned page's image decoded natively, turned by the page's /Rotate, scaled and placed where
 * the page shows it on white, at the size the page renders at: what pdfjs would paint, several
 * times faster. Undefined when the image is not what the PDF states (size, colour components) or
 * does not decode: pdfjs then renders the page.
 */
export async function decodeScan(scan: ScanImage, rotate: number, size: PageSize, maxPixels: number): Promise<PageImage | undefined> {
  const turn = ((rotate % 360) + 360) % 360;
  const box = turned(scan.box, turn);
  const left = Math.round(box.left * size.width);
  const right = Math.round(box.right * size.width);
  const top = Math.round(box.top * size.height);
  const bottom = Math.round(box.bottom * size.height);
  // The part of the scaled image the page shows, and the white around it.
  const shown = { left: Math.max(0, left), top: Math.max(0, top), right: Math.min(size.width, right), bottom: Math.min(size.height, bottom) };
  if (shown.right <= shown.left || shown.bottom <= shown.top) return undefined;
  try {
    const image = sharp(scan.file, { failOn: 'error', limitInputPixels: maxPixels });
    const header = await image.metadata();
    if (header.format !== scan.format || header.width !== scan.width || header.height !== scan.height || header.channels !== scan.components) return undefined;
    // A PDF draws the image's pixels as stored: an EXIF orientation inside a JPEG means nothing there.
    image.rotate(turn).resize(right - left, bottom - top, { fit: 'fill' });
    if (left < 0 || top < 0 || right > size.width || bottom > size.height) {
      image.extract({ left: shown.left - left, top: shown.top - top, width: shown.right - shown.left, height: shown.bottom - shown.top });
    }
    const white = { r: 255, g: 255, b: 255 };
    image.extend({ left: shown.left, top: shown.top, right: size.width - shown.right, bottom: size.height - shown.bottom, background: white });
    const { data, info } = await image.toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    if (info.channels !== 3 || info.width !== size.width || info.height !== size.height) return undefined;
    // Its own buffer from offset 0: the renderer thread hands the pixels over by transfer.
    return { width: info.width, height: info.height, channels: 3, data: new Uint8Array(data) };
  } catch {
    return undefined;
  }
}
