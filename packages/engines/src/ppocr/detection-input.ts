import sharp from 'sharp';
import type { PageImage } from '@ocr/contracts';
import type { PixelRect } from './ink-bounds.ts';

/** How the detector's probability map lies in its tensor and maps back to the page. */
export interface DetectionGeometry {
  /** Tensor height and width (the size bucket). */
  height: number;
  width: number;
  /** The resized page inside the tensor (top-left); the rest is white padding. */
  contentHeight: number;
  contentWidth: number;
  /** Page pixels per tensor pixel, and the page position of the tensor's top-left corner. */
  scaleX: number;
  scaleY: number;
  offsetX: number;
  offsetY: number;
}

/** The detector's input tensor and how it maps back to the page. */
export interface DetectionInput extends DetectionGeometry {
  tensor: Float32Array;
}

/** Part of the page resized for detection, as packed RGB bytes (contentWidth × contentHeight). */
export interface ResizedArea extends DetectionGeometry {
  rgb: Buffer;
}

const MAX_SIDE = 1600;
const ALIGN = 32;
/**
 * Tensor sides are padded up to multiples of this, so pages of similar size share one shape.
 * Small: with memory patterns off a new shape costs little, and padding costs detector time.
 */
const BUCKET = 64;
// ImageNet statistics, applied in BGR channel order as the model was trained (OpenCV images).
const MEAN_BGR = [0.485, 0.456, 0.406] as const;
const STD_BGR = [0.229, 0.224, 0.225] as const;

/** White paper after normalisation, per tensor channel (B, G, R); padding uses it. */
export const WHITE = MEAN_BGR.map((mean, c) => (1 - mean) / STD_BGR[c]!);

function bucket(side: number): number {
  return Math.ceil(side / BUCKET) * BUCKET;
}

/** Tensor pixels per page pixel for `area`: `enlarge` at most, and the long side at most `maxSide`. */
export function detectionScale(area: PixelRect, maxSide = MAX_SIDE, enlarge = 1): number {
  return Math.min(enlarge, maxSide / Math.max(area.right - area.left, area.bottom - area.top));
}

/**
 * Resizes `area` of the page so its long side is at most `maxSide` px (enlarged by at most
 * `enlarge`), both sides multiples of 32; the tensor size is that padded up to a size bucket.
 */
export async function resizeArea(page: PageImage, area: PixelRect, maxSide: number, enlarge = 1): Promise<ResizedArea> {
  const areaWidth = area.right - area.left, areaHeight = area.bottom - area.top;
  const scale = detectionScale(area, maxSide, enlarge);
  const contentWidth = Math.max(ALIGN, Math.round((areaWidth * scale) / ALIGN) * ALIGN);
  const contentHeight = Math.max(ALIGN, Math.round((areaHeight * scale) / ALIGN) * ALIGN);
  const rgb = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 3 } })
    .extract({ left: area.left, top: area.top, width: areaWidth, height: areaHeight })
    .resize(contentWidth, contentHeight, { fit: 'fill', kernel: scale > 1 ? 'cubic' : 'linear' })
    .raw()
    .toBuffer();
  return {
    rgb,
    height: bucket(contentHeight),
    width: bucket(contentWidth),
    contentHeight,
    contentWidth,
    scaleX: areaWidth / contentWidth,
    scaleY: areaHeight / contentHeight,
    offsetX: area.left,
    offsetY: area.top,
  };
}

/**
 * Fills `tensor` ([3, height, width], BGR, normalised) with the resized area's pixels whose
 * top-left is at (`left`, `top`) in the area; pixels outside the area are white paper.
 */
export function normaliseInto(tensor: Float32Array, width: number, height: number, area: ResizedArea, left: number, top: number): void {
  const { rgb, contentWidth, contentHeight } = area;
  const plane = width * height;
  const x0 = Math.max(0, -left), x1 = Math.min(width, contentWidth - left);
  const y0 = Math.max(0, -top), y1 = Math.min(height, contentHeight - top);
  for (let c = 0; c < 3; c++) {
    const rgbChannel = 2 - c;
    const mul = 1 / (255 * STD_BGR[c]!);
    const add = -MEAN_BGR[c]! / STD_BGR[c]!;
    const base = c * plane;
    tensor.fill(WHITE[c]!, base, base + plane);
    for (let y = y0; y < y1; y++) {
      const row = base + y * width;
      let src = ((top + y) * contentWidth + left + x0) * 3 + rgbChannel;
      for (let x = x0; x < x1; x++, src += 3) tensor[row + x] = rgb[src]! * mul + add;
    }
  }
}

/**
 * Resizes `area` of the page so the long side is at most 1600 px (enlarged by at most `enlarge`)
 * with both sides multiples of 32, pads it with white up to a size bucket, and normalises it
 * into a [1, 3, H, W] BGR tensor.
 */
export async function detectionInput(page: PageImage, area: PixelRect, enlarge = 1): Promise<DetectionInput> {
  const resized = await resizeArea(page, area, MAX_SIDE, enlarge);
  const { rgb, ...geometry } = resized;
  const tensor = new Float32Array(3 * geometry.width * geometry.height);
  normaliseInto(tensor, geometry.width, geometry.height, resized, 0, 0);
  return { tensor, ...geometry };
}
