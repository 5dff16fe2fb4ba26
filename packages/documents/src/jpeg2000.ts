/// <reference path="./pdfjs-image-decoders.d.ts" />
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import type { PageImage } from '@ocr/contracts';
import { DocumentError } from './errors.ts';
import type { PageSize } from './limits.ts';
import { flattenOntoPaper } from './transparency.ts';

type JpxImage = (typeof import('pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs'))['JpxImage'];
// Loaded on first use and kept: only a worker that meets a JPEG 2000 file pays for it.
let decoder: Promise<JpxImage> | undefined;

const wasmFolder = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'wasm');

/** pdfjs's OpenJPEG build (sharp's libvips has none), its WebAssembly read from pdfjs-dist's folder. */
function jpxImage(): Promise<JpxImage> {
  return (decoder ??= import('pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs').then(({ JpxImage }) => {
    // Not fetched (Node's fetch reads no paths): handed over as pdfjs's worker would hand it.
    const handler = {
      sendWithPromise: async (_: string, { filename }: { filename: string }) => new Uint8Array(await readFile(path.join(wasmFolder, filename))),
    };
    JpxImage.setOptions({ handler, useWasm: true, useWorkerFetch: false, wasmUrl: wasmFolder + path.sep });
    return JpxImage;
  }));
}

/** Each resolution level halves the image's sides, rounding up. */
const atLevel = (side: number, level: number): number => Math.ceil(side / 2 ** level);

/**
 * Decodes a JPEG 2000 image (a JP2 file or a bare codestream), `size` as its header gives it,
 * to an RGB page: from its finest resolution level that holds at most `maxPixels` (a scan over
 * the per-page limit decodes a quarter of its pixels, never its whole: OpenJPEG keeps 4 bytes a
 * sample, and its WebAssembly memory would not hold a 300 MP sheet).
 */
export async function decodeJpeg2000(bytes: Uint8Array, size: PageSize, maxPixels: number): Promise<PageImage> {
  const jpx = await jpxImage();
  let level = 0;
  while (atLevel(size.width, level) * atLevel(size.height, level) > maxPixels) level++;
  let decoded: Uint8Array | Uint8ClampedArray | undefined;
  try {
    decoded = await jpx.decode(bytes, { reducePower: level });
    // Grey with alpha (two components, as Pillow saves an LA image) comes back only as RGBA:
    // pdfjs's wrapper stores nothing for it otherwise, without an error.
    decoded ??= await jpx.decode(bytes, { reducePower: level, numComponents: 0, smaskInData: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const coarser = level > 0 ? ` at 1/${2 ** level} of its size (it may have no such resolution level)` : '';
    throw new DocumentError('corrupt_image', `The JPEG 2000 image cannot be decoded${coarser}: it may be truncated or damaged (${reason}).`, {
      cause: error,
    });
  } finally {
    // A damaged codestream can leave OpenJPEG's memory in a state that fails the next file: each
    // decode starts from a fresh instance (the WebAssembly stays compiled).
    jpx.cleanup();
  }
  if (!decoded) throw new DocumentError('corrupt_image', 'The JPEG 2000 image cannot be decoded: OpenJPEG gave no pixels for its components.');
  const width = atLevel(size.width, level);
  const height = atLevel(size.height, level);
  const channels = decoded.length / (width * height);
  if (![1, 2, 3, 4].includes(channels)) {
    throw new DocumentError('corrupt_image', `The JPEG 2000 image cannot be decoded: it gave ${decoded.length} bytes for ${width} × ${height} pixels.`);
  }
  const pixels = Buffer.from(decoded.buffer, decoded.byteOffset, decoded.byteLength);
  const { data, info } = await sharp(pixels, { raw: { width, height, channels: channels as 1 | 2 | 3 | 4 } })
    .toColorspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels === 4) return flattenOntoPaper(data, info.width, info.height);
  return { width: info.width, height: info.height, channels: 3, data };
}
