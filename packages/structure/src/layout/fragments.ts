import type { BoundingBox } from '@ocr/contracts';

/**
 * A piece of text that reads as one unit on a visual row: a line box, a table cell, or part of a
 * text line between wide gaps. Title blocks pair a label fragment with the one after it.
 */
export interface Fragment {
  text: string;
  /** The page line it came from (see `TextSpan.line`). */
  line: number;
  box?: BoundingBox;
}

/** Text lines cut at pipes, tabs and runs of spaces: how a model lays out a row of a form. */
export function splitTextLine(text: string, line: number): Fragment[] {
  return text
    .split(/\t|\s{2,}|(?<!\\)\|/)
    .map((t) => t.trim())
    .filter((t) => t !== '' && !/^:?-{3,}:?$/.test(t))
    .map((t) => ({ text: t, line }));
}
