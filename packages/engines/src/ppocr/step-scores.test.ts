import { readFileSync } from 'node:fs';
import ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDictionary } from './dictionary.ts';
import { resolveModelFiles } from './model-files.ts';
import { renderedStrips, type RenderedStrip } from './rendered-strips.ts';
import { openSession, runSession, type OrtSession } from './session.ts';
import { reduceToStepScores, STEP_SCORE_OUTPUTS } from './step-scores.ts';

const files = resolveModelFiles();
const dictionary = loadDictionary(files.dictionary);
let full: OrtSession, reduced: OrtSession, strips: RenderedStrip[];

beforeAll(async () => {
  full = await openSession(files.recognition, 'recognition', 1);
  reduced = await openSession(files.recognition, 'recognition', 1, (model) => reduceToStepScores(model, dictionary.classes.length, dictionary.spaceIndex));
  strips = await renderedStrips();
}, 60_000);

afterAll(async () => {
  await Promise.all([full?.release(), reduced?.release()]);
});

describe('reduceToStepScores', () => {
  it('answers per step the argmax, its probability and P(space) of the full softmax, on rendered text lines', async () => {
    let steps = 0;
    for (const strip of strips) {
      const { data, dims } = await runSession(full, strip.tensor, strip.dims);
      const classes = dims[2]!;
      const results = await reduced.run({ [reduced.inputNames[0]!]: new ort.Tensor('float32', strip.tensor, strip.dims) });
      const [best, bestP, spaceP] = STEP_SCORE_OUTPUTS.map((name) => results[name]!.data as Int32Array | Float32Array);
      expect(results[STEP_SCORE_OUTPUTS[0]]!.dims).toEqual(dims.slice(0, 2));
      for (let t = 0; t < dims[0]! * dims[1]!; t++) {
        const row = data.subarray(t * classes, (t + 1) * classes);
        const max = Math.max(...row);
        expect(best![t]).toBe(row.indexOf(max));
        expect(bestP![t]).toBe(max);
        expect(spaceP![t]).toBe(row[dictionary.spaceIndex]);
        steps++;
      }
    }
    expect(steps).toBeGreaterThan(1000);
  });

  it('refuses a dictionary of another size than the model declares', () => {
    expect(() => reduceToStepScores(readFileSync(files.recognition), 5, 4)).toThrow(/has 6625 classes but the dictionary gives 5/);
  });
});
