import type { PageImage, Quad } from '@ocr/contracts';
import { runSession, type OrtSession } from './session.ts';
import { sampleStrip, stripWidth } from './strip-sampler.ts';

const HEIGHT = 48;
const WIDTH = 192;
const BATCH = 32;
/** PaddleOCR's `cls_thresh`. */
const UPSIDE_DOWN_THRESHOLD = 0.9;

/**
 * PaddleOCR's 0°/180° text direction classifier. Long lines are judged on a chunk from their
 * middle at natural scale, rather than squeezed to 192 px where glyphs become unreadable.
 */
export class DirectionClassifier {
  constructor(private readonly session: OrtSession) {}

  /** For each box, whether its text is most likely upside down. */
  async upsideDown(page: PageImage, quads: readonly Quad[]): Promise<boolean[]> {
    const flags: boolean[] = [];
    for (let start = 0; start < quads.length; start += BATCH) {
      const batch = quads.slice(start, start + BATCH);
      const tensor = new Float32Array(batch.length * 3 * HEIGHT * WIDTH);
      batch.forEach((quad, index) => {
        const natural = stripWidth(quad, HEIGHT, Number.MAX_SAFE_INTEGER);
        const part = Math.min(1, WIDTH / natural);
        const along: [number, number] = [(1 - part) / 2, (1 + part) / 2];
        sampleStrip(page, quad, tensor, { index, height: HEIGHT, stride: WIDTH, width: Math.min(WIDTH, natural) }, along);
      });
      const { data } = await runSession(this.session, tensor, [batch.length, 3, HEIGHT, WIDTH]);
      for (let i = 0; i < batch.length; i++) flags.push(data[2 * i + 1]! > UPSIDE_DOWN_THRESHOLD);
    }
    return flags;
  }
}
