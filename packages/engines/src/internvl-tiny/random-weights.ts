/**
 * Deterministic weights from a seed (mulberry32), so every run writes byte-identical models and
 * generated text can be compared across runs.
 */
export class RandomWeights {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** `count` values uniform in [-scale, scale). */
  uniform(count: number, scale: number): Float32Array {
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) out[i] = (this.next() * 2 - 1) * scale;
    return out;
  }

  /** A [fanIn, fanOut] matrix (MatMul layout) scaled to keep activations near unit size. */
  matrix(fanIn: number, fanOut: number): Float32Array {
    return this.uniform(fanIn * fanOut, Math.sqrt(3 / fanIn));
  }
}
