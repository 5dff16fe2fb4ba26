import type { Bounds } from './geometry.ts';

/** An 8-connected shape of ink: its bounds (right and bottom exclusive) and pixels. */
export interface Component extends Bounds {
  pixels: number;
}

/**
 * The 8-connected shapes of `print` (1 for ink, one byte a pixel of `window`) that reach into
 * `place`, each measured within `window`, in page pixels. Clears `print` as it goes.
 */
export function componentsIn(print: Uint8Array, place: Bounds, window: Bounds): Component[] {
  const { left, top } = window;
  const w = window.right - left, h = window.bottom - top;
  const stack: number[] = [];
  const found: Component[] = [];
  for (let y = place.top - top; y < place.bottom - top; y++) {
    for (let x = place.left - left; x < place.right - left; x++) {
      if (!print[y * w + x]) continue;
      print[y * w + x] = 0;
      stack.push(y * w + x);
      const c: Component = { left: x + left, top: y + top, right: x + left + 1, bottom: y + top + 1, pixels: 0 };
      while (stack.length > 0) {
        const p = stack.pop()!;
        const px = p % w, py = (p - px) / w;
        c.pixels++;
        c.left = Math.min(c.left, px + left), c.right = Math.max(c.right, px + left + 1);
        c.top = Math.min(c.top, py + top), c.bottom = Math.max(c.bottom, py + top + 1);
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const nx = px + dx, ny = py + dy;
            if (nx < 0 || ny < 0 || nx >= w || ny >= h || !print[ny * w + nx]) continue;
            print[ny * w + nx] = 0;
            stack.push(ny * w + nx);
          }
        }
      }
      found.push(c);
    }
  }
  return found;
}
