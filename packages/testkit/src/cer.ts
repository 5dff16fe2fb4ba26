import { editDistance } from '@ocr/contracts';

export { editDistance };

/** Whitespace runs collapse to one space so layout differences do not count as errors. */
export function normaliseForCer(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Character error rate of `hypothesis` against `reference`, after whitespace normalisation. */
export function characterErrorRate(reference: string, hypothesis: string): number {
  const ref = normaliseForCer(reference);
  const hyp = normaliseForCer(hypothesis);
  if (ref.length === 0) return hyp.length === 0 ? 0 : 1;
  return editDistance(ref, hyp) / [...ref].length;
}
