import sharp from 'sharp';
import type { PageImage } from '@ocr/contracts';
import { DocumentError } from './errors.ts';

/**
 * Decodes one page of an encoded image (JPEG, PNG, WebP, TIFF) into an engine-ready page:
 * EXIF orientation applied, transparency flattened onto white, RGB. `maxPixels` is a second
 * guard behind the header check: sharp refuses larger inputs before decoding them.
 */
export async function decodeImage(bytes: Uint8Array, page = 0, maxPixels?: number): Promise<PageImage> {
  try {
    const { data, info } = await sharp(bytes, {
      page,
      // 'error' also fails on truncated data, where sharp would otherwise pad with grey.
      failOn: 'error',
      ...(maxPixels === undefined ? {} : { limitInputPixels: maxPixels }),
    })
      .rotate()
      .flatten({ background: '#ffffff' })
      .removeAlpha()
      .toColorspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, channels: 3, data };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/pixel limit/i.test(reason)) {
      throw new DocumentError('image_too_large', 'The image has more pixels than the per-page limit.', { cause: error });
    }
    throw new DocumentError('corrupt_image', `The image cannot be decoded (it may be truncated or damaged): ${reason.split('\n')[0]}`, {
      cause: error,
    });
  }
}
