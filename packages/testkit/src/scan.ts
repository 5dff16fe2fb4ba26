import sharp from 'sharp';

/** How a printed page is spoiled on its way through a scanner. */
export interface ScanOptions {
  /** Rotation in degrees, clockwise; default 1.5. */
  skewDegrees?: number;
  /** Gaussian blur sigma in pixels; default 0.8 (sharp needs at least 0.3). */
  blurSigma?: number;
  /** Standard deviation of additive grey noise, in 0..255 levels; default 12. */
  noise?: number;
  /** JPEG quality of the result; default 60. */
  jpegQuality?: number;
  /** Fraction of pixels turned black or white (dust, speckle on an old copy); default 0. */
  speckle?: number;
  /** Seed of the noise, so a scan is the same on every run. */
  seed?: number;
}

/** Small deterministic PRNG (mulberry32); tests must not change between runs. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * "Scans" a rendered page: skew on a white background, blur, sensor noise, speckle, JPEG.
 * Returns JPEG bytes.
 *
 * @example
 * const jpeg = await scanPage(renderPage(spec), { skewDegrees: 1.5 });
 */
export async function scanPage(image: Uint8Array, options: ScanOptions = {}): Promise<Buffer> {
  const { skewDegrees = 1.5, blurSigma = 0.8, noise = 12, jpegQuality = 60, speckle = 0, seed = 1 } = options;
  let pipeline = sharp(image).flatten({ background: '#ffffff' }).rotate(skewDegrees, { background: '#ffffff' });
  if (blurSigma > 0) pipeline = pipeline.blur(blurSigma);
  const { data, info } = await pipeline.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const next = random(seed);
  for (let i = 0; i < data.length; i += 3) {
    // Box–Muller: one normal sample per pixel, the same on all channels (grey sensor noise).
    const n = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()) * noise;
    for (let c = 0; c < 3; c++) data[i + c] = Math.max(0, Math.min(255, Math.round(data[i + c]! + n)));
    if (speckle > 0) {
      const r = next();
      if (r < speckle) data.fill(r < speckle / 2 ? 0 : 255, i, i + 3);
    }
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } }).jpeg({ quality: jpegQuality }).toBuffer();
}

/** How the print on a sheet's back shows through thin paper. */
export interface ShowThroughOptions {
  /** How dark the back's black print comes through, 0..1 of black; default 0.12 (about 30 grey levels). */
  strength?: number;
  /** Gaussian blur sigma of the back's print, spread by the paper; default 1.5. */
  blurSigma?: number;
  /** Rows the back's print lies lower than the front's; default 9 (between lines, partly over them). */
  offset?: number;
  /** The paper's grey, 0..255; default 237. */
  paper?: number;
}

/**
 * "Scans" a sheet printed on both sides: `front` as seen, with `back` mirrored through the paper,
 * faint and blurred, on grey paper. Both are rendered pages; `back` is fitted to `front`'s size.
 * Returns JPEG bytes (quality 85).
 *
 * @example
 * const jpeg = await showThrough(renderPage(front.spec), renderPage(back.spec));
 */
export async function showThrough(front: Uint8Array, back: Uint8Array, options: ShowThroughOptions = {}): Promise<Buffer> {
  const { strength = 0.12, blurSigma = 1.5, offset = 9, paper = 237 } = options;
  const { data, info } = await sharp(front).flatten({ background: '#ffffff' }).greyscale().raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const seen = await sharp(back)
    .flatten({ background: '#ffffff' })
    .greyscale()
    .resize(width, height, { fit: 'fill' })
    .flop()
    .blur(blurSigma)
    .raw()
    .toBuffer();
  const out = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const backInk = y >= offset ? 1 - seen[(y - offset) * width + x]! / 255 : 0;
      out[y * width + x] = Math.round(data[y * width + x]! * (1 - strength * backInk) * (paper / 255));
    }
  }
  return sharp(out, { raw: { width, height, channels: 1 } }).jpeg({ quality: 85 }).toBuffer();
}
