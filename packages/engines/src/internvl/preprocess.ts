import type { PageImage } from '@ocr/contracts';
import sharp from 'sharp';
import type { TileGrid } from './tiling.ts';

// ImageNet statistics, as InternVL's build_transform normalises.
const MEAN = [0.485, 0.456, 0.406] as const;
const STD = [0.229, 0.224, 0.225] as const;

/** Per channel, byte value → normalised float, so the pixel loop is one table lookup. */
const NORMALISED: Float32Array[] = MEAN.map((mean, c) => Float32Array.from({ length: 256 }, (_, v) => (v / 255 - mean) / STD[c]!));

/** Pixel values for the vision encoder: `tiles` CHW images of `imageSize`², back to back. */
export interface PixelValues {
  data: Float32Array;
  dims: [tiles: number, channels: 3, height: number, width: number];
}

/** PIL's default resize is bicubic (Catmull-Rom, widened when shrinking), as is sharp's `cubic`. */
function resizeRgb(page: PageImage, width: number, height: number): Promise<Buffer> {
  return sharp(page.data, { raw: { width: page.width, height: page.height, channels: 3 } })
    .resize(width, height, { fit: 'fill', kernel: 'cubic' })
    .raw()
    .toBuffer();
}

/** Normalises one `size`² window of an RGB image (row stride `stride` pixels) into CHW at `out[offset..]`. */
function writeTile(rgb: Uint8Array, stride: number, x0: number, y0: number, size: number, out: Float32Array, offset: number): void {
  const plane = size * size;
  const [r, g, b] = NORMALISED as [Float32Array, Float32Array, Float32Array];
  for (let y = 0; y < size; y++) {
    let src = ((y0 + y) * stride + x0) * 3;
    let dst = offset + y * size;
    for (let x = 0; x < size; x++, src += 3, dst++) {
      out[dst] = r[rgb[src]!]!;
      out[dst + plane] = g[rgb[src + 1]!]!;
      out[dst + 2 * plane] = b[rgb[src + 2]!]!;
    }
  }
}

/**
 * InternVL's dynamic preprocessing: resize the page to the grid, cut tiles row by row, append a
 * thumbnail of the whole page when the grid has more than one tile, normalise, CHW float32.
 *
 * @example
 * const grid = tileGrid(page.width, page.height, { imageSize: 448, minTiles: 1, maxTiles: 12, useThumbnail: true });
 * const { data, dims } = await preprocessPage(page, grid, 448); // dims = [grid.tiles, 3, 448, 448]
 */
export async function preprocessPage(page: PageImage, grid: TileGrid, imageSize: number): Promise<PixelValues> {
  const tileFloats = 3 * imageSize * imageSize;
  const data = new Float32Array(grid.tiles * tileFloats);
  const width = grid.cols * imageSize;
  const [resized, thumbnail] = await Promise.all([
    resizeRgb(page, width, grid.rows * imageSize),
    grid.thumbnail ? resizeRgb(page, imageSize, imageSize) : undefined,
  ]);
  for (let i = 0; i < grid.cols * grid.rows; i++) {
    const x0 = (i % grid.cols) * imageSize;
    const y0 = Math.floor(i / grid.cols) * imageSize;
    writeTile(resized, width, x0, y0, imageSize, data, i * tileFloats);
  }
  if (thumbnail) writeTile(thumbnail, imageSize, 0, 0, imageSize, data, (grid.tiles - 1) * tileFloats);
  return { data, dims: [grid.tiles, 3, imageSize, imageSize] };
}
