import type { Quad } from '@ocr/contracts';

/** The upright box from (left, top) to (right, bottom), corners clockwise from the top-left. */
export function rectQuad(left: number, top: number, right: number, bottom: number): Quad {
  return [
    [left, top],
    [right, top],
    [right, bottom],
    [left, bottom],
  ];
}
