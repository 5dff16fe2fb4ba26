import onnxProto from 'onnx-proto';

// onnx-proto is CommonJS: its namespace arrives as the default export under ESM.
export const { onnx } = onnxProto;
export type NodeProto = onnxProto.onnx.INodeProto;
export type TensorProto = onnxProto.onnx.ITensorProto;

/** The node list with lookups by value; nodes are edited in place and dropped via `removed`. */
export class ModelGraph {
  readonly removed = new Set<NodeProto>();
  private readonly constants = new Map<string, NodeProto>();

  constructor(readonly nodes: NodeProto[]) {
    for (const node of nodes) if (node.opType === 'Constant') this.constants.set(node.output![0]!, node);
  }

  consumers(value: string): NodeProto[] {
    return this.nodes.filter((node) => !this.removed.has(node) && node.input!.includes(value));
  }

  /** The only live consumer of `value` if it is an `opType` node, else undefined. */
  soleConsumer(value: string, opType: string): NodeProto | undefined {
    const consumers = this.consumers(value);
    return consumers.length === 1 && consumers[0]!.opType === opType ? consumers[0] : undefined;
  }

  /** A constant's float values, or undefined when `value` is not a float Constant. */
  floats(value: string): Float32Array | undefined {
    const tensor = this.tensor(value);
    if (!tensor || tensor.dataType !== onnx.TensorProto.DataType.FLOAT) return undefined;
    if (tensor.rawData?.length) {
      const raw = tensor.rawData;
      return new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
    }
    return Float32Array.from(tensor.floatData ?? []);
  }

  /** A one-element float constant's value (shape [] or [1]). */
  scalar(value: string): number | undefined {
    const data = this.floats(value);
    return data?.length === 1 ? data[0] : undefined;
  }

  /** For a binary node with one scalar constant operand: that scalar and the other input. */
  scalarOperand(node: NodeProto): { scalar: number; other: string } | undefined {
    const [a, b] = node.input as [string, string];
    const sa = this.scalar(a), sb = this.scalar(b);
    if (sb !== undefined) return { scalar: sb, other: a };
    if (sa !== undefined) return { scalar: sa, other: b };
    return undefined;
  }

  /** A constant's shape ([] when `value` is not a Constant). */
  dims(value: string): number[] {
    return (this.tensor(value)?.dims ?? []).map(Number);
  }

  /** Replaces a float Constant's values (same shape). */
  setFloats(value: string, data: Float32Array): void {
    const tensor = this.tensor(value)!;
    tensor.rawData = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    tensor.floatData = [];
  }

  /** A new float Constant node, placed first so it precedes its users. */
  addConstant(name: string, data: Float32Array, dims: readonly number[]): string {
    return this.addTensor({ name, dataType: onnx.TensorProto.DataType.FLOAT, dims: [...dims], rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
  }

  /** A new Constant node holding `t` (named `t.name`), placed first so it precedes its users. */
  addTensor(t: TensorProto): string {
    const name = t.name!;
    const node: NodeProto = { opType: 'Constant', output: [name], attribute: [{ name: 'value', type: onnx.AttributeProto.AttributeType.TENSOR, t }] };
    this.nodes.unshift(node);
    this.constants.set(name, node);
    return name;
  }

  /** The live nodes, without Constants that nothing reads any more. */
  liveNodes(): NodeProto[] {
    const live = this.nodes.filter((node) => !this.removed.has(node));
    const used = new Set(live.flatMap((node) => node.input ?? []));
    return live.filter((node) => node.opType !== 'Constant' || used.has(node.output![0]!));
  }

  private tensor(value: string): TensorProto | undefined {
    return this.constants.get(value)?.attribute?.find((a) => a.name === 'value')?.t ?? undefined;
  }
}
