import type { PageImage, Point } from '@ocr/contracts';
import sharp from 'sharp';
import type { PixelRect } from './ink-bounds.ts';

/** A part of a page turned so that text running at an angle on it runs level. */
export interface Levelled {
  image: PageImage;
  /** Where a point of `image` lies on the page. */
  toPage: (point: Point) => Point;
}

/** `rect` of the page turned by -`angle` (radians clockwise, as `readingAngle` gives) about its middle, onto white. */
export async function levelled(page: PageImage, rect: PixelRect, angle: number): Promise<Levelled> {
  const { left, top, right, bottom } = rect;
  // sharp turns clockwise on the page, about the middle, onto a canvas grown to hold the turn.
  const { data, info } = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 3 } })
    .extract({ left, top, width: right - left, height: bottom - top })
    .rotate((-angle * 180) / Math.PI, { background: '#ffffff' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const image: PageImage = { width: info.width, height: info.height, channels: 3, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  const cos = Math.cos(angle), sin = Math.sin(angle);
  const cx = (right + left) / 2, cy = (bottom + top) / 2;
  const toPage = ([u, v]: Point): Point => {
    const du = u - info.width / 2, dv = v - info.height / 2;
    return [cx + du * cos - dv * sin, cy + du * sin + dv * cos];
  };
  return { image, toPage };
}
