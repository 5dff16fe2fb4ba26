import { describe, expect, it } from 'vitest';
import { decodeLine } from './ctc-decode.ts';
import type { Dictionary } from './dictionary.ts';
import { inkedStrip } from './ink-strips.ts';
import type { StepScores } from './step-scores.ts';

const classes = ['', 'a', 'b', 'C', '中', '文', '角', '２', '（', '1', '.', 'x', '×', '：', '，', '°', '℃', '）', '(', ')', '-', 'V', 'O', "'", 'c', ' '];
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

/** The text of two characters that start `steps` steps apart, with `space` P(space) in the gap after the first. */
function gap(before: string, after: string, space: number, steps: number): string {
  return decode([[before, 0.9], ['', 1, space], ...Array.from({ length: steps - 2 }, (): [string, number] => ['', 1]), [after, 0.9]]).text;
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

  it('spaces letters 2 steps apart on a clear P(space), as small print sets words that close (`as follows`)', () => {
    expect(decode([['a', 0.9], ['', 1, 0.12], ['b', 0.9]]).text).toBe('a b');
    expect(decode([['a', 0.9], ['', 1, 0.05], ['b', 0.9]]).text).toBe('ab');
    // A number and its letter that close are left alone (`8a`, `M16`).
    expect(decode([['1', 0.9], ['', 1, 0.12], ['a', 0.9]]).text).toBe('1a');
  });

  it('spaces letters 7 steps apart on a faint P(space), wider than any two letters of one word (`the AMDCN`)', () => {
    expect(gap('a', 'C', 0.007, 7)).toBe('a C');
    expect(gap('a', 'b', 0.007, 7)).toBe('a b');
    expect(gap('a', 'b', 0.003, 7)).toBe('ab');
    // `m` to `o`, `W` to `h`: letters of one word start up to 5 steps apart.
    expect(gap('a', 'b', 0.007, 6)).toBe('ab');
  });

  it('leaves a closing mark on the word before it however likely the space (`1.`, not `1 .`)', () => {
    expect(decode([['1', 0.9], ['', 1, 0.3], ['', 1], ['.', 0.9], ['', 1, 0.3], ['', 1], ['a', 0.9]]).text).toBe('1. a');
  });

  it('spaces after a mark on a faint P(space) only where the gap is wide (`NOTE: SEE`, not `Rev.A`)', () => {
    expect(decode([['a', 0.9], ['.', 0.9], ['', 1, 0.001], ['', 1], ['', 1], ['b', 0.9]]).text).toBe('a. b');
    expect(decode([['a', 0.9], ['.', 0.9], ['', 1, 0.001], ['', 1], ['b', 0.9]]).text).toBe('a.b');
    expect(decode([['a', 0.9], ['.', 0.9], ['', 1, 0.0003], ['', 1], ['', 1], ['b', 0.9]]).text).toBe('a. b');
    expect(decode([['a', 0.9], ['.', 0.9], ['', 1, 0.0001], ['', 1], ['', 1], ['b', 0.9]]).text).toBe('a.b');
  });

  it('spaces a word set close after a comma or stop where the model leans to the space (`statement, or`), not a weak lean', () => {
    // The test's dictionary holds the full-width comma, written `,` between Latin words.
    const after = (mark: string, space: number) => decode([['a', 0.9], [mark, 0.9], ['', 1, space], ['b', 0.9]]).text;
    expect(after('，', 0.32)).toBe('a, b');
    expect(after('，', 0.05)).toBe('a, b');
    expect(after('，', 0.01)).toBe('a,b');
    expect(after('.', 0.15)).toBe('a. b');
    expect(after('.', 0.05)).toBe('a.b');
    // Digits after a mark keep their own rules (`1,000`).
    expect(decode([['1', 0.9], ['，', 0.9], ['', 1, 0.05], ['1', 0.9]]).text).toBe('1,1');
  });

  it('reads P(space) in the gap, not at the steps that emit the characters', () => {
    // 5% at the step emitting b belongs to neither gap around it.
    expect(decode([['a', 0.9], ['', 1], ['', 1], ['b', 0.9, 0.05], ['', 1], ['', 1], ['a', 0.9]]).text).toBe('aba');
    expect(decode([['a', 0.9], ['', 1, 0.05], ['', 1], ['b', 0.9]]).text).toBe('a b');
  });

  it('spaces between letters and a number on a faint P(space) in a wide gap (`HRC 58`, `25 MPa`), but not around x (`M12x1.75`)', () => {
    expect(gap('a', '1', 0.001, 4)).toBe('a 1');
    expect(gap('1', 'a', 0.001, 4)).toBe('1 a');
    expect(gap('a', '1', 0.0004, 4)).toBe('a1');
    expect(gap('a', '1', 0.001, 3)).toBe('a1');
    expect(gap('x', '1', 0.001, 4)).toBe('x1');
    expect(gap('1', 'x', 0.001, 4)).toBe('1x');
    // × stands apart from its numbers however likely a space looks; only one the model reads counts.
    expect(gap('1', '×', 0.1, 5)).toBe('1×');
    expect(decode([['1', 0.9], [' ', 0.6], ['×', 0.9]]).text).toBe('1 ×');
  });

  it('parts a digit from a code’s letter before it only on a clear P(space) (`GD32F150xx`, `+3V3`), a word’s on a faint one', () => {
    const after = (word: Array<[string, number]>, space: number) => decode([...word, ['', 1, space], ['', 1], ['', 1], ['1', 0.9]]).text;
    const code: Array<[string, number]> = [['1', 0.9], ['', 1], ['C', 0.9]];
    expect(after(code, 0.005)).toBe('1C1');
    expect(after(code, 0.03)).toBe('1C 1');
    expect(after([['a', 0.9], ['', 1], ['C', 0.9]], 0.005)).toBe('aC 1');
    // A space the model reads parts them.
    expect(decode([...code, [' ', 0.6], ['1', 0.9]]).text).toBe('1C 1');
  });

  it('spaces between words in capitals on a faint P(space) where the gap is wide (`ISO VG`)', () => {
    expect(gap('C', 'C', 0.006, 6)).toBe('C C');
    expect(gap('C', 'C', 0.006, 5)).toBe('CC');
    expect(gap('C', 'C', 0.002, 6)).toBe('CC');
  });

  it('spaces beside Chinese only on P(space) that Chinese printed solid never reaches, and a wide gap into a Han character', () => {
    expect(gap('中', '文', 0.001, 6)).toBe('中文');
    expect(gap('中', '文', 0.3, 4)).toBe('中文');
    expect(decode([['中', 0.9], [' ', 0.6], ['文', 0.9]]).text).toBe('中文');
    // After a Han character: a faint P(space) needs a gap a Han character wide, a clear one does not.
    expect(gap('中', 'a', 0.0006, 6)).toBe('中 a');
    expect(gap('中', 'a', 0.004, 5)).toBe('中a');
    expect(gap('中', 'a', 0.006, 4)).toBe('中 a');
    // 角 and 孔 are open on the right: what looks like a gap after them is their own blank.
    expect(gap('角', 'C', 0.09, 6)).toBe('角C');
    expect(gap('角', 'C', 0.2, 6)).toBe('角 C');
    expect(gap('a', '中', 0.0006, 5)).toBe('a 中');
    expect(gap('a', '中', 0.0006, 4)).toBe('a中');
    expect(gap('a', '中', 0.0003, 5)).toBe('a中');
    expect(decode([['1', 0.9], [' ', 0.6], ['中', 0.9]]).text).toBe('1 中');
    // Full-width marks carry their own space.
    expect(decode([['中', 0.9], ['：', 0.9], ['', 1, 0.01], ['', 1], ['', 1], ['', 1], ['1', 0.9]]).text).toBe('中：1');
    expect(decode([['中', 0.9], ['：', 0.9], [' ', 0.6], ['1', 0.9]]).text).toBe('中：1');
  });

  it('places no space from a gap between Han characters in a line of prose under 1.5 times its pitch, as justified print stretches it', () => {
    const solid = (n: number, pitch: number): Array<[string, number, number?]> =>
      Array.from({ length: n }, (_, i): Array<[string, number]> => [[i % 2 ? '文' : '中', 0.9], ...Array.from({ length: pitch - 1 }, (): [string, number] => ['', 1])]).flat();
    const stretched = (steps: number): Array<[string, number, number?]> => [['', 1, 0.005], ...Array.from({ length: steps - 2 }, (): [string, number] => ['', 1])];
    const line = (pitch: number, steps: number) => decode([...solid(7, pitch), ['中', 0.9], ...stretched(steps), ...solid(7, pitch)]).text;
    // A scanned book's `而 言`: 7 steps where its characters stand 6 apart.
    expect(line(6, 7)).not.toContain(' ');
    // A heading's wider gap, a form's label before its value (`汇入行名称 中国…`, 5 steps at a pitch of 3), and a space the model reads stay.
    expect(line(6, 10)).toContain('中 中');
    expect(line(3, 5)).toContain('中 中');
    expect(decode([...solid(7, 6), ['中', 0.9], [' ', 0.6], ...stretched(6), ...solid(7, 6)]).text).toContain('中 中');
    // On a short line the gap is a space between words (`45钢 调质`).
    expect(gap('中', '文', 0.005, 7)).toBe('中 文');
  });

  it('places a space between Han characters of a short line only from a gap the model leans to, or a wide one', () => {
    // A photographed slip's `中 国 工 商 银行` and a lab report's `碱性磷 酸 酶`: 5–7 steps, P(space) 0.0015–0.025.
    expect(gap('中', '文', 0.002, 5)).toBe('中文');
    expect(gap('中', '文', 0.02, 6)).toBe('中文');
    expect(gap('中', '文', 0.0025, 8)).toBe('中文');
    // A form's label before its value, a printed space, a letter-spaced label (`检 验：`).
    expect(gap('中', '文', 0.04, 6)).toBe('中 文');
    expect(gap('中', '文', 0.006, 7)).toBe('中 文');
    expect(gap('中', '文', 0.002, 12)).toBe('中 文');
  });

  it('spaces a full-width comma between Latin words as the comma it is written as', () => {
    expect(decode([['a', 0.9], ['，', 0.9], ['', 1, 0.001], ['', 1], ['', 1], ['b', 0.9]]).text).toBe('a, b');
    expect(decode([['中', 0.9], ['，', 0.9], ['', 1, 0.001], ['', 1], ['', 1], ['b', 0.9]]).text).toBe('中，b');
  });

  it('mends what the recogniser misreads in a line: I/O read 1VO, a current’s I read as a quote', () => {
    expect(decode([['1', 0.9], ['V', 0.9], ['O', 0.9]]).text).toBe('I/O');
    expect(decode([["'", 0.9], ['c', 0.9], ['', 1], ['c', 0.9]]).text).toBe('Icc');
  });

  it('reads ℃ once where the recogniser also saw a degree sign before it, or read it twice', () => {
    expect(decode([['1', 0.9], ['°', 0.6], ['℃', 0.9]]).text).toBe('1℃');
    expect(decode([['1', 0.9], ['℃', 0.9], ['', 0.9], ['℃', 0.6]]).text).toBe('1℃');
  });

  it('counts only the characters read in the confidence, not a space placed from a gap', () => {
    const line = decode([['a', 0.9], ['', 1, 0.03], ['', 1], ['b', 0.7]]);
    expect(line.text).toBe('a b');
    expect(line.confidence).toBeCloseTo(0.8, 5);
    expect(line.characters).toBe(2);
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

  it('gives a pair of brackets read in two widths one width, from what stands outside it', () => {
    const read = (...chars: string[]) => decode(chars.flatMap((char): Array<[string, number]> => [[char, 0.9], ['', 1]])).text;
    // A lab report's `阴性（-）`, read with an ASCII closer.
    expect(read('中', '（', '-', ')')).toBe('中（-）');
    expect(read('(', '1', '）', '中')).toBe('（1）中');
    expect(read('a', '(', '1', '）')).toBe('a(1)');
    // A pair of one width is left as read.
    expect(read('中', '(', '1', ')')).toBe('中(1)');
  });

  it('closes up a hyphen ending a line that the strip shows set close to its word, and reads it once where read twice (`look -`, `tradi--`)', () => {
    const letters = [{ start: 8, end: 20 }, { start: 24, end: 36 }];
    const ending = (steps: Array<[string, number, number?]>, hyphen: { start: number; end: number }) =>
      decodeLine(stepScores(probabilities(steps), steps.length), 0, steps.length, dictionary, inkedStrip([...letters, { ...hyphen, top: 24, bottom: 28 }], { width: 80 })).text;
    const spaced: Array<[string, number, number?]> = [['', 1], ['a', 0.9], ['', 1], ['b', 0.9], ['', 1], [' ', 0.9], ['-', 0.9], ['', 1], ['', 1]];
    expect(ending(spaced, { start: 40, end: 52 })).toBe('ab-');
    expect(ending(spaced, { start: 60, end: 72 })).toBe('ab -');
    const twice: Array<[string, number, number?]> = [['', 1], ['a', 0.9], ['', 1], ['b', 0.9], ['', 1], ['-', 0.9], ['', 1], ['-', 0.9], ['', 1]];
    expect(ending(twice, { start: 40, end: 52 })).toBe('ab-');
  });
});
