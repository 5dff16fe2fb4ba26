import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import { afterAll, describe, expect, it } from 'vitest';
import { tinyTokenIds, writeTinyCheckpoint } from './tiny-checkpoint.ts';
import { buildTokenizerJson } from './tokenizer-json.ts';

const dir = await mkdtemp(join(tmpdir(), 'internvl-tokenizer-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('buildTokenizerJson', () => {
  it('builds a byte-level BPE tokenizer from vocab.json, merges.txt and added_tokens.json', async () => {
    await writeTinyCheckpoint(dir);
    const config = JSON.parse(await readFile(join(dir, 'tokenizer_config.json'), 'utf8'));
    const tokenizer = new Tokenizer((await buildTokenizerJson(dir)) as never, config);
    const ids = tinyTokenIds();
    const vocab = JSON.parse(await readFile(join(dir, 'vocab.json'), 'utf8')) as Record<string, number>;
    const encoded = tokenizer.encode('<|im_start|>the in<IMG_CONTEXT><IMG_CONTEXT>', { add_special_tokens: false }).ids;
    // "the" has no merge of its own start ("t"+"he"), " in" splits to "Ġ" + "in".
    expect(encoded).toEqual([ids['<|im_start|>'], vocab['t'], vocab['he'], vocab['Ġ'], vocab['in'], ids['<IMG_CONTEXT>'], ids['<IMG_CONTEXT>']]);
    expect(tokenizer.token_to_id('<img>')).toBe(ids['<img>']);
    expect(tokenizer.decode(tokenizer.encode('Größe ≤ 20 the', { add_special_tokens: false }).ids, { skip_special_tokens: true })).toBe('Größe ≤ 20 the');
    expect(tokenizer.decode([ids['<|im_end|>']!, vocab['he']!], { skip_special_tokens: true })).toBe('he');
  });
});
