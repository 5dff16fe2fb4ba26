/** The greedy pick from one row of logits. */
export interface TokenChoice {
  token: number;
  /** Softmax probability of `token` over the whole row. */
  probability: number;
}

// exp(−d) for d ≥ 0 as a table of exp(−n/K) times a quadratic for the remainder (relative error
// < 3e-8). Math.exp over a 151,674-entry vocabulary cost ~4× more per generated token.
const K = 128 / Math.LN2;
const STEP = 1 / K;
const TABLE_SIZE = Math.ceil(104 * K); // exp(−104) is below float32's smallest value
const EXP_NEG = Float64Array.from({ length: TABLE_SIZE }, (_, n) => Math.exp(-n * STEP));

function expNeg(d: number): number {
  const u = d * K;
  const n = u | 0;
  if (n >= TABLE_SIZE) return 0;
  const s = (u - n) * STEP;
  return EXP_NEG[n]! * (1 - s * (1 - 0.5 * s));
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
      sum = sum * expNeg(x - max) + 1;
      max = x;
      token = i;
    } else {
      sum += expNeg(max - x);
    }
  }
  return { token, probability: 1 / sum };
}
