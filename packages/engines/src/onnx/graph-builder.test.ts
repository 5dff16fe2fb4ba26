import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { ExternalDataWriter } from './external-data.ts';
import { float, GraphBuilder } from './graph-builder.ts';
import { writeModel } from './write-model.ts';

const dir = await mkdtemp(join(tmpdir(), 'onnx-builder-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

// y = gelu(x · W + b) over a symbolic batch, using a com.microsoft operator and float/int attributes.
function linearGelu(weights: (g: GraphBuilder) => string): GraphBuilder {
  const g = new GraphBuilder('linear_gelu');
  const x = g.input('x', 'float32', ['batch', 2]);
  const w = weights(g);
  const b = g.initializer('b', 'float32', [3], new Float32Array([0.5, -0.5, 0]));
  const xw = g.op('Gemm', [x, w, b], { alpha: float(1), transB: 0 });
  const act = g.op('Gelu', [xw], {}, { domain: 'com.microsoft' });
  const sum = g.op('ReduceSum', [act, g.int64s([1])], { keepdims: 1 });
  g.output(act, 'float32', ['batch', 3], 'y');
  g.output(sum, 'float32', ['batch', 1], 'row_sum');
  return g;
}

const W = new Float32Array([1, 2, 3, 4, 5, 6]);
const gelu = (v: number) => 0.5 * v * (1 + erf(v / Math.SQRT2));
function erf(v: number): number {
  // Abramowitz–Stegun 7.1.26 is only 1e-7 accurate: enough for a 1e-5 check.
  const t = 1 / (1 + 0.3275911 * Math.abs(v));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-v * v);
  return Math.sign(v) * y;
}

async function runModel(path: string) {
  const session = await ort.InferenceSession.create(path);
  const x = new ort.Tensor('float32', new Float32Array([1, 0, -1, 1]), [2, 2]);
  const out = await session.run({ x });
  const meta = session.inputMetadata[0];
  await session.release();
  return { y: Array.from(out.y!.data as Float32Array), rowSum: Array.from(out.row_sum!.data as Float32Array), meta, outputNames: session.outputNames };
}

const expected = [1 * 1 + 0 * 4 + 0.5, 1 * 2 + 0 * 5 - 0.5, 1 * 3 + 0 * 6, -1 + 4 + 0.5, -2 + 5 - 0.5, -3 + 6].map(gelu);

describe('GraphBuilder', () => {
  it('builds a graph onnxruntime runs, with symbolic dims and a custom-domain operator', async () => {
    const path = join(dir, 'inline.onnx');
    await writeModel(linearGelu((g) => g.initializer('w', 'float32', [2, 3], W)), path);
    const { y, rowSum, meta, outputNames } = await runModel(path);
    y.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
    expect(rowSum[0]).toBeCloseTo(expected[0]! + expected[1]! + expected[2]!, 5);
    expect(outputNames).toEqual(['y', 'row_sum']);
    expect(meta).toMatchObject({ name: 'x', isTensor: true, type: 'float32', shape: ['batch', 2] });
  });

  it('moves large initializers to an aligned external data file', async () => {
    const path = join(dir, 'external.onnx');
    await writeModel(linearGelu((g) => g.initializer('w', 'float32', [2, 3], W)), path, { externalDataMinBytes: 16 });
    expect((await readdir(dir)).filter((f) => f.startsWith('external'))).toEqual(['external.onnx', 'external.onnx.data']);
    const { y } = await runModel(path);
    y.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
  });

  it('reads weights streamed through ExternalDataWriter', async () => {
    const path = join(dir, 'streamed.onnx');
    const data = new ExternalDataWriter(join(dir, 'streamed.weights'));
    data.append(new Float32Array(5)); // padding tensor: the next offset must be aligned
    const ref = data.append(W);
    data.close();
    expect(ref).toEqual({ location: 'streamed.weights', offset: 4096, length: 24 });
    await writeModel(linearGelu((g) => g.externalInitializer('w', 'float32', [2, 3], ref)), path);
    const { y } = await runModel(path);
    y.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
  });

  it('refuses a name used twice', () => {
    const g = new GraphBuilder();
    g.input('x', 'float32', [1]);
    expect(() => g.node('Relu', ['x'], ['x'])).toThrow(/x is used twice/);
  });
});
