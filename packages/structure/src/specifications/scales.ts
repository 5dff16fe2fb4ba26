import { scan, type Matcher } from './match.ts';
import { NUM, toNumber } from './numbers.ts';

// ISO 5455 and GB/T 14690 scales; a bare ratio of other numbers is likelier a time or a mix.
const PREFERRED = new Set([1, 1.5, 2, 2.5, 3, 4, 5, 6, 10, 20, 50, 100, 200, 500, 1000]);

const SCALE = new RegExp(`(?<![\\d.]|\\d:)(${NUM})\\s*:\\s*(${NUM})(?![\\d:])(?!\\.\\d)`, 'g');
const LABEL_BEFORE = /(?:比例|scale)\s*:?\s*$/i;

/** "1:2", "2:1", "比例 1:5", "SCALE 1:2.5". */
export const scales: Matcher = (text) =>
  scan(text, SCALE, (m) => {
    const numerator = toNumber(m[1] ?? '');
    const denominator = toNumber(m[2] ?? '');
    if (numerator <= 0 || denominator <= 0) return undefined;
    const labelled = LABEL_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index));
    const preferred =
      (numerator === 1 && PREFERRED.has(denominator)) || (denominator === 1 && PREFERRED.has(numerator));
    if (!labelled && !preferred) return undefined;
    return { kind: 'scale', numerator, denominator, factor: numerator / denominator };
  });
