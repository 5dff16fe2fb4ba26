import { describe, expect, it } from 'vitest';
import { decodeLine } from './ctc-decode.ts';
import type { Dictionary } from './dictionary.ts';
import type { StepScores } from './step-scores.ts';

const classes = ['', 'a', 'b', '中', '文', '２', '（', '1', '.', ' '];
const dictionary: Dictionary = { classes, spaceIndex: classes.length - 1 };

/** One softmax row per step: `[char, p]` puts p on that class, `space` on the space class, the rest on blank. */
function probabilities(steps: Array<[string, number, number?]>): Float32Array {
  const rows = new Float32Array(steps.length * classes.length);
  steps.forEach(([char, p, space = 0], t) => {
    const row = t * classes.length;
    const add = (index: number, value: number) => (rows[row + index] = rows[row + index]! + value);
    add(classes.indexOf(char), p);
    add(dictionary.spaceIndex, space);
    add(0, 1 - p - space);
  });
  return rows;
}

/** What the recogniser answers of those rows (`reduceToStepScores`): argmax, its probability, P(space). */
function stepScores(rows: Float32Array, steps: number): StepScores {
  const scores = { best: new Int32Array(steps), bestP: new Float32Array(steps), spaceP: new Float32Array(steps) };
  for (let t = 0; t < steps; t++) {
    const row = rows.subarray(t * classes.length, (t + 1) * classes.length);
    const best = row.indexOf(Math.max(...row));
    scores.best[t] = best;
    scores.bestP[t] = row[best]!;
    scores.spaceP[t] = row[dictionary.spaceIndex]!;
  }
  return scores;
}

function decode(steps: Array<[string, number, number?]>) {
  return decodeLine(stepScores(probabilities(steps), steps.length), 0, steps.length, dictionary);
}

describe('decodeLine', () => {
  it('collapses repeats, splits them at blanks and averages the emitted characters', () => {
    const line = decode([['a', 0.9], ['a', 0.7], ['', 1], ['a', 0.8], ['b', 0.6]]);
    expect(line.text).toBe('aab');
    expect(line.confidence).toBeCloseTo((0.9 + 0.8 + 0.6) / 3, 5);
    expect(line.characters).toBe(3);
  });

  it('inserts a space between Latin characters where the space class reaches 2% in a gap of 3 steps', () => {
    expect(decode([['a', 0.9], ['', 1, 0.03], ['', 1], ['b', 0.9]]).text).toBe('a b');
    expect(decode([['a', 0.9], ['', 1, 0.01], ['', 1], ['b', 0.9]]).text).toBe('ab');
    // Adjacent letters of one word: the space class is likely, but they are too close.
    expect(decode([['a', 0.9], ['', 1, 0.03], ['b', 0.9]]).text).toBe('ab');
  });

  it('leaves a closing mark on the word before it however likely the space (`1.`, not `1 .`)', () => {
    expect(decode([['1', 0.9], ['', 1, 0.3], ['', 1], ['.', 0.9], ['', 1, 0.3], ['', 1], ['a', 0.9]]).text).toBe('1. a');
  });

  it('spaces after a mark on a faint P(space) only where the gap is wide (`NOTE: SEE`, not `Rev.A`)', () => {
    expect(decode([['a', 0.9], ['.', 0.9], ['', 1, 0.001], ['', 1], ['', 1], ['b', 0.9]]).text).toBe('a. b');
    expect(decode([['a', 0.9], ['.', 0.9], ['', 1, 0.001], ['', 1], ['b', 0.9]]).text).toBe('a.b');
    expect(decode([['a', 0.9], ['.', 0.9], ['', 1, 0.0001], ['', 1], ['', 1], ['b', 0.9]]).text).toBe('a.b');
  });

  it('puts no space between Chinese characters, even one the model emits', () => {
    expect(decode([['中', 0.9], ['', 1, 0.3], ['', 1], ['文', 0.9]]).text).toBe('中文');
    expect(decode([['中', 0.9], [' ', 0.6], ['文', 0.9]]).text).toBe('中文');
    expect(decode([['1', 0.9], [' ', 0.6], ['中', 0.9]]).text).toBe('1 中');
  });

  it('trims spaces at the ends and reports nothing for an empty strip', () => {
    expect(decode([[' ', 0.9], ['a', 0.9], [' ', 0.9]]).text).toBe('a');
    expect(decode([['', 1], ['', 1]])).toEqual({ text: '', confidence: 0, characters: 0 });
  });

  it('turns full-width digits into ASCII, and full-width brackets too unless next to Chinese', () => {
    expect(decode([['a', 0.9], ['', 1], ['２', 0.9]]).text).toBe('a2');
    expect(decode([['（', 0.9], ['', 1], ['a', 0.9]]).text).toBe('(a');
    expect(decode([['中', 0.9], ['', 1], ['（', 0.9]]).text).toBe('中（');
  });
});
