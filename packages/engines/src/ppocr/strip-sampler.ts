import type { PageImage, Quad } from '@ocr/contracts';
import { quadSize } from './geometry.ts';

/** Where one strip goes in a batch tensor [N, 3, height, stride]. */
export interface StripSlot {
  index: number;
  height: number;
  /** Tensor width of the batch. */
  stride: number;
  /** Width of this strip inside it; the rest stays 0 (mid-grey), PaddleOCR's padding. */
  width: number;
}

/** Strip width for a box at a given strip height, from the box's aspect ratio, `stretch` times wider. */
export function stripWidth(quad: Quad, height: number, maxWidth: number, stretch = 1): number {
  const size = quadSize(quad);
  const ratio = size.width / Math.max(1, size.height);
  return Math.max(8, Math.min(maxWidth, Math.ceil(height * ratio * stretch)));
}

/**
 * Samples a rotated box of the page into a strip, bilinear with k×k supersampling when shrinking,
 * normalised to [-1, 1] in BGR order: (x / 255 − 0.5) / 0.5.
 * `along` (0..1 pairs) limits the strip to part of the box's reading edge.
 */
export function sampleStrip(page: PageImage, quad: Quad, target: Float32Array, slot: StripSlot, along: [number, number] = [0, 1]): void {
  const { width: pw, height: ph, data } = page;
  const [tl, tr, , bl] = quad;
  const span = along[1] - along[0];
  // Page offset per strip pixel along the reading edge (e) and down the side (d).
  const ex = ((tr[0] - tl[0]) * span) / slot.width, ey = ((tr[1] - tl[1]) * span) / slot.width;
  const dx = (bl[0] - tl[0]) / slot.height, dy = (bl[1] - tl[1]) / slot.height;
  const ox = tl[0] + (tr[0] - tl[0]) * along[0], oy = tl[1] + (tr[1] - tl[1]) * along[0];
  const k = Math.max(1, Math.min(4, Math.round(Math.hypot(dx, dy))));
  const inv = 1 / (k * k * 127.5);
  const plane = slot.height * slot.stride;
  const base = slot.index * 3 * plane;
  for (let i = 0; i < slot.height; i++) {
    for (let j = 0; j < slot.width; j++) {
      let r = 0, g = 0, b = 0;
      for (let si = 0; si < k; si++) {
        const fi = i + (si + 0.5) / k;
        for (let sj = 0; sj < k; sj++) {
          const fj = j + (sj + 0.5) / k;
          // Continuous page coordinates, shifted so that pixel centres sit on integers.
          const x = Math.min(pw - 1, Math.max(0, ox + fj * ex + fi * dx - 0.5));
          const y = Math.min(ph - 1, Math.max(0, oy + fj * ey + fi * dy - 0.5));
          const x0 = Math.floor(x), y0 = Math.floor(y);
          const x1 = Math.min(pw - 1, x0 + 1), y1 = Math.min(ph - 1, y0 + 1);
          const wx = x - x0, wy = y - y0;
          const p00 = (y0 * pw + x0) * 3, p01 = (y0 * pw + x1) * 3, p10 = (y1 * pw + x0) * 3, p11 = (y1 * pw + x1) * 3;
          const w00 = (1 - wx) * (1 - wy), w01 = wx * (1 - wy), w10 = (1 - wx) * wy, w11 = wx * wy;
          r += data[p00]! * w00 + data[p01]! * w01 + data[p10]! * w10 + data[p11]! * w11;
          g += data[p00 + 1]! * w00 + data[p01 + 1]! * w01 + data[p10 + 1]! * w10 + data[p11 + 1]! * w11;
          b += data[p00 + 2]! * w00 + data[p01 + 2]! * w01 + data[p10 + 2]! * w10 + data[p11 + 2]! * w11;
        }
      }
      const at = base + i * slot.stride + j;
      target[at] = b * inv - 1;
      target[at + plane] = g * inv - 1;
      target[at + 2 * plane] = r * inv - 1;
    }
  }
}
