import type { Specification } from '@ocr/contracts';
import type { Fragment } from '../layout/fragments.ts';
import { subBox } from '../layout/geometry.ts';
import type { PageLine } from '../layout/page-lines.ts';
import { parseSpecifications, type ParsedSpec } from './parse.ts';

/** A parsed specification given its page, its span and, for a boxed line, its share of the box. */
function place(line: PageLine, page: number, p: ParsedSpec, shift = 0): Specification {
  const start = p.start + shift;
  const end = p.end + shift;
  return {
    ...p.value,
    text: p.text,
    page,
    span: { line: line.index, start, end },
    ...(line.box ? { box: subBox(line.box, line.text, start, end) } : {}),
  } as Specification;
}

/**
 * Specifications line by line; then the values of material fields once more with the label as
 * context, since a bare grade (材料 | 304) is a material only there.
 */
export function pageSpecifications(lines: PageLine[], page: number, materialValues: Fragment[]): Specification[] {
  const found = lines.flatMap((line) => parseSpecifications(line.text).map((p) => place(line, page, p)));
  for (const value of materialValues) {
    const line = lines[value.line];
    const at = line ? line.text.indexOf(value.text) : -1;
    if (!line || at < 0) continue;
    for (const p of parseSpecifications(value.text, { materialLabelBefore: true })) {
      const spec = place(line, page, p, at);
      const taken = found.some((f) => f.span.line === line.index && f.span.start < spec.span.end && spec.span.start < f.span.end);
      if (spec.kind === 'material' && !taken) found.push(spec);
    }
  }
  return found.sort((a, b) => a.span.line - b.span.line || a.span.start - b.span.start);
}
