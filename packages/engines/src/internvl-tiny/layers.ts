import type { GraphBuilder } from '../onnx/index.ts';

/** Element type at a graph's inputs and outputs; the tiny graphs compute in float32 inside. */
export type IoType = 'float32' | 'float16';

const CAST_TO = { float32: 1, float16: 10 } as const; // TensorProto.DataType FLOAT, FLOAT16

/** A float16 graph input cast up for computing; float32 passes through. */
export function fromIo(g: GraphBuilder, x: string, io: IoType): string {
  return io === 'float32' ? x : g.op('Cast', [x], { to: CAST_TO.float32 });
}

/** A float32 value cast to the interface type before it becomes an output. */
export function toIo(g: GraphBuilder, x: string, io: IoType): string {
  return io === 'float32' ? x : g.op('Cast', [x], { to: CAST_TO[io] });
}

/** A scalar float32 constant. */
export function scalar(g: GraphBuilder, value: number): string {
  return g.constant('float32', [], new Float32Array([value]));
}

/** x · W (+ b) with W stored [in, out]. */
export function linear(g: GraphBuilder, x: string, weight: string, bias?: string): string {
  const y = g.op('MatMul', [x, weight]);
  return bias ? g.op('Add', [y, bias]) : y;
}

/** Qwen2 RMSNorm over the last axis: x / sqrt(mean(x²) + eps) · w. */
export function rmsNorm(g: GraphBuilder, x: string, weight: string, eps: number): string {
  const meanSquare = g.op('ReduceMean', [g.op('Mul', [x, x])], { axes: [-1], keepdims: 1 });
  const rms = g.op('Sqrt', [g.op('Add', [meanSquare, scalar(g, eps)])]);
  return g.op('Mul', [g.op('Div', [x, rms]), weight]);
}

/** Exact GELU, 0.5·x·(1 + erf(x/√2)); the Gelu operator only exists from opset 20. */
export function gelu(g: GraphBuilder, x: string): string {
  const erf = g.op('Erf', [g.op('Mul', [x, scalar(g, Math.SQRT1_2)])]);
  return g.op('Mul', [g.op('Mul', [x, scalar(g, 0.5)]), g.op('Add', [erf, scalar(g, 1)])]);
}
