import { RepetitionGuard, type RepetitionGuardOptions } from './repetition-guard.ts';
import { chooseGreedy } from './token-choice.ts';

/** A language model positioned after its prompt: each step feeds one token and returns the next logits. */
export interface NextTokenSource {
  /** Logits [vocab] for the token after `token`; valid until the next call. */
  step(token: number): Promise<Float32Array>;
}

export interface GreedyDecodeOptions {
  maxNewTokens: number;
  stopTokenIds: ReadonlySet<number>;
  /** `false` turns the loop guard off. */
  repetitionGuard?: RepetitionGuardOptions | false;
  signal?: AbortSignal | undefined;
  /** Called after every generated token (stop tokens excluded), with its index. */
  onToken?: ((token: number, index: number) => void) | undefined;
}

export interface GreedyDecodeResult {
  /** Generated tokens, stop token excluded, loop tail trimmed. */
  tokens: Int32Array;
  /** Softmax probability of each kept token. */
  probabilities: Float32Array;
  stopReason: 'stop' | 'length' | 'repetition';
}

/**
 * Greedy decoding from the prompt's logits until a stop token, `maxNewTokens`, a repetition loop
 * or an abort. Tokens and probabilities go into buffers sized once; nothing is copied per token.
 *
 * @example
 * const result = await greedyDecode(decoder, await decoder.prefill(embeds), { maxNewTokens: 512, stopTokenIds: new Set([151645]) });
 */
export async function greedyDecode(source: NextTokenSource, promptLogits: Float32Array, options: GreedyDecodeOptions): Promise<GreedyDecodeResult> {
  const { maxNewTokens, stopTokenIds, signal, onToken } = options;
  const guard = options.repetitionGuard === false ? undefined : new RepetitionGuard(options.repetitionGuard);
  const tokens = new Int32Array(maxNewTokens);
  const probabilities = new Float32Array(maxNewTokens);
  let logits = promptLogits;
  let n = 0;
  const result = (stopReason: GreedyDecodeResult['stopReason'], length = n): GreedyDecodeResult => ({
    tokens: tokens.subarray(0, length),
    probabilities: probabilities.subarray(0, length),
    stopReason,
  });

  while (n < maxNewTokens) {
    signal?.throwIfAborted();
    const { token, probability } = chooseGreedy(logits);
    if (stopTokenIds.has(token)) return result('stop');
    tokens[n] = token;
    probabilities[n] = probability;
    onToken?.(token, n);
    const keep = guard ? guard.observe(tokens, n) : -1;
    n++;
    if (keep >= 0) return result('repetition', keep);
    if (n < maxNewTokens) logits = await source.step(token);
  }
  return result('length');
}
