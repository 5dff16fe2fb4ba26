import { float, type DataType, type GraphBuilder } from '../onnx/index.ts';
import type { Checkpoint } from './checkpoint.ts';
import { narrowInto } from './numeric.ts';
import type { WeightDtype, WeightFile } from './weight-file.ts';

/** What a conversion produces: weight precision and whether onnxruntime's fused operators are used. */
export interface ConvertSettings {
  /** fp32: exact BF16 weights, for CPU. fp16: half weights and matmuls, fp32 residual/norms/softmax/logits. */
  dtype: 'fp32' | 'fp16';
  /** SimplifiedLayerNormalization, RotaryEmbedding and GroupQueryAttention instead of plain operators. */
  fusedOps: boolean;
}

/** ONNX `Cast.to` codes. */
export const castTo = { float32: 1, int32: 6, int64: 7, bool: 9, float16: 10 } as const;

/** A graph under construction together with the checkpoint it takes weights from. */
export class GraphEmitter {
  /** Element type of matmul weights and inputs. */
  readonly matmulType: WeightDtype;

  constructor(
    readonly g: GraphBuilder,
    private readonly checkpoint: Checkpoint,
    private readonly weights: WeightFile,
    readonly settings: ConvertSettings,
  ) {
    this.matmulType = settings.dtype === 'fp16' ? 'float16' : 'float32';
  }

  hasWeight(name: string): boolean {
    return this.checkpoint.tensors.has(name);
  }

  /** Streams a checkpoint tensor into the external data file and declares it as an initializer of that name. */
  async weight(name: string, dtype: WeightDtype): Promise<string> {
    const tensor = this.checkpoint.get(name);
    const ref = await this.weights.writeTensor(tensor, dtype);
    return this.g.externalInitializer(name, dtype, tensor.shape, ref);
  }

  /** A table computed by the converter, stored as external data in `dtype`. */
  async table(name: string, dims: number[], values: Float32Array, dtype: WeightDtype): Promise<string> {
    const data = dtype === 'float16' ? narrowInto(values, new Uint16Array(values.length)) : values;
    return this.g.externalInitializer(name, dtype, dims, await this.weights.writeArray(data));
  }

  scalar(value: number, dtype: DataType = 'float32'): string {
    return this.g.constant(dtype, [], dtype === 'int64' ? BigInt64Array.of(BigInt(value)) : Float32Array.of(value));
  }

  cast(x: string, to: keyof typeof castTo): string {
    return this.g.op('Cast', [x], { to: castTo[to] });
  }

  /** PyTorch Linear over a 2-D input: Gemm with the [out, in] weight as stored (transB), so weights stream unchanged. */
  async linear(x: string, prefix: string, bias: boolean): Promise<string> {
    return this.fromMatmul(await this.gemm(this.toMatmul(x), prefix, bias));
  }

  /** `linear` on an input already in `matmulType`, leaving the output in it. */
  async gemm(x: string, prefix: string, bias: boolean): Promise<string> {
    const inputs = [x, await this.weight(`${prefix}.weight`, this.matmulType)];
    if (bias) inputs.push(await this.weight(`${prefix}.bias`, this.matmulType));
    return this.g.op('Gemm', inputs, { transB: 1 });
  }

  toMatmul(x: string): string {
    return this.matmulType === 'float16' ? this.cast(x, 'float16') : x;
  }

  fromMatmul(x: string): string {
    return this.matmulType === 'float16' ? this.cast(x, 'float32') : x;
  }

  async layerNorm(x: string, prefix: string, eps: number): Promise<string> {
    const w = await this.weight(`${prefix}.weight`, 'float32');
    const b = await this.weight(`${prefix}.bias`, 'float32');
    return this.g.op('LayerNormalization', [x, w, b], { axis: -1, epsilon: float(eps) });
  }

  /** Exact GELU, `0.5·x·(1 + erf(x/√2))` (the Gelu operator only exists from opset 20). */
  gelu(x: string): string {
    const { g } = this;
    const erf = g.op('Erf', [g.op('Mul', [x, this.scalar(Math.SQRT1_2)])]);
    return g.op('Mul', [g.op('Mul', [x, this.scalar(0.5)]), g.op('Add', [erf, this.scalar(1)])]);
  }

  /** Qwen2 RMSNorm in fp32: `x · rsqrt(mean(x²) + eps) · w`. */
  async rmsNorm(x: string, weightName: string, eps: number): Promise<string> {
    const { g } = this;
    const w = await this.weight(weightName, 'float32');
    if (this.settings.fusedOps) return g.op('SimplifiedLayerNormalization', [x, w], { axis: -1, epsilon: float(eps) });
    const meanSquare = g.op('ReduceMean', [g.op('Mul', [x, x])], { axes: [-1], keepdims: 1 });
    const inverse = g.op('Reciprocal', [g.op('Sqrt', [g.op('Add', [meanSquare, this.scalar(eps)])])]);
    return g.op('Mul', [g.op('Mul', [x, inverse]), w]);
  }

  /** `Shape(x)[start:end]` as an int64 vector. */
  shapeSlice(x: string, start: number, end: number): string {
    return this.g.op('Shape', [x], { start, end });
  }

  /** An int64 shape vector joined from int64 vectors (symbolic sizes) and fixed sizes. */
  shape(parts: (string | number[])[]): string {
    const pieces = parts.map((p) => (typeof p === 'string' ? p : this.g.int64s(p)));
    return pieces.length === 1 ? pieces[0]! : this.g.op('Concat', pieces, { axis: 0 });
  }

  reshape(x: string, parts: (string | number[])[]): string {
    return this.g.op('Reshape', [x, this.shape(parts)]);
  }
}
