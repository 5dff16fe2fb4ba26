import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@ocr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTinyInternVL } from '../internvl-tiny/index.ts';
import { greedyDecode } from './greedy-decode.ts';
import { KvCacheDecoder } from './kv-cache-decoder.ts';
import { readModelFolder } from './model-folder.ts';
import { type InternVLSessions, openSessions, releaseSessions } from './open-sessions.ts';
import { readSessionLayout, type SessionLayout } from './session-layout.ts';
import { chooseGreedy } from './token-choice.ts';
import { createInternVLTokenizer, type InternVLTokenizer } from './tokenizer.ts';

// The tiny decoder here returns logits for every position, as transformers.js exports do, so the
// engine's "last row" and chunked prefill are exercised on that interface.
let dir: string;
let sessions: InternVLSessions;
let layout: SessionLayout;
let tokens: InternVLTokenizer;
let sizes: { hiddenSize: number; vocabSize: number; numKeyValueHeads: number; headDim: number };
let promptIds: number[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'internvl-kv-'));
  await writeTinyInternVL(dir, { allLogits: true });
  const folder = await readModelFolder(dir);
  sessions = await openSessions(folder.graphs, 'cpu', silentLogger);
  layout = readSessionLayout(sessions, folder.config);
  tokens = createInternVLTokenizer(folder.tokenizerJson, folder.tokenizerConfig, folder.eosTokenIds);
  sizes = folder.config.llm;
  promptIds = tokens.tokenizer.encode('<|im_start|>user\nRead the title block.<|im_end|>\n<|im_start|>assistant\n', { add_special_tokens: false }).ids;
});

afterAll(async () => {
  await releaseSessions(sessions);
  await rm(dir, { recursive: true, force: true });
});

const decoder = (chunk?: number) => new KvCacheDecoder(sessions.embed, sessions.decoder, layout, sizes, chunk);

async function decodeWithCache(maxNewTokens: number, stopTokenIds = new Set<number>()) {
  const d = decoder();
  const logits = await d.prefill(await d.embed(promptIds), promptIds.length);
  return greedyDecode(d, logits, { maxNewTokens, stopTokenIds, repetitionGuard: false });
}

describe('KvCacheDecoder on the tiny model', () => {
  it('decodes the same tokens with the KV cache as by recomputing the whole sequence each step', async () => {
    const steps = 24;
    const cached = await decodeWithCache(steps);
    expect(cached.tokens.length).toBe(steps);

    const sequence = [...promptIds];
    const uncached: number[] = [];
    for (let i = 0; i < steps; i++) {
      const d = decoder(Infinity); // one run over everything, empty past: no cache involved
      const { token, probability } = chooseGreedy(await d.prefill(await d.embed(sequence), sequence.length));
      expect(probability).toBeCloseTo(cached.probabilities[i]!, 4);
      uncached.push(token);
      sequence.push(token);
    }
    expect(Array.from(cached.tokens)).toEqual(uncached);
    expect(new Set(uncached).size).toBeGreaterThan(3); // a meaningful sequence, not one token repeated
  });

  it('gives the same prompt logits whether the prefill runs in chunks or at once', async () => {
    const whole = decoder(Infinity);
    const once = Float32Array.from(await whole.prefill(await whole.embed(promptIds), promptIds.length));
    const chunked = decoder(5);
    const inChunks = await chunked.prefill(await chunked.embed(promptIds), promptIds.length);
    expect(chunked.cachedTokens).toBe(promptIds.length);
    let maxDiff = 0;
    for (let i = 0; i < once.length; i++) maxDiff = Math.max(maxDiff, Math.abs(once[i]! - inChunks[i]!));
    expect(maxDiff).toBeLessThan(1e-4);
  });

  it('stops at the stop token, at its first occurrence', async () => {
    const free = await decodeWithCache(12);
    const stop = free.tokens[6]!;
    const firstAt = free.tokens.indexOf(stop);
    const stopped = await decodeWithCache(12, new Set([stop]));
    expect(stopped.stopReason).toBe('stop');
    expect(Array.from(stopped.tokens)).toEqual(Array.from(free.tokens.subarray(0, firstAt)));
  });
});
