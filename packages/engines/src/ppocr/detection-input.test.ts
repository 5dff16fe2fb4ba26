import { describe, expect, it } from 'vitest';
import type { PageImage } from '@ocr/contracts';
import { detectionInput, WHITE } from './detection-input.ts';

function solidPage(width: number, height: number, rgb: [number, number, number]): PageImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i += 3) data.set(rgb, i);
  return { width, height, channels: 3, data };
}

describe('detectionInput', () => {
  it('caps the long side at 1600 in multiples of 32 and maps tensor pixels back to the page', async () => {
    const page = solidPage(3300, 2000, [255, 255, 255]);
    const input = await detectionInput(page, { left: 100, top: 50, right: 3300, bottom: 2000 });
    expect(input.contentWidth).toBe(1600);
    expect(input.contentHeight % 32).toBe(0);
    expect(input.contentHeight).toBe(Math.round((1950 * 0.5) / 32) * 32);
    expect(input.width % 32).toBe(0);
    expect(input.scaleX).toBeCloseTo(2);
    expect([input.offsetX, input.offsetY]).toEqual([100, 50]);
  });

  it('enlarges a small area by at most the factor asked, and never past the 1600 px cap', async () => {
    const small = await detectionInput(solidPage(400, 300, [255, 255, 255]), { left: 0, top: 0, right: 400, bottom: 300 }, 2);
    expect([small.contentWidth, small.contentHeight]).toEqual([800, 608]);
    expect(small.scaleX).toBeCloseTo(0.5);
    const capped = await detectionInput(solidPage(1000, 500, [255, 255, 255]), { left: 0, top: 0, right: 1000, bottom: 500 }, 4);
    expect(capped.contentWidth).toBe(1600);
    expect(capped.scaleX).toBeCloseTo(1000 / 1600);
  });

  it('normalises with ImageNet statistics in BGR order and pads with white', async () => {
    const page = solidPage(100, 100, [255, 0, 0]);
    const input = await detectionInput(page, { left: 0, top: 0, right: 100, bottom: 100 });
    const plane = input.width * input.height;
    // Channel 0 is blue (0 here): (0 − 0.485) / 0.229; channel 2 is red (255): (1 − 0.406) / 0.225.
    expect(input.tensor[0]).toBeCloseTo(-0.485 / 0.229, 4);
    expect(input.tensor[2 * plane]).toBeCloseTo((1 - 0.406) / 0.225, 4);
    // The content is 96 px wide, the tensor 128: the rest is white paper.
    expect(input.width).toBeGreaterThan(input.contentWidth);
    expect(input.tensor[input.width - 1]).toBeCloseTo(WHITE[0]!, 5);
  });
});
