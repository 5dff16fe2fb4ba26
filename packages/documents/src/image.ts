import sharp from 'sharp';
import type { PageImage } from '@ocr/contracts';
import type { PageSize } from './limits.ts';
import { DocumentError } from './errors.ts';
import { flattenOntoPaper } from './transparency.ts';

export interface DecodeOptions {
  /** The page (TIFF directory, GIF frame) to decode, from 0. */
  page?: number;
  /** A second guard behind the header check: sharp refuses larger inputs before decoding them. */
  maxInputPixels?: number;
  /** Scales the image down as it decodes so its longer side is at most this (aspect kept). */
  maxSide?: number;
}

/**
 * Decodes one page of an encoded image (JPEG, PNG, WebP, TIFF, GIF) into an engine-ready page:
 * EXIF orientation applied, transparency flattened onto white (light text on a transparent
 * background as its negative: see `flattenOntoPaper`), RGB.
 */
export async function decodeImage(bytes: Uint8Array, options: DecodeOptions = {}): Promise<PageImage> {
  const { page = 0, maxInputPixels, maxSide } = options;
  try {
    const image = sharp(bytes, {
      page,
      // 'error' also fails on truncated data, where sharp would otherwise pad with grey.
      failOn: 'error',
      ...(maxInputPixels === undefined ? {} : { limitInputPixels: maxInputPixels }),
    }).rotate();
    // A square box holds the longer side whichever way EXIF turns the image.
    if (maxSide !== undefined) image.resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true });
    // sRGB keeps an alpha channel where the image has one (4 channels), and only then.
    const { data, info } = await image.toColorspace('srgb').raw().toBuffer({ resolveWithObject: true });
    if (info.channels === 4) return flattenOntoPaper(data, info.width, info.height);
    return { width: info.width, height: info.height, channels: 3, data };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/pixel limit/i.test(reason)) {
      throw new DocumentError('image_too_large', 'The image has more pixels than may be decoded.', { cause: error });
    }
    throw new DocumentError('corrupt_image', `The image cannot be decoded (it may be truncated or damaged): ${reason.split('\n')[0]}`, {
      cause: error,
    });
  }
}

/** Resamples decoded pixels to exactly `size`, aspect not kept: a fax's tall pixels made square. */
export async function resizeImage(image: PageImage, size: PageSize): Promise<PageImage> {
  const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } })
    .resize(size.width, size.height, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: 3, data };
}
