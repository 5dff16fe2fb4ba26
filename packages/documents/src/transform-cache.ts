import { DOMMatrix, type SKRSContext2D } from '@napi-rs/canvas';

// Every call that can change a 2D context's transform (canvas resizes are followed by reset()).
const CHANGES_TRANSFORM = ['setTransform', 'transform', 'translate', 'scale', 'rotate', 'resetTransform', 'restore', 'reset'] as const;

/**
 * Makes `getTransform` on this context cheap. pdfjs reads the transform once per path it draws;
 * @napi-rs/canvas answers each read with a native call and a JS object, about a sixth of the time
 * of a page of many small strokes. The last answer is kept until a call that can change the
 * transform, and each read still gets its own DOMMatrix (pdfjs inverts and multiplies them in place).
 */
export function cacheTransform(context: SKRSContext2D): void {
  const prototype = Object.getPrototypeOf(context) as Record<string, (...args: unknown[]) => unknown>;
  let last: { a: number; b: number; c: number; d: number; e: number; f: number } | null = null;
  for (const name of CHANGES_TRANSFORM) {
    const original = prototype[name]!;
    Object.defineProperty(context, name, {
      configurable: true,
      writable: true,
      value(this: SKRSContext2D, ...args: unknown[]) {
        last = null;
        return original.apply(this, args);
      },
    });
  }
  const read = prototype['getTransform']!;
  Object.defineProperty(context, 'getTransform', {
    configurable: true,
    writable: true,
    value(this: SKRSContext2D) {
      const m = (last ??= read.call(this) as DOMMatrix);
      return new DOMMatrix([m.a, m.b, m.c, m.d, m.e, m.f]);
    },
  });
}
