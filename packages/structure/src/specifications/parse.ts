import type { MatchContext, Matcher, SpecMatch, SpecValue } from './match.ts';
import { angles, chamfers, diameters, linearDimensions, radii } from './dimensions.ts';
import { fits } from './fits.ts';
import { geometricTolerances } from './geometric.ts';
import { hardnessValues } from './hardness.ts';
import { heatTreatments } from './heat-treatment.ts';
import { materials } from './materials.ts';
import { normalize } from './normalize.ts';
import { quantities } from './quantities.ts';
import { roughness } from './roughness.ts';
import { scales } from './scales.ts';
import { standards } from './standards.ts';
import { metricThreads, nptThreads, pipeThreads, trapezoidalThreads, unifiedThreads } from './threads.ts';

// When two parses cover the same text, the longer wins; on equal length, the earlier matcher here
// (the more specific notation: "2A12" is an aluminium grade before it is a fit).
const MATCHERS: Matcher[] = [
  standards,
  metricThreads,
  trapezoidalThreads,
  unifiedThreads,
  pipeThreads,
  nptThreads,
  materials,
  geometricTolerances,
  hardnessValues,
  fits,
  roughness,
  chamfers,
  scales,
  diameters,
  radii,
  angles,
  linearDimensions,
  quantities,
  heatTreatments,
];

/** One specification found in a line: its value and where in the original line it was written. */
export interface ParsedSpec {
  value: SpecValue;
  start: number;
  end: number;
  text: string;
}

/**
 * Every specification in one line of text, non-overlapping, in reading order. Notation that no
 * parser recognises is left out, never guessed.
 */
export function parseSpecifications(line: string, context: MatchContext = { materialLabelBefore: false }): ParsedSpec[] {
  const { text, starts, ends } = normalize(line);
  const candidates: (SpecMatch & { rank: number })[] = MATCHERS.flatMap((matcher, rank) =>
    matcher(text, context).map((m) => ({ ...m, rank })),
  );
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank || a.start - b.start);
  const taken: SpecMatch[] = [];
  const covered = new Uint8Array(text.length);
  for (const c of candidates) {
    if (covered.subarray(c.start, c.end).some((x) => x === 1)) continue;
    covered.fill(1, c.start, c.end);
    taken.push(c);
  }
  return taken
    .sort((a, b) => a.start - b.start)
    .map((m) => {
      // A pattern's optional tail may have eaten spaces; the reported text has none at its ends.
      let first = m.start;
      let last = m.end - 1;
      while (first < last && /\s/.test(text[first] ?? '')) first++;
      while (last > first && /\s/.test(text[last] ?? '')) last--;
      const start = starts[first] ?? 0;
      const end = ends[last] ?? line.length;
      return { value: m.value, start, end, text: line.slice(start, end) };
    });
}
