import { beforeAll, describe, expect, it } from 'vitest';
import type { Quad } from '@ocr/contracts';
import { pageImage, renderPage } from '@ocr/testkit';
import { textBoxes } from './db-postprocess.ts';
import { detectionInput } from './detection-input.ts';
import { detectText } from './detector.ts';
import { resolveModelFiles } from './model-files.ts';
import { openSession, runSession, type OrtSession } from './session.ts';

let session: OrtSession;

beforeAll(async () => {
  session = await openSession(resolveModelFiles().detection, 'detection', 1);
});

const centre = (quad: Quad) => [quad.reduce((s, [x]) => s + x, 0) / 4, quad.reduce((s, [, y]) => s + y, 0) / 4] as const;

describe('detectText', () => {
  it('finds on a tall page, in stripes, the boxes one pass finds', async () => {
    // 1500 px tall at scale 1: two stripes, with lines straddling the seam at row 800.
    const lines = Array.from({ length: 30 }, (_, i) => `Line ${i}: the seam between stripes must not cut text`).join('\n');
    const page = await pageImage(renderPage({ width: 1200, height: 1500, blocks: [{ x: 60, y: 40, text: lines, fontSize: 30 }] }));
    const input = await detectionInput(page, { left: 0, top: 0, right: page.width, bottom: page.height });
    expect(input.height).toBeGreaterThan(928);
    const striped = textBoxes(await detectText(session, input), input);
    const { data } = await runSession(session, input.tensor, [1, 3, input.height, input.width]);
    const whole = textBoxes(data, input);
    expect(whole).toHaveLength(30);
    expect(striped).toHaveLength(30);
    // The network pools globally (squeeze-excitation), so probabilities move a little; boxes barely.
    const byRow = (boxes: Quad[]) => boxes.map(centre).sort((a, b) => a[1] - b[1]);
    const a = byRow(whole), b = byRow(striped);
    a.forEach(([x, y], i) => {
      expect(Math.abs(x - b[i]![0])).toBeLessThan(3);
      expect(Math.abs(y - b[i]![1])).toBeLessThan(3);
    });
  });
});
