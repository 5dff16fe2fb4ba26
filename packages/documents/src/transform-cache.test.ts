import { createCanvas, DOMMatrix, type SKRSContext2D } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { cacheTransform } from './transform-cache.ts';

/** The transform as the context itself reports it, past the cache. */
function uncached(context: SKRSContext2D): number[] {
  const read = (Object.getPrototypeOf(context) as { getTransform: () => DOMMatrix }).getTransform;
  const m = read.call(context);
  return [m.a, m.b, m.c, m.d, m.e, m.f];
}

const values = (m: DOMMatrix): number[] => [m.a, m.b, m.c, m.d, m.e, m.f];

describe('cacheTransform', () => {
  it('answers what the context holds after every call that changes the transform', () => {
    const context = createCanvas(100, 100).getContext('2d');
    cacheTransform(context);
    const steps: Array<[string, () => void]> = [
      ['translate', () => context.translate(10, 20)],
      ['scale', () => context.scale(2, 3)],
      ['save', () => context.save()],
      ['rotate', () => context.rotate(0.5)],
      ['transform', () => context.transform(1, 0.2, 0.3, 1, 5, 6)],
      ['restore', () => context.restore()],
      ['setTransform numbers', () => context.setTransform(1, 2, 3, 4, 5, 6)],
      ['setTransform matrix', () => context.setTransform(new DOMMatrix([2, 0, 0, 2, 7, 8]))],
      ['resetTransform', () => context.resetTransform()],
      ['scale again', () => context.scale(4, 4)],
      ['reset', () => context.reset()],
    ];
    for (const [name, step] of steps) {
      values(context.getTransform());
      step();
      expect(values(context.getTransform()), name).toEqual(uncached(context));
    }
  });

  it('gives each reader its own matrix: inverting one leaves the next read alone', () => {
    const context = createCanvas(10, 10).getContext('2d');
    cacheTransform(context);
    context.scale(2, 4);
    const first = context.getTransform();
    first.invertSelf();
    expect(values(first).map((v) => v + 0)).toEqual([0.5, 0, 0, 0.25, 0, 0]);
    expect(values(context.getTransform())).toEqual([2, 0, 0, 4, 0, 0]);
  });
});
