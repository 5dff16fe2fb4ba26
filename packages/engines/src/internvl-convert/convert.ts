import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { silentLogger, type Logger } from '@ocr/contracts';
import { GraphBuilder } from '../onnx/index.ts';
import { openCheckpoint, type Checkpoint } from './checkpoint.ts';
import { readCheckpointConfig, type CheckpointConfig } from './config.ts';
import { emitDecoder } from './decoder-graph.ts';
import { emitEmbedTokens } from './embed-graph.ts';
import { GraphEmitter, type ConvertSettings } from './emitter.ts';
import { exists } from './files.ts';
import { buildTokenizerJson } from './tokenizer-json.ts';
import { emitVisionEncoder } from './vision-graph.ts';
import { WeightFile } from './weight-file.ts';

/** transformers.js file-name suffix of a precision: fp32 has none. */
export function dtypeSuffix(settings: ConvertSettings): string {
  return settings.dtype === 'fp32' ? '' : `_${settings.dtype}`;
}

const graphs = {
  vision_encoder: emitVisionEncoder,
  embed_tokens: emitEmbedTokens,
  decoder_model_merged: emitDecoder,
} as const;

/** Logs every 5 % of the checkpoint's bytes converted: an 8B model takes minutes. */
function progressLogger(checkpoint: Checkpoint, logger: Logger): (bytes: number) => void {
  const total = [...checkpoint.tensors.values()].reduce((sum, t) => sum + t.byteLength, 0);
  let done = 0;
  let reported = 0;
  return (bytes) => {
    done += bytes;
    const percent = Math.floor((100 * done) / total / 5) * 5;
    if (percent > reported) logger.info({ percent: (reported = percent) }, 'InternVL3 conversion progress');
  };
}

async function emitGraph(
  name: keyof typeof graphs,
  checkpoint: Checkpoint,
  config: CheckpointConfig,
  settings: ConvertSettings,
  onnxDir: string,
  onTensor: (bytes: number) => void,
): Promise<void> {
  const file = `${name}${dtypeSuffix(settings)}.onnx`;
  const weights = await WeightFile.create(join(onnxDir, `${file}_data`), onTensor);
  try {
    const emitter = new GraphEmitter(new GraphBuilder(name), checkpoint, weights, settings);
    await graphs[name](emitter, config);
    await writeFile(join(onnxDir, file), emitter.g.encode({ producerName: '@ocr/engines internvl-convert' }).model);
  } finally {
    await weights.close();
  }
}

/** Copies the config and tokenizer files the runtime reads, building `tokenizer.json` when the folder lacks it. */
async function writeSideFiles(source: string, out: string, raw: Record<string, unknown>): Promise<void> {
  await writeFile(join(out, 'config.json'), JSON.stringify(raw, null, 2));
  if (await exists(join(source, 'tokenizer.json'))) await copyFile(join(source, 'tokenizer.json'), join(out, 'tokenizer.json'));
  else await writeFile(join(out, 'tokenizer.json'), JSON.stringify(await buildTokenizerJson(source)));
  for (const name of ['tokenizer_config.json', 'generation_config.json', 'special_tokens_map.json', 'added_tokens.json']) {
    if (await exists(join(source, name))) await copyFile(join(source, name), join(out, name));
  }
  if (!(await exists(join(out, 'generation_config.json')))) {
    const llm = raw.llm_config as { eos_token_id?: unknown };
    await writeFile(join(out, 'generation_config.json'), JSON.stringify({ eos_token_id: llm.eos_token_id }));
  }
}

/**
 * Converts an original InternVL3 folder into the transformers.js ONNX layout in `out`
 * (`onnx/{vision_encoder,embed_tokens,decoder_model_merged}[_fp16].onnx` with external data,
 * plus config and tokenizer files), streaming every weight tensor by tensor.
 */
export async function convertCheckpoint(source: string, out: string, settings: ConvertSettings, logger: Logger = silentLogger): Promise<void> {
  const { raw, config } = await readCheckpointConfig(source);
  const checkpoint = await openCheckpoint(source);
  const onnxDir = join(out, 'onnx');
  await mkdir(onnxDir, { recursive: true });
  const onTensor = progressLogger(checkpoint, logger);
  for (const name of Object.keys(graphs) as (keyof typeof graphs)[]) {
    const started = Date.now();
    logger.info({ graph: name, dtype: settings.dtype, fusedOps: settings.fusedOps }, 'converting InternVL3 graph');
    await emitGraph(name, checkpoint, config, settings, onnxDir, onTensor);
    logger.info({ graph: name, ms: Date.now() - started }, 'InternVL3 graph written');
  }
  await writeSideFiles(source, out, raw);
}
