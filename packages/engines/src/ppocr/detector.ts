import type { DetectionInput } from './detection-input.ts';
import { WHITE } from './detection-input.ts';
import { runSession, type OrtSession } from './session.ts';

/** Tallest tensor the detector sees; taller pages go through in overlapping horizontal stripes. */
const STRIPE = 864;
/** Rows of context above and below each stripe's kept part. */
const OVERLAP = 32;

/**
 * Runs the DB detector and returns its text-probability map (input.width × input.height).
 * Stripes bound memory (a 1600 × 1120 tensor in one pass took 256 MB of activations) and give
 * every tall page the same tensor height; each stripe keeps only the rows that had 32 rows of
 * context on both sides, so a 1600-row page costs 1728 rows. The network pools globally, so
 * probabilities differ slightly from a single pass; the boxes found do not (detector.test.ts).
 */
export async function detectText(session: OrtSession, input: DetectionInput): Promise<Float32Array> {
  const { width, height, tensor } = input;
  if (height <= STRIPE) return (await runSession(session, tensor, [1, 3, height, width])).data;
  const map = new Float32Array(width * height);
  const step = STRIPE - 2 * OVERLAP;
  const plane = width * height;
  const stripePlane = width * STRIPE;
  const stripe = new Float32Array(3 * stripePlane);
  for (let top = 0; top < height; top += step) {
    const first = top - OVERLAP;
    for (let c = 0; c < 3; c++) {
      const from = Math.max(0, first), to = Math.min(height, first + STRIPE);
      const at = c * stripePlane;
      stripe.fill(WHITE[c]!, at, at + stripePlane);
      stripe.set(tensor.subarray(c * plane + from * width, c * plane + to * width), at + (from - first) * width);
    }
    const { data } = await runSession(session, stripe, [1, 3, STRIPE, width]);
    const rows = Math.min(step, height - top);
    map.set(data.subarray(OVERLAP * width, (OVERLAP + rows) * width), top * width);
  }
  return map;
}
