import { decode } from 'bmp-ts';
import type { PageImage } from '@ocr/contracts';
import { DocumentError } from './errors.ts';

/**
 * Decodes a BMP (1- to 32-bit, top-down or bottom-up) with bmp-ts, which sharp cannot read.
 * bmp-ts reports alpha 0 for formats without an alpha channel (24-bit, and 32-bit without an
 * alpha mask), so alpha is honoured only when some pixel has it; then it is flattened onto white.
 */
export function decodeBmp(bytes: Uint8Array): PageImage {
  let bitmap: { width: number; height: number; data: Buffer };
  try {
    bitmap = decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { toRGBA: true });
  } catch (error) {
    // bmp-ts reads past the end of a truncated file and throws a RangeError.
    const reason = error instanceof Error ? error.message : String(error);
    throw new DocumentError('corrupt_image', `The BMP image cannot be decoded (it may be truncated or damaged): ${reason}`, {
      cause: error,
    });
  }
  const { width, height, data: rgba } = bitmap;
  const pixels = width * height;
  let hasAlpha = false;
  for (let i = 3; i < rgba.length; i += 4) {
    if (rgba[i] !== 0) {
      hasAlpha = true;
      break;
    }
  }
  const rgb = new Uint8Array(pixels * 3);
  for (let p = 0; p < pixels; p++) {
    const alpha = hasAlpha ? rgba[p * 4 + 3]! : 255;
    for (let c = 0; c < 3; c++) {
      const value = rgba[p * 4 + c]!;
      rgb[p * 3 + c] = alpha === 255 ? value : Math.round((value * alpha + 255 * (255 - alpha)) / 255);
    }
  }
  return { width, height, channels: 3, data: rgb };
}
