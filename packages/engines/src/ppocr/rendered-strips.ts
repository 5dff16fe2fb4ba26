import { chinesePage, englishManualPage, pageImage, renderPage, scanPage } from '@ocr/testkit';
import { textBoxes } from './db-postprocess.ts';
import { detectionInput } from './detection-input.ts';
import { detectText } from './detector.ts';
import { inkBounds } from './ink-bounds.ts';
import { resolveModelFiles } from './model-files.ts';
import { openSession } from './session.ts';
import { sampleStrip, stripWidth } from './strip-sampler.ts';

/** One text line as the recogniser's input, and how many CTC steps belong to the line itself. */
export interface RenderedStrip {
  tensor: Float32Array;
  dims: [number, number, number, number];
  steps: number;
}

/**
 * Test fixture: the lines of an English and a Chinese test page, rendered and scanned, found by
 * the real detector and sampled as the recogniser samples them.
 */
export async function renderedStrips(): Promise<RenderedStrip[]> {
  const detector = await openSession(resolveModelFiles().detection, 'detection', 1);
  const strips: RenderedStrip[] = [];
  for (const { spec } of [englishManualPage(), chinesePage()]) {
    const png = renderPage(spec);
    for (const bytes of [png, await scanPage(png)]) {
      const page = await pageImage(bytes);
      const input = await detectionInput(page, inkBounds(page)!);
      for (const quad of textBoxes(await detectText(detector, input), input)) {
        const width = stripWidth(quad, 48, 4096);
        const stride = Math.ceil(width / 8) * 8;
        const tensor = new Float32Array(3 * 48 * stride);
        sampleStrip(page, quad, tensor, { index: 0, height: 48, stride, width });
        strips.push({ tensor, dims: [1, 3, 48, stride], steps: Math.ceil(width / 8) });
      }
    }
  }
  await detector.release();
  return strips;
}
