import sharp from 'sharp';
import type { PageImage } from '@ocr/contracts';
import type { PageSize } from './limits.ts';
import type { Box, ScanImage } from './pdf-scan-page.ts';

/** The box on the page turned `rotate` degrees clockwise, as /Rotate turns it. */
function turned(box: Box, rotate: number): Box {
  const { left, top, right, bottom } = box;
  if (rotate === 90) return { left: 1 - bottom, top: left, right: 1 - top, bottom: right };
  if (rotate === 180) return { left: 1 - right, top: 1 - bottom, right: 1 - left, bottom: 1 - top };
  if (rotate === 270) return { left: top, top: 1 - right, right: bottom, bottom: 1 - left };
  return box;
}

/**
 * A scanned page's image decoded natively, turned by the page's /Rotate, cut to what the page
 * shows of it (its box, its clip), scaled and placed there on white, at the size the page renders
 * at: what pdfjs would paint, several times faster. Undefined when the image is not what the PDF states (size, colour components) or
 * does not decode: pdfjs then renders the page.
 */
export async function decodeScan(scan: ScanImage, rotate: number, size: PageSize, maxPixels: number): Promise<PageImage | undefined> {
  const turn = ((rotate % 360) + 360) % 360;
  const box = turned(scan.box, turn);
  const clip = turned(scan.clip, turn);
  // Where the image lies in the page's pixels, and the part of it the page shows through the clip.
  const image = { left: box.left * size.width, right: box.right * size.width, top: box.top * size.height, bottom: box.bottom * size.height };
  const shown = {
    left: Math.round(Math.max(0, image.left, clip.left * size.width)),
    right: Math.round(Math.min(size.width, image.right, clip.right * size.width)),
    top: Math.round(Math.max(0, image.top, clip.top * size.height)),
    bottom: Math.round(Math.min(size.height, image.bottom, clip.bottom * size.height)),
  };
  if (shown.right <= shown.left || shown.bottom <= shown.top) return undefined;
  // That part in the image's own pixels, turned as the page is.
  const [width, height] = turn % 180 === 0 ? [scan.width, scan.height] : [scan.height, scan.width];
  const along = (at: number, from: number, to: number, pixels: number) => Math.min(pixels, Math.max(0, Math.round(((at - from) / (to - from)) * pixels)));
  const source = {
    left: along(shown.left, image.left, image.right, width),
    right: along(shown.right, image.left, image.right, width),
    top: along(shown.top, image.top, image.bottom, height),
    bottom: along(shown.bottom, image.top, image.bottom, height),
  };
  if (source.right <= source.left || source.bottom <= source.top) return undefined;
  try {
    const raw = scan.format === 'raw' ? { raw: { width: scan.width, height: scan.height, channels: scan.components } } : {};
    const decoder = sharp(scan.file, { failOn: 'error', limitInputPixels: maxPixels, ...raw });
    const header = await decoder.metadata();
    if (header.format !== scan.format || header.width !== scan.width || header.height !== scan.height || header.channels !== scan.components) return undefined;
    // A PDF draws the image's pixels as stored: an EXIF orientation inside a JPEG means nothing there.
    decoder.rotate(turn);
    if (source.left > 0 || source.top > 0 || source.right < width || source.bottom < height) {
      decoder.extract({ left: source.left, top: source.top, width: source.right - source.left, height: source.bottom - source.top });
    }
    const { data, info } = await decoder
      .resize(shown.right - shown.left, shown.bottom - shown.top, { fit: 'fill' })
      .extend({ left: shown.left, top: shown.top, right: size.width - shown.right, bottom: size.height - shown.bottom, background: '#ffffff' })
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
