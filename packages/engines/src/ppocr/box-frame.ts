import type { PageImage, Point, Quad } from '@ocr/contracts';

/** Unit vectors along a reading direction (`u`) and across it (`v`). */
export interface Frame {
  ux: number;
  uy: number;
  vx: number;
  vy: number;
}

/** Extent of points along and across a frame's reading direction. */
export interface Extent {
  u0: number;
  u1: number;
  v0: number;
  v1: number;
}

export function frameOf(angle: number): Frame {
  const ux = Math.cos(angle), uy = Math.sin(angle);
  return { ux, uy, vx: -uy, vy: ux };
}

export function extentIn(frame: Frame, points: readonly Point[]): Extent {
  const us = points.map(([x, y]) => x * frame.ux + y * frame.uy);
  const vs = points.map(([x, y]) => x * frame.vx + y * frame.vy);
  return { u0: Math.min(...us), u1: Math.max(...us), v0: Math.min(...vs), v1: Math.max(...vs) };
}

/** The box of `extent` in `frame`, corners clockwise from the top-left as read (as `readingQuad` gives them). */
export function frameQuad(frame: Frame, { u0, u1, v0, v1 }: Extent): Quad {
  const corner = (u: number, v: number): Point => [u * frame.ux + v * frame.vx, u * frame.uy + v * frame.vy];
  return [corner(u0, v0), corner(u1, v0), corner(u1, v1), corner(u0, v1)];
}

/** Darker than this (sum of R, G, B) is a rule's ink on white paper: a grey or coloured table rule too. */
const RULE_INK = 3 * 180;
/** On tinted paper (a form's, a photo's grey), ink is at least this much darker than the paper (sum of R, G, B). */
const INK_CONTRAST = 3 * 50;

/** Where the pixel at (`u`, `v`) in the frame starts in the page's data; undefined off the page. */
export function pixelOffset(page: PageImage, frame: Frame, u: number, v: number): number | undefined {
  const x = Math.floor(u * frame.ux + v * frame.vx), y = Math.floor(u * frame.uy + v * frame.vy);
  if (x < 0 || y < 0 || x >= page.width || y >= page.height) return undefined;
  return (y * page.width + x) * 3;
}

function brightness(page: PageImage, frame: Frame, u: number, v: number): number | undefined {
  const i = pixelOffset(page, frame, u, v);
  return i === undefined ? undefined : page.data[i]! + page.data[i + 1]! + page.data[i + 2]!;
}

/** Where in the page's data the paper of `extent` is: its brightest tenth, sampled on a grid; undefined off the page. */
export function paperPixel(page: PageImage, frame: Frame, { u0, u1, v0, v1 }: Extent): number | undefined {
  const samples: number[] = [];
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 8; j++) {
      const at = pixelOffset(page, frame, u0 + ((i + 0.5) / 16) * (u1 - u0), v0 + ((j + 0.5) / 8) * (v1 - v0));
      if (at !== undefined) samples.push(at);
    }
  }
  const sum = (at: number) => page.data[at]! + page.data[at + 1]! + page.data[at + 2]!;
  samples.sort((a, b) => sum(a) - sum(b));
  return samples[Math.floor(samples.length * 0.9)];
}

/**
 * Below which brightness (sum of R, G, B) a pixel in `extent` is ink: darker than a rule on
 * white, and clearly darker than the paper there (see `paperPixel`).
 */
export function inkLevel(page: PageImage, frame: Frame, extent: Extent): number {
  const at = paperPixel(page, frame, extent);
  const paper = at === undefined ? 765 : page.data[at]! + page.data[at + 1]! + page.data[at + 2]!;
  return Math.min(RULE_INK, paper - INK_CONTRAST);
}

/**
 * The share of the line across the frame at `u`, from `v0` to `v1`, darker than `ink`; with a
 * `spread`, a point counts as inked where one within that many pixels along `u` is (a rule a
 * degree off the frame's direction drifts a pixel over a line's height).
 */
export function inkedShare(page: PageImage, frame: Frame, u: number, v0: number, v1: number, ink: number, spread = 0): number {
  const steps = Math.max(1, Math.round(v1 - v0));
  let inked = 0;
  for (let s = 0; s < steps; s++) {
    for (let d = -spread; d <= spread; d++) {
      const b = brightness(page, frame, u + d, v0 + s + 0.5);
      if (b !== undefined && b < ink) {
        inked++;
        break;
      }
    }
  }
  return inked / steps;
}

/**
 * The positions along `u` (whole pixels from `u0` to `u1`) whose line across the frame, from `v0`
 * to `v1`, is darker than `ink` over at least `share` of its length (see `inkedShare` for
 * `spread`): where a ruled line crosses.
 */
export function ruledColumns(page: PageImage, frame: Frame, extent: Extent, share: number, ink: number, spread = 0): number[] {
  const found: number[] = [];
  for (let u = Math.ceil(extent.u0); u <= Math.floor(extent.u1); u++) {
    if (inkedShare(page, frame, u, extent.v0, extent.v1, ink, spread) >= share) found.push(u);
  }
  return found;
}
