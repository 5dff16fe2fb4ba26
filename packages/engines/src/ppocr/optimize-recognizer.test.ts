import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveModelFiles } from './model-files.ts';
import { onnx } from './model-graph.ts';
import { optimizeRecognizer } from './optimize-recognizer.ts';
import { renderedStrips, type RenderedStrip } from './rendered-strips.ts';
import { openSession, runSession, type OrtSession } from './session.ts';

const path = resolveModelFiles().recognition;
let original: OrtSession, folded: OrtSession, strips: RenderedStrip[];

beforeAll(async () => {
  original = await openSession(path, 'recognition', 1);
  folded = await openSession(path, 'recognition', 1, optimizeRecognizer);
  strips = await renderedStrips();
}, 60_000);

afterAll(async () => {
  await Promise.all([original?.release(), folded?.release()]);
});

describe('optimizeRecognizer', () => {
  it('leaves no hardswish Clip and far fewer element-wise ops', () => {
    const count = (model: Uint8Array, op: string) => onnx.ModelProto.decode(model).graph!.node!.filter((n) => n.opType === op).length;
    const before = readFileSync(path);
    const after = optimizeRecognizer(before);
    expect(count(after, 'Clip')).toBe(0);
    expect(count(after, 'Mul') + count(after, 'Add')).toBeLessThan((count(before, 'Mul') + count(before, 'Add')) / 2);
  });

  it('gives the same class probabilities on rendered text lines, up to float rounding', async () => {
    let worst = 0;
    for (const strip of strips) {
      const a = (await runSession(original, strip.tensor, strip.dims)).data;
      const b = (await runSession(folded, strip.tensor, strip.dims)).data;
      for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
    }
    expect(strips.length).toBeGreaterThan(30);
    expect(worst).toBeLessThan(1e-3);
  });
});
