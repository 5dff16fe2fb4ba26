import { SPACE_RUN } from './long-lines.ts';
import type { StripInk } from './strip-ink.ts';

/**
 * On a scan, the recogniser leaves a temperature's degree sign unread more often than any other
 * mark: spec lines rendered in five faces at 18 and 28 px and scanned read `Temp 120 C` in 4 of 10.
 * The ring is still in the strip, a run of its own between the number and the C whose ink ends
 * above the middle of the digit before it: nothing else stands there.
 */
const LEAST_WIDTH = 0.08;

/**
 * Where the strip shows an unread degree sign between the digit emitted at `digitStep` and the
 * letter at `letterStep`, whether a space stands before it; undefined where none is there.
 */
export function unreadDegreeSign(ink: StripInk, digitStep: number, letterStep: number): { spaced: boolean } | undefined {
  const digit = ink.runAt(digitStep, letterStep);
  const letter = ink.runAt(letterStep);
  if (!digit || !letter || letter.start <= digit.end) return undefined;
  const ring = ink.next(digit);
  if (!ring || ring === letter || ink.next(ring) !== letter) return undefined;
  const raised = ring.bottom < (digit.top + digit.bottom) / 2;
  if (!raised || ring.end - ring.start < LEAST_WIDTH * ink.height) return undefined;
  return { spaced: ring.start - digit.end >= SPACE_RUN * ink.height };
}
