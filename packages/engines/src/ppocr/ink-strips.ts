import type { Quad } from '@ocr/contracts';
import { pageImage, renderPage } from '@ocr/testkit';
import { StripInk } from './strip-ink.ts';
import { sampleStrip, stripWidth, type StripSlot } from './strip-sampler.ts';

/** Strip height and CTC step width, as the recogniser samples and reads. */
export const STRIP = { height: 48, step: 8 };

/** An inked block of a test strip: columns [start, end), rows [top, bottom), darkness 0–255 (255: black). */
export interface InkBlock {
  start: number;
  end: number;
  top?: number;
  bottom?: number;
  darkness?: number;
}

/**
 * Test fixture: a strip as `sampleStrip` fills a batch tensor ([-1, 1]), put second of two so that
 * the slot's offsets count, paper at `paper` darkness and `blocks` inked on it.
 */
export function inkedStrip(blocks: readonly InkBlock[], { width = 96, paper = 0 } = {}): StripInk {
  const slot: StripSlot = { index: 1, height: STRIP.height, stride: width + 16, width };
  const plane = slot.height * slot.stride;
  const tensor = new Float32Array(2 * 3 * plane);
  const value = (darkness: number) => (255 - darkness) / 127.5 - 1;
  const fill = (left: number, right: number, top: number, bottom: number, darkness: number) => {
    for (let c = 0; c < 3; c++) {
      for (let i = top; i < bottom; i++) {
        for (let j = left; j < right; j++) tensor[(slot.index * 3 + c) * plane + i * slot.stride + j] = value(darkness);
      }
    }
  };
  fill(0, width, 0, STRIP.height, paper);
  // Glyphs sit between the box's margins unless placed otherwise.
  for (const { start, end, top = 18, bottom = 34, darkness = 255 } of blocks) fill(start, end, top, bottom, darkness);
  return new StripInk(tensor, slot, STRIP.step);
}

/** Test fixture: `text` rendered alone (in `fontFamily`, or the default face) and sampled whole as the recogniser samples a line's box. */
export async function renderedStrip(text: string, fontSize: number, fontFamily?: string): Promise<StripInk> {
  const width = Math.round(text.length * fontSize * 0.8) + 8;
  const height = Math.round(fontSize * 1.4);
  const page = await pageImage(renderPage({ width, height, blocks: [{ x: 4, y: Math.round(fontSize * 0.2), text, fontSize, fontFamily }] }));
  const quad: Quad = [[0, 0], [width, 0], [width, height], [0, height]];
  const stripWidthPixels = stripWidth(quad, STRIP.height, 4096);
  const slot: StripSlot = { index: 0, height: STRIP.height, stride: stripWidthPixels, width: stripWidthPixels };
  const tensor = new Float32Array(3 * slot.height * slot.stride);
  sampleStrip(page, quad, tensor, slot);
  return new StripInk(tensor, slot, STRIP.step);
}

/** The CTC step over the middle of a run, as the recogniser would emit its glyph. */
export function stepOf(run: { start: number; end: number }): number {
  return Math.floor((run.start + run.end) / 2 / STRIP.step);
}
