import { describe, expect, it } from 'vitest';
import { greedyDecode, type NextTokenSource } from './greedy-decode.ts';
import { RepetitionGuard } from './repetition-guard.ts';
import { chooseGreedy } from './token-choice.ts';

const VOCAB = 16;

/** Logits that make `token` the greedy choice with probability e^4 / (e^4 + 15). */
function logitsFor(token: number): Float32Array {
  const row = new Float32Array(VOCAB);
  row[token] = 4;
  return row;
}

/** A source that answers a fixed script, one token per step, and counts its steps. */
function scripted(script: number[]): NextTokenSource & { steps: number } {
  return {
    steps: 0,
    async step() {
      this.steps++;
      return logitsFor(script[this.steps]!);
    },
  };
}

const STOP = 15;
const confident = Math.exp(4) / (Math.exp(4) + VOCAB - 1);

describe('chooseGreedy', () => {
  it('matches a two-pass softmax argmax', () => {
    const row = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i * 12.9898) * 30);
    const max = Math.max(...row);
    const sum = row.reduce((s, x) => s + Math.exp(x - max), 0);
    const { token, probability } = chooseGreedy(row);
    expect(row[token]).toBe(max);
    expect(Math.abs(probability * sum - 1)).toBeLessThan(1e-8); // table exp: relative error < 1e-9
  });

  it('reads a row in the middle of a [S, V] logits buffer', () => {
    const buffer = new Float32Array(3 * VOCAB);
    buffer.set(logitsFor(7), VOCAB);
    expect(chooseGreedy(buffer, VOCAB, VOCAB).token).toBe(7);
  });
});

describe('greedyDecode', () => {
  it('stops at the stop token, which is not part of the output', async () => {
    const script = [3, 4, 5, STOP, 6];
    const source = scripted(script);
    const result = await greedyDecode(source, logitsFor(script[0]!), { maxNewTokens: 10, stopTokenIds: new Set([STOP]) });
    expect(Array.from(result.tokens)).toEqual([3, 4, 5]);
    expect(result.stopReason).toBe('stop');
    result.probabilities.forEach((p) => expect(p).toBeCloseTo(confident, 6));
  });

  it('stops at maxNewTokens without running a step it does not need', async () => {
    const script = [1, 2, 3, 4, 5, 6, 7, 8];
    const source = scripted(script);
    const result = await greedyDecode(source, logitsFor(script[0]!), { maxNewTokens: 4, stopTokenIds: new Set([STOP]) });
    expect(Array.from(result.tokens)).toEqual([1, 2, 3, 4]);
    expect(result.stopReason).toBe('length');
    expect(source.steps).toBe(3);
  });

  it('cuts a runaway loop back to its first copy', async () => {
    const script = [9, 8, ...Array.from({ length: 60 }, (_, i) => [1, 2, 3][i % 3]!)];
    const guard = { maxPeriod: 8, minRepeats: 4, minSpan: 6 };
    const result = await greedyDecode(scripted(script), logitsFor(script[0]!), { maxNewTokens: 60, stopTokenIds: new Set(), repetitionGuard: guard });
    expect(result.stopReason).toBe('repetition');
    expect(Array.from(result.tokens)).toEqual([9, 8, 1, 2, 3]);
  });

  it('lets the same loop run to maxNewTokens with the guard off', async () => {
    const script = Array.from({ length: 60 }, (_, i) => [1, 2, 3][i % 3]!);
    const result = await greedyDecode(scripted(script), logitsFor(1), { maxNewTokens: 30, stopTokenIds: new Set(), repetitionGuard: false });
    expect(result.stopReason).toBe('length');
    expect(result.tokens.length).toBe(30);
  });

  it('stops mid-generation when its signal aborts', async () => {
    const script = Array.from({ length: 50 }, (_, i) => i % 14);
    const source = scripted(script);
    const controller = new AbortController();
    const seen: number[] = [];
    const run = greedyDecode(source, logitsFor(0), {
      maxNewTokens: 50,
      stopTokenIds: new Set(),
      signal: controller.signal,
      onToken: (token, index) => {
        seen.push(token);
        if (index === 4) controller.abort();
      },
    });
    await expect(run).rejects.toThrow(/abort/i);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(source.steps).toBe(5);
  });
});

describe('RepetitionGuard', () => {
  it('needs the longer span for short units', () => {
    const guard = new RepetitionGuard({ maxPeriod: 4, minRepeats: 3, minSpan: 10 });
    const tokens = Array.from({ length: 20 }, () => 7);
    const fired = tokens.findIndex((_, n) => guard.observe(tokens, n) >= 0);
    expect(fired).toBe(9); // ten identical tokens, not three
  });
});
