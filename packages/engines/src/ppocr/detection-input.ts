import sharp from 'sharp';
import type { PageImage } from '@ocr/contracts';
import type { PixelRect } from './ink-bounds.ts';

/** The detector's input tensor and how it maps back to the page. */
export interface DetectionInput {
  tensor: Float32Array;
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

/**
 * Resizes `area` of the page so the long side is at most 1600 px with both sides multiples of 32,
 * pads it with white up to a size bucket, and normalises it into a [1, 3, H, W] BGR tensor.
 */
export async function detectionInput(page: PageImage, area: PixelRect): Promise<DetectionInput> {
  const areaWidth = area.right - area.left, areaHeight = area.bottom - area.top;
  const scale = Math.min(1, MAX_SIDE / Math.max(areaWidth, areaHeight));
  const contentWidth = Math.max(ALIGN, Math.round((areaWidth * scale) / ALIGN) * ALIGN);
  const contentHeight = Math.max(ALIGN, Math.round((areaHeight * scale) / ALIGN) * ALIGN);
  const resized = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 3 } })
    .extract({ left: area.left, top: area.top, width: areaWidth, height: areaHeight })
    .resize(contentWidth, contentHeight, { fit: 'fill', kernel: 'linear' })
    .raw()
    .toBuffer();
  const width = bucket(contentWidth);
  const height = bucket(contentHeight);
  const plane = width * height;
  const tensor = new Float32Array(3 * plane);
  for (let c = 0; c < 3; c++) {
    const rgbChannel = 2 - c;
    const mul = 1 / (255 * STD_BGR[c]!);
    const add = -MEAN_BGR[c]! / STD_BGR[c]!;
    const base = c * plane;
    tensor.fill(WHITE[c]!, base, base + plane);
    for (let y = 0; y < contentHeight; y++) {
      const row = base + y * width;
      let src = y * contentWidth * 3 + rgbChannel;
      for (let x = 0; x < contentWidth; x++, src += 3) tensor[row + x] = resized[src]! * mul + add;
    }
  }
  return {
    tensor,
    height,
    width,
    contentHeight,
    contentWidth,
    scaleX: areaWidth / contentWidth,
    scaleY: areaHeight / contentHeight,
    offsetX: area.left,
    offsetY: area.top,
  };
}
