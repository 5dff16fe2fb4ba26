import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exists } from './files.ts';

/** Qwen2's pre-tokenisation split (tokenization_qwen2.py `PRETOKENIZE_REGEX`). */
const qwen2Split = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

const byteLevel = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: false, use_regex: false };

interface AddedTokenConfig {
  content: string;
  special?: boolean;
  lstrip?: boolean;
  rstrip?: boolean;
  normalized?: boolean;
  single_word?: boolean;
}

/**
 * The fast-tokenizer file for a Qwen2 byte-level BPE folder that ships only `vocab.json`,
 * `merges.txt` and `added_tokens.json`; special flags come from `tokenizer_config.json`.
 */
export async function buildTokenizerJson(folder: string): Promise<object> {
  const vocab = JSON.parse(await readFile(join(folder, 'vocab.json'), 'utf8')) as Record<string, number>;
  const merges = (await readFile(join(folder, 'merges.txt'), 'utf8'))
    .split('\n')
    .filter((line) => line.length > 0 && !line.startsWith('#version'))
    .map((line) => line.split(' ') as [string, string]);
  const added = await readJsonIfPresent<Record<string, number>>(join(folder, 'added_tokens.json'));
  const tokenizerConfig = await readJsonIfPresent<{ added_tokens_decoder?: Record<string, AddedTokenConfig> }>(join(folder, 'tokenizer_config.json'));
  const decoder = tokenizerConfig?.added_tokens_decoder ?? {};
  const ids = new Map<number, string>(Object.entries(added ?? {}).map(([content, id]) => [id, content]));
  for (const [id, token] of Object.entries(decoder)) ids.set(Number(id), token.content);
  const addedTokens: AddedToken[] = [...ids]
    .sort(([a], [b]) => a - b)
    .map(([id, content]) => {
      const flags = decoder[String(id)];
      return {
        id,
        content,
        single_word: flags?.single_word ?? false,
        lstrip: flags?.lstrip ?? false,
        rstrip: flags?.rstrip ?? false,
        normalized: flags?.normalized ?? false,
        special: flags?.special ?? true,
      };
    });
  return qwen2TokenizerJson(vocab, merges, addedTokens);
}

export interface AddedToken {
  id: number;
  content: string;
  single_word: boolean;
  lstrip: boolean;
  rstrip: boolean;
  normalized: boolean;
  special: boolean;
}

/** A Qwen2 byte-level BPE `tokenizer.json` (the fast-tokenizer format) from its parts. */
export function qwen2TokenizerJson(vocab: Record<string, number>, merges: Array<[string, string]>, addedTokens: AddedToken[]): object {
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: addedTokens,
    normalizer: { type: 'NFC' },
    pre_tokenizer: {
      type: 'Sequence',
      pretokenizers: [{ type: 'Split', pattern: { Regex: qwen2Split }, behavior: 'Isolated', invert: false }, byteLevel],
    },
    post_processor: byteLevel,
    decoder: byteLevel,
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: '',
      end_of_word_suffix: '',
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab,
      merges,
    },
  };
}

async function readJsonIfPresent<T>(path: string): Promise<T | undefined> {
  return (await exists(path)) ? (JSON.parse(await readFile(path, 'utf8')) as T) : undefined;
}
