/** When a generated tail counts as a runaway loop. */
export interface RepetitionGuardOptions {
  /** Longest repeating unit looked for, in tokens. */
  maxPeriod: number;
  /** Copies of the unit needed. */
  minRepeats: number;
  /** Tokens the repeating stretch must cover, so short units (a `|---|` run) need many copies. */
  minSpan: number;
}

export const DEFAULT_REPETITION_GUARD: RepetitionGuardOptions = { maxPeriod: 200, minRepeats: 10, minSpan: 96 };

/**
 * Watches generated tokens for a unit of p tokens repeated back to back (the known failure of VLM
 * OCR: the same line or table row forever). O(maxPeriod) per token: for every period p it keeps
 * how many latest tokens equal the token p places earlier.
 */
export class RepetitionGuard {
  private readonly run: Int32Array;

  constructor(private readonly options: RepetitionGuardOptions = DEFAULT_REPETITION_GUARD) {
    this.run = new Int32Array(options.maxPeriod + 1);
  }

  /**
   * Feeds the token at `tokens[n]` (earlier ones fed before). Returns the length to keep (the text
   * up to the end of the unit's first copy) when a loop is found, else -1.
   */
  observe(tokens: ArrayLike<number>, n: number): number {
    const { maxPeriod, minRepeats, minSpan } = this.options;
    const latest = tokens[n];
    for (let p = 1; p <= maxPeriod && p <= n; p++) {
      const run = tokens[n - p] === latest ? ++this.run[p]! : (this.run[p] = 0);
      if (run + p >= Math.max(minRepeats * p, minSpan)) return n - run + 1;
    }
    return -1;
  }
}
