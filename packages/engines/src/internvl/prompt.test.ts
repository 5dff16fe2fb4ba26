import { describe, expect, it } from 'vitest';
import { tinyTokenizerConfig, tinyTokenizerJson } from '../internvl-tiny/tokenizer-files.ts';
import { buildPrompt, DEFAULT_QUESTION } from './prompt.ts';
import { createInternVLTokenizer } from './tokenizer.ts';

const { tokenizer, imgContextId, stopTokenIds } = createInternVLTokenizer(tinyTokenizerJson(), tinyTokenizerConfig(), [151645, 151643]);

describe('buildPrompt (internvl2_5)', () => {
  it('renders the template with the image block before the question', () => {
    const prompt = buildPrompt({ template: 'internvl2_5', systemMessage: 'SYS', question: 'Q?', imageTokens: 2 });
    expect(prompt).toBe(
      '<|im_start|>system\nSYS<|im_end|>\n<|im_start|>user\n<img><IMG_CONTEXT><IMG_CONTEXT></img>\nQ?<|im_end|>\n<|im_start|>assistant\n',
    );
  });

  it('uses the template system message when config.json sets none', () => {
    expect(buildPrompt({ template: 'internvl2_5', question: 'Q', imageTokens: 0 })).toContain('<|im_start|>system\n你是书生·万象');
  });

  it.each([1, 7, 13])('tokenises to 256 × %i <IMG_CONTEXT> ids between <img> and </img>', (tiles) => {
    const prompt = buildPrompt({ template: 'internvl2_5', question: DEFAULT_QUESTION, imageTokens: 256 * tiles });
    const ids = tokenizer.encode(prompt, { add_special_tokens: false }).ids;
    expect(ids.filter((id) => id === imgContextId).length).toBe(256 * tiles);
    const start = ids.indexOf(tokenizer.token_to_id('<img>')!);
    expect(ids[start + 1 + 256 * tiles]).toBe(tokenizer.token_to_id('</img>'));
    expect(ids.slice(start + 1, start + 1 + 256 * tiles).every((id) => id === imgContextId)).toBe(true);
  });

  it('stops on <|im_end|> and the configured eos ids', () => {
    expect([...stopTokenIds].sort()).toEqual([151643, 151645]);
  });

  it('refuses an unknown template', () => {
    expect(() => buildPrompt({ template: 'vicuna', question: 'Q', imageTokens: 1 })).toThrow(/unsupported chat template vicuna/);
  });
});
