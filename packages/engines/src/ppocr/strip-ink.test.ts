import type { Quad } from '@ocr/contracts';
import { pageImage, renderPage } from '@ocr/testkit';
import { describe, expect, it } from 'vitest';
import { STRIP } from './ink-strips.ts';
import { StripInk } from './strip-ink.ts';
import { sampleStrip, stripWidth, type StripSlot } from './strip-sampler.ts';

/** `text` rendered alone and sampled whole as the recogniser samples a line's box. */
async function renderedStrip(text: string, fontSize: number): Promise<StripInk> {
  const width = Math.round(text.length * fontSize * 0.8) + 8;
  const height = Math.round(fontSize * 1.4);
  const page = await pageImage(renderPage({ width, height, blocks: [{ x: 4, y: Math.round(fontSize * 0.2), text, fontSize }] }));
  const quad: Quad = [[0, 0], [width, 0], [width, height], [0, height]];
  const slot: StripSlot = { index: 0, height: STRIP.height, stride: 0, width: stripWidth(quad, STRIP.height, 4096) };
  slot.stride = slot.width;
  const tensor = new Float32Array(3 * slot.height * slot.stride);
  sampleStrip(page, quad, tensor, slot);
  return new StripInk(tensor, slot, STRIP.step);
}

describe('StripInk', () => {
  it('finds the glyphs of a rendered line as runs, left to right, with the rows their ink spans', async () => {
    const ink = await renderedStrip('mm²', 36);
    const [m1, m2, raised] = ink.runs();
    expect(ink.runs()).toHaveLength(3);
    expect(m1!.end).toBeLessThan(m2!.start);
    expect(m2!.end).toBeLessThan(raised!.start);
    // The ² stands above the m's middle and rises past its top.
    expect(raised!.bottom).toBeLessThan((m2!.top + m2!.bottom) / 2);
    expect(raised!.top).toBeLessThan(m2!.top);
    expect(Math.abs(m1!.bottom - m2!.bottom)).toBeLessThanOrEqual(1);
  });

  it('gives the run nearest a step, of those ending before another step', async () => {
    const ink = await renderedStrip('mm²', 36);
    const runs = ink.runs();
    const stepOf = (k: number) => Math.floor((runs[k]!.start + runs[k]!.end) / 2 / STRIP.step);
    runs.forEach((run, k) => expect(ink.runAt(stepOf(k))).toBe(run));
    expect(ink.runAt(stepOf(2), stepOf(2) - 1)).toBe(runs[1]);
    expect(ink.next(runs[1]!)).toBe(runs[2]);
    expect(ink.previous(runs[0]!)).toBeUndefined();
  });

  it('finds no runs on blank paper', async () => {
    expect((await renderedStrip('', 36)).runs()).toEqual([]);
  });
});
