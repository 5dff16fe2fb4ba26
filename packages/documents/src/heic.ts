import { createRequire } from 'node:module';
import type { PageImage } from '@ocr/contracts';
import type libheif from 'libheif-js/libheif-wasm/libheif-bundle.js';
import { DocumentError } from './errors.ts';

// Loaded on first use and kept: only a worker that meets an HEIC photo pays for the ~2 MB module.
let factory: typeof libheif | undefined;

/**
 * libheif with libde265 (HEVC) as WebAssembly (sharp's libvips is built without an HEVC decoder),
 * a fresh instance for each file: its memory never shrinks, and a 48 MP photo grows it to ~350 MB
 * that would stay with the worker; a dropped instance is collected. A damaged file cannot leave
 * its state to the next either.
 */
function instance(): libheif.Module {
  factory ??= createRequire(import.meta.url)('libheif-js/libheif-wasm/libheif-bundle.js') as typeof libheif;
  return factory();
}

function failed(value: object): value is libheif.Failure {
  return typeof (value as Partial<libheif.Failure>).message === 'string';
}

/** libheif's refusal as ours: a codec it was built without (JPEG, AV1 or uncompressed images in HEIF) is a format we do not read. */
function refusal(why: string): DocumentError {
  if (/has not been built in|Unsupported image type/.test(why)) {
    return new DocumentError('unsupported_format', `The HEIF image is coded in a way this service does not decode (${why}); HEIC photos in HEVC, as phones take them, are read: send this one as JPEG or PNG.`);
  }
  return new DocumentError('corrupt_image', `The HEIC image cannot be decoded (it may be truncated or damaged): ${why}.`);
}

/**
 * Decodes an HEIC/HEIF file's primary image (as phones save photos: HEVC, often in a grid of
 * tiles) to RGB, turned and cropped as the file says (`irot`, `imir`, `clap`; its EXIF
 * orientation is not applied, as HEIF readers do not). Runs synchronously in WebAssembly, so the
 * worker calls it in the renderer thread (see raster-document.ts).
 */
export async function decodeHeic(bytes: Uint8Array): Promise<PageImage> {
  const heif = instance();
  const context = heif.heif_context_alloc();
  try {
    const read = heif.heif_context_read_from_memory(context, bytes);
    if (read.code.value !== heif.heif_error_code.heif_error_Ok.value) throw refusal(read.message);
    const handle = heif.heif_context_get_primary_image_handle(context);
    if (failed(handle)) throw refusal(handle.message);
    try {
      const decoded = await heif.heif_js_decode_image2(handle, heif.heif_colorspace.heif_colorspace_RGB, heif.heif_chroma.heif_chroma_interleaved_RGB);
      if (failed(decoded)) throw refusal(decoded.message);
      try {
        const plane = decoded.channels.find((channel) => channel.id.value === heif.heif_channel.heif_channel_interleaved.value);
        if (!plane) throw refusal('libheif gave no interleaved RGB plane');
        // The plane is a view into the module's heap: copied out, row by row past the stride's padding.
        const { width, height, stride } = plane;
        const data = new Uint8Array(width * height * 3);
        for (let y = 0; y < height; y++) data.set(plane.data.subarray(y * stride, y * stride + width * 3), y * width * 3);
        return { width, height, channels: 3, data };
      } finally {
        heif.heif_image_release(decoded.image);
      }
    } finally {
      heif.heif_image_handle_release(handle);
    }
  } finally {
    heif.heif_context_free(context);
  }
}
