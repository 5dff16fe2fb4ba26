import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveModelFiles } from './model-files.ts';
import { onnx } from './model-graph.ts';
import { optimizeRecognizer } from './optimize-recognizer.ts';
import { quantizeRecognizer } from './quantize-recognizer.ts';
import { renderedStrips, type RenderedStrip } from './rendered-strips.ts';
import { openSession, runSession, type OrtSession } from './session.ts';

const path = resolveModelFiles().recognition;
const quantize = (model: Uint8Array) => quantizeRecognizer(optimizeRecognizer(model));
let float: OrtSession, int8: OrtSession, strips: RenderedStrip[];

beforeAll(async () => {
  float = await openSession(path, 'recognition', 1);
  int8 = await openSession(path, 'recognition', 1, quantize);
  strips = await renderedStrips();
}, 60_000);

afterAll(async () => {
  await Promise.all([float?.release(), int8?.release()]);
});

function argmax(data: Float32Array, from: number, classes: number): number {
  let best = from;
  for (let i = from + 1; i < from + classes; i++) if (data[i]! > data[best]!) best = i;
  return best - from;
}

describe('quantizeRecognizer', () => {
  it('runs the large 1×1 convolutions as integer ops', () => {
    const ops = onnx.ModelProto.decode(quantize(readFileSync(path))).graph!.node!.map((n) => n.opType);
    expect(ops.filter((op) => op === 'ConvInteger').length).toBeGreaterThanOrEqual(16);
    expect(ops.filter((op) => op === 'DynamicQuantizeLinear').length).toBe(ops.filter((op) => op === 'ConvInteger').length);
  });

  it('picks the float model’s class at nearly every CTC step of rendered text lines', async () => {
    let steps = 0, agree = 0;
    for (const strip of strips) {
      const a = await runSession(float, strip.tensor, strip.dims);
      const b = await runSession(int8, strip.tensor, strip.dims);
      const classes = a.dims[2]!;
      for (let t = 0; t < Math.min(strip.steps, a.dims[1]!); t++) {
        steps++;
        if (argmax(a.data, t * classes, classes) === argmax(b.data, t * classes, classes)) agree++;
      }
    }
    expect(steps).toBeGreaterThan(2000);
    // 98.4% measured: the differences sit where a character meets a blank, and the decoded text
    // of the bench pages was as good (CER 1.21% float, 1.12% int8).
    expect(agree / steps).toBeGreaterThan(0.97);
  });
});
