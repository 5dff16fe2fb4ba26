import type { Annotation, BoundingBox } from '@ocr/contracts';
import { bottom, horizontalOverlap, right, unionBoxes } from '../layout/geometry.ts';
import type { Fragment } from '../layout/fragments.ts';
import { isLabelCell, matchLabel, splitTrailingFields, type LabelMatch } from './labels.ts';

type TitleBlockAnnotation = Extract<Annotation, { kind: 'title_block' }>;

export interface TitleBlockResult {
  fields: TitleBlockAnnotation[];
  /** Fragments used as a label or a value, so they are not read again as key–value pairs. */
  used: Set<Fragment>;
  /** Values of material fields, where bare grades ("304") count as materials. */
  materialValues: Fragment[];
}

/**
 * A table row made only of labels, over a row of values (a title block printed as
 * `| 图号 | 材料 |` over `| ZJ-001 | 45钢 |`), becomes one row of label, value, label, value.
 */
export function pairLabelRows(rows: readonly Fragment[][]): Fragment[][] {
  const paired: Fragment[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? [];
    const next = rows[i + 1];
    const labels = row.length > 0 && row.every((f) => matchLabel(f.text)?.rest === '');
    if (labels && next && next.length === row.length) {
      paired.push(row.flatMap((label, c) => [label, next[c] ?? label]));
      i++;
    } else paired.push([...row]);
  }
  return paired;
}

/** A cell that is a label, alone or with its own value (`SCALE:2:1`): no other label's value. */
const isLabelOrField = (cell: Fragment): boolean => matchLabel(cell.text) !== undefined || isLabelCell(cell.text);

/**
 * How far along its row, in label heights, a label's value may stand. In a drawing's title block
 * the next text along a row may be another cell's: the title across the sheet from `DRAWN`
 * (27–37 heights away in edocr2's drawings), the sheet size after `MATERIAL` (15), where a
 * label's own value stood at most 9 away.
 */
const MAX_VALUE_GAP = 12;

/**
 * Whether `value`, the next fragment of the label's row, stands after the label and close enough
 * to be its value (without boxes, it does). A row gathered round a tall box (a two-line title)
 * may also hold the label of the row below, which starts where the label does.
 */
function beside(label: Fragment, value: Fragment): boolean {
  if (!label.box || !value.box) return true;
  const gap = value.box.x - right(label.box);
  return gap > -0.5 * label.box.width && gap <= MAX_VALUE_GAP * label.box.height;
}

/** The fragment straight below a label box (forms that print the value under the label), or with `-1` straight above it. */
function below(label: Fragment, rows: readonly Fragment[][], direction: 1 | -1 = 1): Fragment | undefined {
  const box = label.box;
  if (!box) return undefined;
  let best: Fragment | undefined;
  for (const f of rows.flat()) {
    if (!f.box || f === label || horizontalOverlap(f.box, box) < 0.5 * Math.min(f.box.width, box.width)) continue;
    // The gap from the label's edge to the fragment's facing edge, along `direction`.
    const gap = direction === 1 ? f.box.y - bottom(box) : box.y - bottom(f.box);
    if (gap < -0.25 * box.height || gap > 1.5 * box.height) continue;
    if (!best || (best.box && (f.box.y - best.box.y) * direction < 0)) best = f;
  }
  return best;
}

function field(page: number, label: Pick<LabelMatch, 'field' | 'label'>, at: Fragment, value: Fragment | undefined, text: string): TitleBlockAnnotation {
  const box = unionBoxes([at.box, value?.box].filter((b): b is BoundingBox => b !== undefined));
  return {
    kind: 'title_block',
    page,
    field: label.field,
    label: label.label,
    value: text,
    ...(box ? { box } : {}),
  };
}

/**
 * Title-block fields from rows of fragments: "图号: ZJ-001" in one fragment, or the label in one
 * cell and the value in the next cell of its row (or, for boxes, the cell below).
 */
export function titleBlockFields(rows: readonly Fragment[][], page: number): TitleBlockResult {
  const fields: TitleBlockAnnotation[] = [];
  const used = new Set<Fragment>();
  const materialValues: Fragment[] = [];
  for (const row of rows) {
    row.forEach((fragment, i) => {
      if (used.has(fragment)) return;
      const label = matchLabel(fragment.text);
      if (!label) return;
      if (label.rest !== '') {
        // Labels run together in one cell ("SHEET REV"): their values are printed elsewhere.
        if (isLabelCell(label.rest)) return;
        // One line may hold several fields: "DRAWING NO. EN-4471-B REV C SHEET 2 OF 5".
        const { value, trailing } = splitTrailingFields(label.rest);
        fields.push(field(page, label, fragment, undefined, value));
        for (const more of trailing) fields.push(field(page, more, fragment, undefined, more.value));
        used.add(fragment);
        for (const found of [{ field: label.field, value }, ...trailing]) {
          if (found.field === 'material') materialValues.push({ ...fragment, text: found.value });
        }
        return;
      }
      const next = row[i + 1];
      // Values print under their labels only in a row of labels; under a table's column heading
      // ("数量" over "4") is a table cell, not a title-block field.
      const labelRow = row.every((f) => matchLabel(f.text)?.rest === '');
      // Under a column of row labels (DRAWN over CHK'D over APPV'D, then MFG) lies the next row's label, not a value.
      const underLabel = isLabelCell(below(fragment, rows, -1)?.text ?? '');
      const value =
        next && !isLabelOrField(next) && !used.has(next) && beside(fragment, next) ? next : labelRow && !underLabel ? below(fragment, rows) : undefined;
      if (!value || used.has(value) || isLabelOrField(value)) return;
      fields.push(field(page, label, fragment, value, value.text.trim()));
      used.add(fragment);
      used.add(value);
      if (label.field === 'material') materialValues.push(value);
    });
  }
  return { fields, used, materialValues };
}
