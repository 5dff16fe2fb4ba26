import type { Specification } from '@ocr/contracts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A specification's typed value, before it is given its place (text, page, span, box). */
export type SpecValue = DistributiveOmit<Specification, 'text' | 'page' | 'span' | 'box'>;

/** One parse found in a normalised line: [start, end) are offsets into that normalised text. */
export interface SpecMatch {
  start: number;
  end: number;
  value: SpecValue;
}

export interface MatchContext {
  /** The line is the value of a material label in another box (材料 | 304), so bare grades count. */
  materialLabelBefore: boolean;
}

/** A parser for one kind of notation: every match in a normalised line. */
export type Matcher = (text: string, context: MatchContext) => SpecMatch[];

/** Runs a global regex over text and keeps what `build` accepts. */
export function scan(
  text: string,
  pattern: RegExp,
  build: (m: RegExpExecArray) => SpecValue | undefined,
): SpecMatch[] {
  const found: SpecMatch[] = [];
  // exec on the shared pattern, not matchAll: matchAll clones the RegExp on every call, which
  // cost more than the matching itself on short lines. Patterns are global and this loop is synchronous.
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0] === '') pattern.lastIndex++;
    const value = build(m);
    if (value) found.push({ start: m.index, end: m.index + m[0].length, value });
  }
  return found;
}

/** `{key: value}` when value is defined, `{}` otherwise, for spreading optional fields. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
