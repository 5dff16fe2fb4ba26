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

/** JPEG's end-of-image marker. */
const JPEG_EOI = Uint8Array.of(0xff, 0xd9);

/**
 * A JPEG that ends without its end-of-image marker (a writer that never closed the file, a copy
 * one marker short), with the marker put back; undefined for any other file.
 */
function withJpegEnd(bytes: Uint8Array): Uint8Array | undefined {
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!jpeg || (bytes.at(-2) === JPEG_EOI[0] && bytes.at(-1) === JPEG_EOI[1])) return undefined;
  const mended = new Uint8Array(bytes.length + JPEG_EOI.length);
  mended.set(bytes);
  mended.set(JPEG_EOI, bytes.length);
  return mended;
}

/**
 * Decodes one page of an encoded image (JPEG, PNG, WebP, TIFF, GIF) into an engine-ready page:
 * EXIF orientation applied, transparency flattened onto white (light text on a transparent
 * background as its negative: see `flattenOntoPaper`), RGB.
 */
export async function decodeImage(bytes: Uint8Array, options: DecodeOptions = {}): Promise<PageImage> {
  try {
    return await decodePixels(bytes, options, 'error');
  } catch (error) {
    // Only the marker missing: with it put back the scan decodes without even a warning. Data cut
    // short warns that the data segment ended early, and the file is refused as truncated.
    const mended = withJpegEnd(bytes);
    if (mended !== undefined) {
      const whole = await decodePixels(mended, options, 'warning').catch(() => undefined);
      if (whole !== undefined) return whole;
    }
    const reason = error instanceof Error ? error.message : String(error);
    if (/pixel limit/i.test(reason)) {
      throw new DocumentError('image_too_large', 'The image has more pixels than may be decoded.', { cause: error });
    }
    throw new DocumentError('corrupt_image', `The image cannot be decoded (it may be truncated or damaged): ${reason.split('\n')[0]}`, {
      cause: error,
    });
  }
}

async function decodePixels(bytes: Uint8Array, options: DecodeOptions, failOn: 'error' | 'warning'): Promise<PageImage> {
  const { page = 0, maxInputPixels, maxSide } = options;
  const image = sharp(bytes, {
    page,
    // 'error' also fails on truncated data, where sharp would otherwise pad with grey.
    failOn,
    ...(maxInputPixels === undefined ? {} : { limitInputPixels: maxInputPixels }),
  }).rotate();
  // A square box holds the longer side whichever way EXIF turns the image.
  if (maxSide !== undefined) image.resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true });
  // sRGB keeps an alpha channel where the image has one (4 channels), and only then.
  const { data, info } = await image.toColorspace('srgb').raw().toBuffer({ resolveWithObject: true });
  if (info.channels === 4) return flattenOntoPaper(data, info.width, info.height);
  return { width: info.width, height: info.height, channels: 3, data };
}

/** Resamples decoded pixels to exactly `size`, aspect not kept: a fax's tall pixels made square. */
export async function resizeImage(image: PageImage, size: PageSize): Promise<PageImage> {
  const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } })
    .resize(size.width, size.height, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: 3, data };
}
