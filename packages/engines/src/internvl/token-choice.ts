/** The greedy pick from one row of logits. */
export interface TokenChoice {
  token: number;
  /** Softmax probability of `token` over the whole row. */
  probability: number;
}

/**
 * Argmax and its softmax probability in one pass over the row (online softmax: the running sum
 * of exp(x − max) is rescaled whenever a new maximum appears), without copying the logits.
 */
export function chooseGreedy(logits: Float32Array, offset = 0, size = logits.length - offset): TokenChoice {
  let max = logits[offset]!;
  let token = 0;
  let sum = 1;
  for (let i = 1; i < size; i++) {
    const x = logits[offset + i]!;
    if (x > max) {
      sum = sum * Math.exp(max - x) + 1;
      max = x;
      token = i;
    } else {
      sum += Math.exp(x - max);
    }
  }
  return { token, probability: 1 / sum };
}
