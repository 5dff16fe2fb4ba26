import onnxProto from 'onnx-proto';

// onnx-proto is CommonJS: its namespace arrives as the default export under ESM.
const { onnx } = onnxProto;
type AttributeProto = onnxProto.onnx.IAttributeProto;
type TensorProto = onnxProto.onnx.ITensorProto;
type ModelProto = onnxProto.onnx.IModelProto;

/** Element types, named as onnxruntime names them. */
export type DataType = 'float32' | 'float16' | 'bfloat16' | 'int64' | 'int32' | 'int8' | 'uint8' | 'bool';

/** A fixed size or a symbolic name such as `'batch'`. */
export type Dim = number | string;

const onnxDataType: Record<DataType, number> = {
  float32: onnx.TensorProto.DataType.FLOAT,
  float16: onnx.TensorProto.DataType.FLOAT16,
  bfloat16: onnx.TensorProto.DataType.BFLOAT16,
  int64: onnx.TensorProto.DataType.INT64,
  int32: onnx.TensorProto.DataType.INT32,
  int8: onnx.TensorProto.DataType.INT8,
  uint8: onnx.TensorProto.DataType.UINT8,
  bool: onnx.TensorProto.DataType.BOOL,
};

/** Where a tensor's bytes sit in an external data file, relative to the model file. */
export interface ExternalRef {
  location: string;
  offset: number;
  length: number;
}

/** An attribute forced to FLOAT/FLOATS (plain numbers that are whole become INT). */
export interface FloatAttr {
  readonly float: number | readonly number[];
}

/**
 * Attribute values: an integer number → INT, other numbers → FLOAT, `number[]` → INTS,
 * `float(x)` → FLOAT or FLOATS, string → STRING, `string[]` → STRINGS, a tensor → TENSOR.
 */
export type AttrValue = number | readonly number[] | FloatAttr | string | readonly string[] | TensorInit;

/** A tensor value for an attribute (e.g. ConstantOfShape's `value`). */
export interface TensorInit {
  readonly dtype: DataType;
  readonly dims: readonly number[];
  readonly data: ArrayBufferView;
}

/** Marks a number (or list) as a float attribute even when it is whole, e.g. `alpha: float(1)`. */
export function float(value: number | readonly number[]): FloatAttr {
  return { float: value };
}

export interface NodeOptions {
  /** Operator domain, e.g. `com.microsoft`; the builder imports it (version 1) unless `useOpset` said otherwise. */
  domain?: string;
  name?: string;
}

export interface EncodeOptions {
  /**
   * Move initializers of at least `minBytes` (default 1024) into one external data file named
   * `location`, each at an offset aligned to `align` bytes (default 4096, which lets ORT mmap them).
   */
  externalData?: { location: string; minBytes?: number; align?: number };
  producerName?: string;
}

export interface EncodedModel {
  model: Uint8Array;
  /** The external data file's bytes when `externalData` moved anything out. */
  externalData?: Uint8Array;
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function tensorProto(name: string, t: TensorInit): TensorProto {
  return { name, dataType: onnxDataType[t.dtype], dims: [...t.dims], rawData: bytesOf(t.data) };
}

function isTensorInit(value: AttrValue): value is TensorInit {
  return typeof value === 'object' && 'dtype' in value;
}

function isFloatAttr(value: AttrValue): value is FloatAttr {
  return typeof value === 'object' && 'float' in value;
}

function attribute(name: string, value: AttrValue): AttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof value === 'string') return { name, type: T.STRING, s: new TextEncoder().encode(value) };
  if (typeof value === 'number') {
    return Number.isInteger(value) ? { name, type: T.INT, i: value } : { name, type: T.FLOAT, f: value };
  }
  if (isTensorInit(value)) return { name, type: T.TENSOR, t: tensorProto('', value) };
  if (isFloatAttr(value)) {
    const f = value.float;
    return typeof f === 'number' ? { name, type: T.FLOAT, f } : { name, type: T.FLOATS, floats: [...f] };
  }
  if (value.length > 0 && typeof value[0] === 'string') {
    return { name, type: T.STRINGS, strings: (value as readonly string[]).map((s) => new TextEncoder().encode(s)) };
  }
  return { name, type: T.INTS, ints: [...(value as readonly number[])] };
}

function valueInfo(name: string, dtype: DataType, dims: readonly Dim[]) {
  return {
    name,
    type: {
      tensorType: {
        elemType: onnxDataType[dtype],
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

/**
 * Builds one ONNX graph (IR 8, opset 17 by default) node by node.
 *
 * @example
 * const g = new GraphBuilder('double');
 * const x = g.input('x', 'float32', ['n']);
 * g.output(g.op('Mul', [x, g.constant('float32', [], new Float32Array([2]))]), 'float32', ['n'], 'y');
 * await writeFile('double.onnx', g.encode().model);
 */
export class GraphBuilder {
  private readonly nodes: onnxProto.onnx.INodeProto[] = [];
  private readonly inputs: onnxProto.onnx.IValueInfoProto[] = [];
  private readonly outputs: onnxProto.onnx.IValueInfoProto[] = [];
  private readonly initializers: TensorProto[] = [];
  private readonly opsets = new Map<string, number>([['', 17]]);
  private readonly used = new Set<string>();
  private counter = 0;

  constructor(readonly name = 'main') {}

  /** Sets the version imported for an operator domain (`''` is the default ONNX domain). */
  useOpset(domain: string, version: number): this {
    this.opsets.set(domain, version);
    return this;
  }

  /** A name not used yet in this graph, derived from `prefix` (claimed when a value takes it). */
  fresh(prefix: string): string {
    let name: string;
    do name = `${prefix}_${this.counter++}`;
    while (this.used.has(name));
    return name;
  }

  private claim(name: string): string {
    if (this.used.has(name)) throw new Error(`ONNX graph ${this.name}: name ${name} is used twice`);
    this.used.add(name);
    return name;
  }

  input(name: string, dtype: DataType, dims: readonly Dim[]): string {
    this.inputs.push(valueInfo(this.claim(name), dtype, dims));
    return name;
  }

  /**
   * Declares `value` a graph output. With `name` different from `value`, an Identity renames it,
   * so intermediate names never leak into the graph's interface.
   */
  output(value: string, dtype: DataType, dims: readonly Dim[], name = value): string {
    if (name !== value) this.node('Identity', [value], [name]);
    this.outputs.push(valueInfo(name, dtype, dims));
    return name;
  }

  /** A weight stored inside the model (or moved to external data by `encode`). */
  initializer(name: string, dtype: DataType, dims: readonly number[], data: ArrayBufferView): string {
    this.initializers.push(tensorProto(this.claim(name), { dtype, dims, data }));
    return name;
  }

  /** A weight already written to an external data file (e.g. streamed by `ExternalDataWriter`). */
  externalInitializer(name: string, dtype: DataType, dims: readonly number[], ref: ExternalRef): string {
    this.initializers.push({
      name: this.claim(name),
      dataType: onnxDataType[dtype],
      dims: [...dims],
      dataLocation: onnx.TensorProto.DataLocation.EXTERNAL,
      externalData: [
        { key: 'location', value: ref.location },
        { key: 'offset', value: String(ref.offset) },
        { key: 'length', value: String(ref.length) },
      ],
    });
    return name;
  }

  /** An anonymous constant initializer (shapes, axes, scalars). */
  constant(dtype: DataType, dims: readonly number[], data: ArrayBufferView): string {
    return this.initializer(this.fresh('const'), dtype, dims, data);
  }

  /** An int64 vector constant, the usual shape/axes argument. */
  int64s(values: readonly number[]): string {
    return this.constant('int64', [values.length], BigInt64Array.from(values, BigInt));
  }

  /**
   * Adds a node. `outputs` is a list of names or a count of fresh names to create.
   * Pass `''` for an omitted optional input. Returns the output names.
   */
  node(
    opType: string,
    inputs: readonly string[],
    outputs: readonly string[] | number = 1,
    attrs: Record<string, AttrValue> = {},
    options: NodeOptions = {},
  ): string[] {
    const outs =
      typeof outputs === 'number'
        ? Array.from({ length: outputs }, () => this.claim(this.fresh(opType.toLowerCase())))
        : outputs.map((o) => this.claim(o));
    const domain = options.domain ?? '';
    if (!this.opsets.has(domain)) this.opsets.set(domain, 1);
    this.nodes.push({
      opType,
      domain,
      name: options.name ?? this.fresh(`${opType}_node`),
      input: [...inputs],
      output: outs,
      attribute: Object.entries(attrs).map(([k, v]) => attribute(k, v)),
    });
    return outs;
  }

  /** A node with exactly one output, returning its name. */
  op(opType: string, inputs: readonly string[], attrs: Record<string, AttrValue> = {}, options: NodeOptions = {}): string {
    return this.node(opType, inputs, 1, attrs, options)[0]!;
  }

  /** The model message, with the initializers as they are (inline or already external). */
  toModelProto(producerName = '@ocr/engines'): ModelProto {
    return {
      irVersion: 8,
      producerName,
      opsetImport: [...this.opsets].map(([domain, version]) => ({ domain, version })),
      graph: {
        name: this.name,
        node: this.nodes,
        input: this.inputs,
        output: this.outputs,
        initializer: this.initializers,
      },
    };
  }

  /** Serialises the model, optionally moving large inline initializers to one external data file. */
  encode(options: EncodeOptions = {}): EncodedModel {
    const model = this.toModelProto(options.producerName);
    const ext = options.externalData;
    if (!ext) return { model: onnx.ModelProto.encode(model).finish() };

    const minBytes = ext.minBytes ?? 1024;
    const align = ext.align ?? 4096;
    const chunks: { offset: number; bytes: Uint8Array }[] = [];
    let size = 0;
    const initializer = this.initializers.map((t): TensorProto => {
      const raw = t.rawData;
      if (!raw || raw.byteLength < minBytes) return t;
      const offset = Math.ceil(size / align) * align;
      chunks.push({ offset, bytes: raw });
      size = offset + raw.byteLength;
      return {
        name: t.name,
        dataType: t.dataType,
        dims: t.dims,
        dataLocation: onnx.TensorProto.DataLocation.EXTERNAL,
        externalData: [
          { key: 'location', value: ext.location },
          { key: 'offset', value: String(offset) },
          { key: 'length', value: String(raw.byteLength) },
        ],
      };
    });
    const data = new Uint8Array(size);
    for (const c of chunks) data.set(c.bytes, c.offset);
    const encoded = onnx.ModelProto.encode({ ...model, graph: { ...model.graph, initializer } }).finish();
    return chunks.length > 0 ? { model: encoded, externalData: data } : { model: encoded };
  }
}
