import { qwen2TokenizerJson } from '../internvl-convert/tokenizer-json.ts';

/** InternVL3's added tokens with their real ids (Qwen2.5 specials, then InternVL's own from 151665). */
export const SPECIAL_TOKENS: readonly [content: string, id: number][] = [
  ['<|endoftext|>', 151643],
  ['<|im_start|>', 151644],
  ['<|im_end|>', 151645],
  ['<|object_ref_start|>', 151646],
  ['<|object_ref_end|>', 151647],
  ['<|box_start|>', 151648],
  ['<|box_end|>', 151649],
  ['<|quad_start|>', 151650],
  ['<|quad_end|>', 151651],
  ['<|vision_start|>', 151652],
  ['<|vision_end|>', 151653],
  ['<|vision_pad|>', 151654],
  ['<|image_pad|>', 151655],
  ['<|video_pad|>', 151656],
  ['<tool_call>', 151657],
  ['</tool_call>', 151658],
  ['<|fim_prefix|>', 151659],
  ['<|fim_middle|>', 151660],
  ['<|fim_suffix|>', 151661],
  ['<|fim_pad|>', 151662],
  ['<|repo_name|>', 151663],
  ['<|file_sep|>', 151664],
  ['<img>', 151665],
  ['</img>', 151666],
  ['<IMG_CONTEXT>', 151667],
  ['<quad>', 151668],
  ['</quad>', 151669],
  ['<ref>', 151670],
  ['</ref>', 151671],
  ['<box>', 151672],
  ['</box>', 151673],
];

/** InternVL3's vocabulary size: the tiny model keeps it so logits have the real width. */
export const VOCAB_SIZE = 151674;

/** GPT-2's byte → printable character map that byte-level BPE vocabularies are written in. */
function byteLevelAlphabet(): string[] {
  const printable = (b: number) => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  let next = 256;
  return Array.from({ length: 256 }, (_, b) => String.fromCodePoint(printable(b) ? b : next++));
}

/** Ids the tiny tokenizer defines: bytes 0..255 and the special tokens; the rest of the vocabulary is unused. */
export function definedTokenIds(): number[] {
  return [...Array.from({ length: 256 }, (_, b) => b), ...SPECIAL_TOKENS.map(([, id]) => id)];
}

/**
 * A Qwen2-style byte-level BPE `tokenizer.json` with no merges (every byte is a token; any text
 * round-trips) and InternVL3's special tokens at their real ids.
 */
export function tinyTokenizerJson(): object {
  const vocab = Object.fromEntries(byteLevelAlphabet().map((ch, b) => [ch, b]));
  const specials = SPECIAL_TOKENS.map(([content, id]) => ({
    id,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  }));
  return qwen2TokenizerJson(vocab, [], specials);
}

/** `tokenizer_config.json` as InternVL3 ships it, reduced to what loaders read. */
export function tinyTokenizerConfig(): object {
  return {
    tokenizer_class: 'Qwen2Tokenizer',
    model_max_length: 16384,
    eos_token: '<|im_end|>',
    pad_token: '<|endoftext|>',
    bos_token: null,
    clean_up_tokenization_spaces: false,
    split_special_tokens: false,
    added_tokens_decoder: Object.fromEntries(
      SPECIAL_TOKENS.map(([content, id]) => [String(id), { content, lstrip: false, normalized: false, rstrip: false, single_word: false, special: true }]),
    ),
  };
}
