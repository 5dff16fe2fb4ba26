import { ModelGraph, onnx, type NodeProto, type TensorProto } from './model-graph.ts';

const { DataType } = onnx.TensorProto;
const { AttributeType } = onnx.AttributeProto;

/**
 * The 1×1 convolutions with fewer input channels (the first three) stay in float: they are
 * cheap, and quantising them too made no measurable difference in speed.
 */
const MIN_INPUT_CHANNELS = 64;

/** Ops whose opset-9 definition is unchanged in opset 11 (Clip and Slice are rewritten). */
const SAME_IN_OPSET_11 = new Set([
  'Add', 'AveragePool', 'BatchNormalization', 'Cast', 'Concat', 'Constant', 'Conv', 'Div', 'GlobalAveragePool',
  'HardSigmoid', 'MatMul', 'Mul', 'Pow', 'ReduceMean', 'Relu', 'Reshape', 'Shape', 'Sigmoid', 'Softmax', 'Sqrt',
  'Squeeze', 'Sub', 'Transpose',
]);

/**
 * Dynamic int8 quantisation of the recogniser's pointwise (1×1) convolutions, which take most of
 * its time: each becomes DynamicQuantizeLinear (uint8 activations, scale per call) → ConvInteger
 * with uint8 weights (symmetric, scale per output channel) → Cast → × scales → + bias.
 * DynamicQuantizeLinear needs opset 11, so the model (opset 9) is moved up first. Everything
 * else (depthwise convolutions, attention, the CTC head) stays in float.
 */
export function quantizeRecognizer(model: Uint8Array): Uint8Array {
  const proto = onnx.ModelProto.decode(model);
  const opset = proto.opsetImport?.find((entry) => !entry.domain);
  if (!opset || Number(opset.version) > 11) throw new Error(`recogniser opset ${opset?.version} is not 9–11`);
  const graph = new ModelGraph(proto.graph!.node!);
  const nodes: NodeProto[] = [];
  for (const node of [...graph.nodes]) {
    if (node.opType === 'Clip') clipToOpset11(graph, node);
    else if (node.opType === 'Slice') sliceToOpset11(graph, node);
    else if (!SAME_IN_OPSET_11.has(node.opType!)) throw new Error(`recogniser op ${node.opType} is not known to be the same in opset 11`);
    nodes.push(...(node.opType === 'Conv' ? (quantizedConv(graph, node) ?? [node]) : [node]));
  }
  // New constants went to the front of graph.nodes; they precede the rewritten node list.
  const kept = new Set(nodes);
  const added = graph.nodes.filter((node) => node.opType === 'Constant' && !kept.has(node));
  graph.nodes.splice(0, graph.nodes.length, ...added, ...nodes);
  proto.graph!.node = graph.liveNodes();
  opset.version = 11;
  return onnx.ModelProto.encode(proto).finish();
}

/** Opset 11 takes Clip's bounds as inputs, not attributes. */
function clipToOpset11(graph: ModelGraph, clip: NodeProto): void {
  const bound = (name: string, fallback: number) => {
    const value = clip.attribute?.find((a) => a.name === name)?.f ?? fallback;
    return graph.addConstant(`${clip.output![0]}_${name}`, new Float32Array([value]), []);
  };
  clip.input = [clip.input![0]!, bound('min', -3.4028234663852886e38), bound('max', 3.4028234663852886e38)];
  clip.attribute = [];
}

/** Opset 10 moved Slice's starts/ends/axes from attributes to inputs. */
function sliceToOpset11(graph: ModelGraph, slice: NodeProto): void {
  const ints = (name: string) => {
    const values = slice.attribute!.find((a) => a.name === name)!.ints!.map((v) => BigInt(v.toString()));
    const data = BigInt64Array.from(values);
    return graph.addTensor({ name: `${slice.output![0]}_${name}`, dataType: DataType.INT64, dims: [values.length], rawData: new Uint8Array(data.buffer) });
  };
  const axes = slice.attribute!.some((a) => a.name === 'axes');
  slice.input = [slice.input![0]!, ints('starts'), ints('ends'), ...(axes ? [ints('axes')] : [])];
  slice.attribute = [];
}

/** The integer replacement of a float 1×1 Conv with constant weights, or undefined to keep it. */
function quantizedConv(graph: ModelGraph, conv: NodeProto): NodeProto[] | undefined {
  const [x, weightName, biasName] = conv.input as [string, string, string?];
  const weight = graph.floats(weightName);
  const [outputs, inputs, ...kernel] = graph.dims(weightName);
  const group = Number(conv.attribute?.find((a) => a.name === 'group')?.i ?? 1);
  if (!weight || group !== 1 || kernel.some((k) => k !== 1) || inputs! < MIN_INPUT_CHANNELS) return undefined;
  const name = conv.output![0]!;
  // uint8 with zero point 128: ORT's CPU ConvInteger is fast for uint8 weights (int8 ran 2.7× slower).
  const quantized = new Uint8Array(weight.length);
  const scales = new Float32Array(outputs!);
  for (let o = 0; o < outputs!; o++) {
    const row = weight.subarray(o * inputs!, (o + 1) * inputs!);
    const scale = row.reduce((max, w) => Math.max(max, Math.abs(w)), 0) / 127 || 1;
    scales[o] = scale;
    row.forEach((w, i) => (quantized[o * inputs! + i] = Math.round(w / scale) + 128));
  }
  const tensor = (suffix: string, dataType: number, dims: number[], rawData: Uint8Array): string =>
    graph.addTensor({ name: `${name}_${suffix}`, dataType, dims, rawData } satisfies TensorProto);
  const weightQ = tensor('wq', DataType.UINT8, graph.dims(weightName), quantized);
  const weightZero = tensor('wzp', DataType.UINT8, [], new Uint8Array([128]));
  const weightScale = graph.addConstant(`${name}_ws`, scales, [outputs!, 1, 1]);
  const v = (suffix: string) => `${name}_${suffix}`;
  const nodes: NodeProto[] = [
    { opType: 'DynamicQuantizeLinear', input: [x], output: [v('xq'), v('xs'), v('xzp')] },
    { opType: 'ConvInteger', input: [v('xq'), weightQ, v('xzp'), weightZero], output: [v('int')], attribute: conv.attribute },
    { opType: 'Cast', input: [v('int')], output: [v('float')], attribute: [{ name: 'to', type: AttributeType.INT, i: DataType.FLOAT }] },
    { opType: 'Mul', input: [weightScale, v('xs')], output: [v('scale')] },
    { opType: 'Mul', input: [v('float'), v('scale')], output: [biasName ? v('scaled') : name] },
  ];
  if (biasName) {
    const bias = graph.addConstant(`${name}_bias`, graph.floats(biasName)!, [outputs!, 1, 1]);
    nodes.push({ opType: 'Add', input: [v('scaled'), bias], output: [name] });
  }
  return nodes;
}
