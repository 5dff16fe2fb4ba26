import sharp from 'sharp';
import type { PageImage } from '@ocr/contracts';

/**
 * Decodes an encoded image (anything sharp reads) into an engine-ready page:
 * EXIF orientation applied, transparency flattened onto white, RGB.
 */
export async function decodeImage(bytes: Uint8Array, page = 0): Promise<PageImage> {
  const { data, info } = await sharp(bytes, { page, failOn: 'error' })
    .rotate()
    .flatten({ background: '#ffffff' })
    .removeAlpha()
    .toColorspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: 3, data };
}
