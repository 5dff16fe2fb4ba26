import type { PageImage, Point } from '@ocr/contracts';
import sharp from 'sharp';
import type { PixelRect } from './ink-bounds.ts';

/** A part of a page turned so that text running at an angle on it runs level. */
export interface Levelled {
  image: PageImage;
  /** Where a point of `image` lies on the page. */
  toPage: (point: Point) => Point;
}

/** How the turned pixels are drawn from the page's. */
export type Interpolation = 'bicubic' | 'bilinear';

/** `rect` of the page turned by -`angle` (radians clockwise, as `readingAngle` gives), onto white. */
export async function levelled(page: PageImage, rect: PixelRect, angle: number, interpolation: Interpolation): Promise<Levelled> {
  const { left, top, right, bottom } = rect;
  const cos = Math.cos(angle), sin = Math.sin(angle);
  const width = right - left, height = bottom - top;
  // Turned by -angle, (x, y) -> (x cos + y sin, -x sin + y cos); the output starts at the turned
  // corners' least x and y.
  const corners = [[0, 0], [width, 0], [0, height], [width, height]].map(([x, y]) => [x! * cos + y! * sin, -x! * sin + y! * cos]);
  const minX = Math.min(...corners.map(([x]) => x!)), minY = Math.min(...corners.map(([, y]) => y!));
  const { data, info } = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 3 } })
    .extract({ left, top, width, height })
    .affine([cos, sin, -sin, cos], { background: '#ffffff', interpolator: sharp.interpolators[interpolation] })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const image: PageImage = { width: info.width, height: info.height, channels: 3, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  const toPage = ([u, v]: Point): Point => {
    const x = u + minX, y = v + minY;
    return [left + x * cos - y * sin, top + x * sin + y * cos];
  };
  return { image, toPage };
}
