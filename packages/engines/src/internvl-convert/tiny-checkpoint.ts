import { mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Sizes of a generated checkpoint; defaults give a model of a few hundred kB. */
export interface TinyCheckpointOptions {
  vision?: { hiddenSize?: number; layers?: number; heads?: number; intermediateSize?: number; imageSize?: number; patchSize?: number };
  llm?: { hiddenSize?: number; layers?: number; heads?: number; kvHeads?: number; intermediateSize?: number; vocabSize?: number };
  /** Split the weights over this many files with a `model.safetensors.index.json` (1: one `model.safetensors`). */
  shards?: number;
  seed?: number;
  /** `tie_word_embeddings: true` without an `lm_head` tensor (as Qwen2.5-0.5B-style checkpoints ship). */
  tieWordEmbeddings?: boolean;
}

/** InternVL's added tokens, given ids right after the tiny byte-level vocabulary. */
const addedTokens = ['<|endoftext|>', '<|im_start|>', '<|im_end|>', '<img>', '</img>', '<IMG_CONTEXT>', '<quad>', '</quad>', '<ref>', '</ref>', '<box>', '</box>'];
const merges: [string, string][] = [['Ġ', 't'], ['h', 'e'], ['i', 'n'], ['Ġt', 'he'], ['e', 'r']];

interface TensorSpec {
  name: string;
  shape: number[];
  /** Values are uniform random with this standard deviation around `centre`. */
  centre: number;
  scale: number;
}

/** GPT-2's byte → printable character table used by byte-level BPE vocabularies. */
function byteLevelAlphabet(): string[] {
  const printable = new Set<number>();
  for (const [a, b] of [[33, 126], [161, 172], [174, 255]] as const) for (let c = a; c <= b; c++) printable.add(c);
  const table: string[] = [];
  let extra = 0;
  for (let byte = 0; byte < 256; byte++) table.push(String.fromCodePoint(printable.has(byte) ? byte : 256 + extra++));
  return table;
}

function tensorSpecs(sizes: Sizes): TensorSpec[] {
  const { vh, vl, vi, patch, grid, lh, ll, li, heads, kvHeads, vocab } = sizes;
  const d = lh / heads;
  const specs: TensorSpec[] = [];
  const add = (name: string, shape: number[], scale: number, centre = 0) => specs.push({ name, shape, scale, centre });
  const linear = (prefix: string, out: number, inp: number, bias: boolean) => {
    add(`${prefix}.weight`, [out, inp], 1 / Math.sqrt(inp));
    if (bias) add(`${prefix}.bias`, [out], 0.05);
  };
  add('vision_model.embeddings.class_embedding', [1, 1, vh], 0.5);
  add('vision_model.embeddings.patch_embedding.weight', [vh, 3, patch, patch], 1 / Math.sqrt(3 * patch * patch));
  add('vision_model.embeddings.patch_embedding.bias', [vh], 0.05);
  add('vision_model.embeddings.position_embedding', [1, grid * grid + 1, vh], 0.5);
  for (let i = 0; i < vl; i++) {
    const p = `vision_model.encoder.layers.${i}`;
    linear(`${p}.attn.qkv`, 3 * vh, vh, true);
    linear(`${p}.attn.proj`, vh, vh, true);
    add(`${p}.ls1`, [vh], 0.1, 0.3);
    add(`${p}.ls2`, [vh], 0.1, 0.3);
    add(`${p}.norm1.weight`, [vh], 0.1, 1);
    add(`${p}.norm1.bias`, [vh], 0.05);
    add(`${p}.norm2.weight`, [vh], 0.1, 1);
    add(`${p}.norm2.bias`, [vh], 0.05);
    linear(`${p}.mlp.fc1`, vi, vh, true);
    linear(`${p}.mlp.fc2`, vh, vi, true);
  }
  add('mlp1.0.weight', [vh * 4], 0.1, 1);
  add('mlp1.0.bias', [vh * 4], 0.05);
  linear('mlp1.1', lh, vh * 4, true);
  linear('mlp1.3', lh, lh, true);
  add('language_model.model.embed_tokens.weight', [vocab, lh], 1);
  for (let i = 0; i < ll; i++) {
    const p = `language_model.model.layers.${i}`;
    linear(`${p}.self_attn.q_proj`, heads * d, lh, true);
    linear(`${p}.self_attn.k_proj`, kvHeads * d, lh, true);
    linear(`${p}.self_attn.v_proj`, kvHeads * d, lh, true);
    linear(`${p}.self_attn.o_proj`, lh, heads * d, false);
    linear(`${p}.mlp.gate_proj`, li, lh, false);
    linear(`${p}.mlp.up_proj`, li, lh, false);
    linear(`${p}.mlp.down_proj`, lh, li, false);
    add(`${p}.input_layernorm.weight`, [lh], 0.1, 1);
    add(`${p}.post_attention_layernorm.weight`, [lh], 0.1, 1);
  }
  add('language_model.model.norm.weight', [lh], 0.1, 1);
  if (!sizes.tied) add('language_model.lm_head.weight', [vocab, lh], 1 / Math.sqrt(lh));
  return specs;
}

interface Sizes {
  vh: number; vl: number; vheads: number; vi: number; image: number; patch: number; grid: number;
  lh: number; ll: number; li: number; heads: number; kvHeads: number; vocab: number; tied: boolean;
}

/** Deterministic per-tensor stream, so single-file and sharded checkpoints hold identical values. */
function randomStream(seed: number, name: string): () => number {
  let state = seed >>> 0;
  for (let i = 0; i < name.length; i++) state = Math.imul(state ^ name.charCodeAt(i), 0x9e3779b1) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
}

const toBf16 = new Float32Array(1);
const toBf16Bits = new Uint32Array(toBf16.buffer);

async function writeSafetensors(file: string, specs: TensorSpec[], seed: number): Promise<void> {
  const header: Record<string, unknown> = { __metadata__: { format: 'pt' } };
  let offset = 0;
  for (const spec of specs) {
    const bytes = spec.shape.reduce((a, b) => a * b, 1) * 2;
    header[spec.name] = { dtype: 'BF16', shape: spec.shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  let headerText = JSON.stringify(header);
  headerText += ' '.repeat((8 - (headerText.length % 8)) % 8);
  const handle = await open(file, 'w');
  try {
    const prefix = Buffer.alloc(8);
    prefix.writeBigUInt64LE(BigInt(headerText.length));
    await handle.write(prefix);
    await handle.write(Buffer.from(headerText, 'utf8'));
    for (const spec of specs) {
      const next = randomStream(seed, spec.name);
      const count = spec.shape.reduce((a, b) => a * b, 1);
      for (let done = 0; done < count; ) {
        const chunk = new Uint16Array(Math.min(1 << 20, count - done));
        for (let i = 0; i < chunk.length; i++) {
          toBf16[0] = spec.centre + spec.scale * 3.4 * next();
          chunk[i] = (toBf16Bits[0]! + 0x7fff + ((toBf16Bits[0]! >>> 16) & 1)) >>> 16;
        }
        await handle.write(new Uint8Array(chunk.buffer));
        done += chunk.length;
      }
    }
  } finally {
    await handle.close();
  }
}

function resolveSizes(options: TinyCheckpointOptions): Sizes {
  const v = options.vision ?? {};
  const l = options.llm ?? {};
  const image = v.imageSize ?? 56;
  const patch = v.patchSize ?? 14;
  return {
    vh: v.hiddenSize ?? 32, vl: v.layers ?? 2, vheads: v.heads ?? 2, vi: v.intermediateSize ?? 64,
    image, patch, grid: image / patch,
    lh: l.hiddenSize ?? 64, ll: l.layers ?? 2, li: l.intermediateSize ?? 128,
    heads: l.heads ?? 4, kvHeads: l.kvHeads ?? 2, vocab: l.vocabSize ?? 320, tied: options.tieWordEmbeddings ?? false,
  };
}

/** Token id of each added token in the tiny vocabulary (for tests building prompts). */
export function tinyTokenIds(): Record<string, number> {
  const base = 256 + merges.length;
  return Object.fromEntries(addedTokens.map((token, i) => [token, base + i]));
}

function configJson(s: Sizes): object {
  const ids = tinyTokenIds();
  return {
    architectures: ['InternVLChatModel'],
    model_type: 'internvl_chat',
    downsample_ratio: 0.5,
    dynamic_image_size: true,
    force_image_size: s.image,
    max_dynamic_patch: 12,
    min_dynamic_patch: 1,
    ps_version: 'v2',
    select_layer: -1,
    template: 'internvl2_5',
    torch_dtype: 'bfloat16',
    use_thumbnail: true,
    use_backbone_lora: 0,
    use_llm_lora: 0,
    vision_config: {
      architectures: ['InternVisionModel'],
      model_type: 'intern_vit_6b',
      hidden_size: s.vh, num_attention_heads: s.vheads, intermediate_size: s.vi, num_hidden_layers: s.vl,
      patch_size: s.patch, image_size: s.image, num_channels: 3, hidden_act: 'gelu', norm_type: 'layer_norm',
      layer_norm_eps: 1e-6, qkv_bias: true, qk_normalization: false, use_flash_attn: false, drop_path_rate: 0,
      torch_dtype: 'bfloat16',
    },
    llm_config: {
      architectures: ['Qwen2ForCausalLM'],
      model_type: 'qwen2',
      hidden_size: s.lh, intermediate_size: s.li, num_hidden_layers: s.ll, num_attention_heads: s.heads,
      num_key_value_heads: s.kvHeads, vocab_size: s.vocab, hidden_act: 'silu', rms_norm_eps: 1e-6,
      rope_theta: 1000000, max_position_embeddings: 32768, rope_scaling: { type: 'dynamic', factor: 2 },
      tie_word_embeddings: s.tied, bos_token_id: ids['<|endoftext|>'], eos_token_id: ids['<|im_end|>'],
      torch_dtype: 'bfloat16', use_cache: true,
    },
  };
}

const chatTemplate =
  "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}{{ '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}{% endif %}" +
  "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

/** Writes the slow-tokenizer files an original folder may ship instead of `tokenizer.json`. */
async function writeTokenizerFiles(folder: string): Promise<void> {
  const vocab: Record<string, number> = {};
  byteLevelAlphabet().forEach((token, id) => (vocab[token] = id));
  merges.forEach(([a, b], i) => (vocab[a + b] = 256 + i));
  const ids = tinyTokenIds();
  const decoder = Object.fromEntries(
    Object.entries(ids).map(([content, id]) => [String(id), { content, lstrip: false, normalized: false, rstrip: false, single_word: false, special: true }]),
  );
  await writeFile(join(folder, 'vocab.json'), JSON.stringify(vocab));
  await writeFile(join(folder, 'merges.txt'), ['#version: 0.2', ...merges.map(([a, b]) => `${a} ${b}`)].join('\n') + '\n');
  await writeFile(join(folder, 'added_tokens.json'), JSON.stringify(ids));
  await writeFile(
    join(folder, 'tokenizer_config.json'),
    JSON.stringify({
      added_tokens_decoder: decoder, bos_token: null, eos_token: '<|im_end|>', pad_token: '<|endoftext|>',
      model_max_length: 8192, tokenizer_class: 'Qwen2Tokenizer', chat_template: chatTemplate,
    }),
  );
}

/**
 * Writes a random InternVL3 checkpoint folder with the real tensor names, config keys and BF16
 * safetensors, small enough for tests (or a few hundred MB when the sizes say so).
 */
export async function writeTinyCheckpoint(folder: string, options: TinyCheckpointOptions = {}): Promise<void> {
  const sizes = resolveSizes(options);
  const seed = options.seed ?? 7;
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'config.json'), JSON.stringify(configJson(sizes), null, 2));
  await writeFile(join(folder, 'generation_config.json'), JSON.stringify({ eos_token_id: tinyTokenIds()['<|im_end|>'] }));
  await writeTokenizerFiles(folder);
  const specs = tensorSpecs(sizes);
  const shards = options.shards ?? 1;
  if (shards === 1) {
    await writeSafetensors(join(folder, 'model.safetensors'), specs, seed);
    return;
  }
  const perShard = Math.ceil(specs.length / shards);
  const weightMap: Record<string, string> = {};
  for (let i = 0; i < shards; i++) {
    const file = `model-${String(i + 1).padStart(5, '0')}-of-${String(shards).padStart(5, '0')}.safetensors`;
    const part = specs.slice(i * perShard, (i + 1) * perShard);
    for (const spec of part) weightMap[spec.name] = file;
    await writeSafetensors(join(folder, file), part, seed);
  }
  await writeFile(join(folder, 'model.safetensors.index.json'), JSON.stringify({ metadata: {}, weight_map: weightMap }, null, 2));
}
