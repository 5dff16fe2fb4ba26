import { describe, expect, it } from 'vitest';
import type { Quad } from '@ocr/contracts';
import { inkExtent, pageImage, renderPage } from '@ocr/testkit';
import type { ReadLine } from './readings.ts';
import { readsUpOrDown } from './sideways-text.ts';
import { sidewaysDashes } from './sideways-dashes.ts';

const SIZE = 20;
const FACE = '"DejaVu Sans"';

/** A box around the glyph drawn at (x, y), 10 px wide and 22 high, read top to bottom as the detector's tall boxes are. */
function downwardBox(text: string, x: number, y: number): Quad {
  const ink = inkExtent(text, SIZE, FACE);
  const middle = x + (ink.left + ink.right) / 2;
  const [left, right, top, bottom] = [middle - 6, middle + 6, y, y + 24];
  return [[right, top], [right, bottom], [left, bottom], [left, top]];
}

const line = (text: string, box: Quad): ReadLine => ({ text, confidence: 0.7, box, characters: 1 });

describe('sidewaysDashes', () => {
  it('reads a dash boxed taller than wide and read downwards as a stroke as the dash, boxed upright', async () => {
    const image = await pageImage(renderPage({ width: 200, height: 60, blocks: [{ x: 40, y: 15, text: '-', fontSize: SIZE, fontFamily: FACE }, { x: 120, y: 15, text: '1', fontSize: SIZE, fontFamily: FACE }] }));
    const dash = line('1', downwardBox('-', 40, 15));
    const one = line('1', downwardBox('1', 120, 15));
    expect(readsUpOrDown(dash.box)).toBe(true);
    const [read, kept] = sidewaysDashes(image, [dash, one]);
    expect(read!.text).toBe('-');
    expect(readsUpOrDown(read!.box)).toBe(false);
    // An upright stroke in the same box is no bar lying across.
    expect(kept).toBe(one);
  });

  it('leaves lines read across, and other readings', async () => {
    const image = await pageImage(renderPage({ width: 200, height: 60, blocks: [{ x: 40, y: 15, text: '-', fontSize: SIZE, fontFamily: FACE }] }));
    const box = downwardBox('-', 40, 15);
    const across: Quad = [box[3], box[0], box[1], box[2]];
    const lines = [line('1', across), line('7', box)];
    expect(sidewaysDashes(image, lines)).toEqual(lines);
  });
});
