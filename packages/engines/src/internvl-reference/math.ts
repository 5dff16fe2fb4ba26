/** Row-major matrices and the operations of the model definitions, in float64 arithmetic. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  return { rows, cols, data: data ? Float64Array.from(data) : new Float64Array(rows * cols) };
}

export function row(m: Matrix, r: number): Float64Array {
  return m.data.subarray(r * m.cols, (r + 1) * m.cols);
}

/** PyTorch `nn.Linear`: y = x·Wᵀ + b with W stored [out, in]. */
export function linear(x: Matrix, weight: ArrayLike<number>, out: number, bias?: ArrayLike<number>): Matrix {
  const y = matrix(x.rows, out);
  for (let r = 0; r < x.rows; r++) {
    const xr = row(x, r);
    for (let o = 0; o < out; o++) {
      let sum = bias ? bias[o]! : 0;
      const base = o * x.cols;
      for (let i = 0; i < x.cols; i++) sum += xr[i]! * weight[base + i]!;
      y.data[r * out + o] = sum;
    }
  }
  return y;
}

export function layerNorm(x: Matrix, weight: ArrayLike<number>, bias: ArrayLike<number>, eps: number): Matrix {
  const y = matrix(x.rows, x.cols);
  for (let r = 0; r < x.rows; r++) {
    const xr = row(x, r);
    const mean = xr.reduce((a, b) => a + b, 0) / x.cols;
    const variance = xr.reduce((a, b) => a + (b - mean) ** 2, 0) / x.cols;
    const scale = 1 / Math.sqrt(variance + eps);
    for (let i = 0; i < x.cols; i++) y.data[r * x.cols + i] = (xr[i]! - mean) * scale * weight[i]! + bias[i]!;
  }
  return y;
}

export function rmsNorm(x: Matrix, weight: ArrayLike<number>, eps: number): Matrix {
  const y = matrix(x.rows, x.cols);
  for (let r = 0; r < x.rows; r++) {
    const xr = row(x, r);
    const scale = 1 / Math.sqrt(xr.reduce((a, b) => a + b * b, 0) / x.cols + eps);
    for (let i = 0; i < x.cols; i++) y.data[r * x.cols + i] = xr[i]! * scale * weight[i]!;
  }
  return y;
}

export function map(x: Matrix, f: (v: number, i: number) => number): Matrix {
  return { rows: x.rows, cols: x.cols, data: x.data.map(f) };
}

export function add(a: Matrix, b: Matrix): Matrix {
  return map(a, (v, i) => v + b.data[i]!);
}

export function softmaxInPlace(values: Float64Array): void {
  const max = values.reduce((a, b) => Math.max(a, b), -Infinity);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] = Math.exp(values[i]! - max);
  for (let i = 0; i < values.length; i++) values[i]! /= sum;
}

/** erfc by the Chebyshev fit of Numerical Recipes (fractional error < 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const r = t * Math.exp(poly);
  return x >= 0 ? r : 2 - r;
}

/** PyTorch's default (exact) GELU. */
export function gelu(x: number): number {
  return 0.5 * x * (2 - erfc(x / Math.SQRT2));
}

export function silu(x: number): number {
  return x / (1 + Math.exp(-x));
}

/** `x.permute(perm)` of a dense row-major tensor, as `.contiguous()` would lay it out. */
export function permute(data: Float64Array, shape: number[], perm: number[]): { data: Float64Array; shape: number[] } {
  const outShape = perm.map((p) => shape[p]!);
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const out = new Float64Array(data.length);
  const index = new Array<number>(outShape.length).fill(0);
  for (let o = 0; o < out.length; o++) {
    let source = 0;
    for (let k = 0; k < perm.length; k++) source += index[k]! * strides[perm[k]!]!;
    out[o] = data[source]!;
    for (let k = outShape.length - 1; k >= 0; k--) {
      if (++index[k]! < outShape[k]!) break;
      index[k] = 0;
    }
  }
  return { data: out, shape: outShape };
}
