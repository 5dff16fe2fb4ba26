import { Tokenizer } from '@huggingface/tokenizers';
import { EngineLoadError } from '../engine.ts';
import { IMG_CONTEXT, IMG_END, IMG_START } from './prompt.ts';

/** The model's tokenizer and the special token ids the engine needs. */
export interface InternVLTokenizer {
  tokenizer: Tokenizer;
  imgContextId: number;
  /** Ids that end generation: the template's `<|im_end|>` plus the configs' eos ids. */
  stopTokenIds: Set<number>;
}

function requireId(tokenizer: Tokenizer, token: string): number {
  const id = tokenizer.token_to_id(token);
  if (id === undefined) throw new EngineLoadError(`tokenizer.json has no ${token} token`);
  return id;
}

/**
 * Opens `tokenizer.json` + `tokenizer_config.json` (parsed) and resolves InternVL's special tokens.
 * `eosTokenIds` come from config.json / generation_config.json.
 */
export function createInternVLTokenizer(tokenizerJson: object, tokenizerConfig: object, eosTokenIds: readonly number[]): InternVLTokenizer {
  let tokenizer: Tokenizer;
  try {
    tokenizer = new Tokenizer(tokenizerJson as ConstructorParameters<typeof Tokenizer>[0], tokenizerConfig as ConstructorParameters<typeof Tokenizer>[1]);
  } catch (error) {
    throw new EngineLoadError(`tokenizer.json cannot be loaded: ${(error as Error).message}`);
  }
  requireId(tokenizer, IMG_START);
  requireId(tokenizer, IMG_END);
  const imgContextId = requireId(tokenizer, IMG_CONTEXT);
  const stopTokenIds = new Set([requireId(tokenizer, '<|im_end|>'), ...eosTokenIds]);
  return { tokenizer, imgContextId, stopTokenIds };
}
