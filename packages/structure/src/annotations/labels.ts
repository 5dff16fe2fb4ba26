import type { TitleBlockField } from '@ocr/contracts';

// Title-block labels as Chinese (GB/T 10609.1) and English drawings print them.
const LABELS: [TitleBlockField, string[]][] = [
  ['drawing_number', ['图样代号', '图纸编号', '图号', '代号', 'DRAWING NUMBER', 'DRAWING NO.', 'DRAWING NO', 'DWG. NO.', 'DWG NO.', 'DWG NO', 'DWG. NO', 'DRG. NO.', 'DRG NO.', 'DRG. NO', 'DRG NO']],
  ['part_name', ['零件名称', '图样名称', '名称', '图名', 'PART NAME', 'TITLE']],
  ['material', ['材料', '材质', 'MATERIAL', "MAT'L", 'MATL']],
  ['scale', ['比例', 'SCALE']],
  ['weight', ['重量', '质量', '单重', 'WEIGHT', 'MASS', 'WT.']],
  ['revision', ['版本号', '版本', '版次', '修订号', 'REVISION', 'REV.', 'REV']],
  ['quantity', ['数量', '件数', 'QUANTITY', "Q'TY", 'QTY']],
  ['sheet', ['张次', '页次', 'SHEET']],
  ['date', ['日期', 'DATE']],
  ['drawn_by', ['设计', '制图', '绘图', 'DRAWN BY', 'DESIGNED BY', 'DRAWN', 'DESIGNER']],
  ['checked_by', ['审核', '校对', 'CHECKED BY', 'CHECKED', "CHK'D"]],
  ['approved_by', ['批准', 'APPROVED BY', 'APPROVED', "APPV'D", "APP'D"]],
];

/**
 * Other cells a title block labels, whose values are no field here: they are never a field's value
 * (`MFG` under `APPV'D`), and `SHEET SIZE` is not the sheet number's label.
 */
const OTHER_LABELS = ['SHEET SIZE', 'SIZE', 'MFG', 'Q.A', 'QA', 'NAME', 'SIGNATURE', 'FINISH', 'SURFACE FINISH', 'TOLERANCES'];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const ENTRIES = LABELS.flatMap(([field, names]) => names.map((name) => ({ field, name })));
// Longest first, so "DRAWING NO." wins over "DRAWING NO" and "版本号" over "版本".
ENTRIES.sort((a, b) => b.name.length - a.name.length);

/**
 * A label at the start of a fragment, followed by the end, a colon or a space; a Chinese label
 * may run straight into a non-Chinese value ("材料45钢") but not into more Chinese ("质量要求").
 */
const LABEL = new RegExp(
  `^\\s*(?:\\*\\*)?(${ENTRIES.map((e) => escape(e.name).replace(/ /g, '\\s*')).join('|')})(?:\\*\\*)?` +
    `(\\s*[:：]\\s*|\\s+|$|(?<=[\\u4e00-\\u9fff])(?=[^\\u4e00-\\u9fff]))(.*)$`,
  'i',
);

export interface LabelMatch {
  field: TitleBlockField;
  label: string;
  /** Text after the label on the same fragment; "" when the value is elsewhere. */
  rest: string;
}

const OTHER_LABEL = new RegExp(`^\\s*(?:${OTHER_LABELS.map((name) => escape(name).replace(/ /g, '\\s*')).join('|')})\\s*[:：]?\\s*$`, 'i');

const isOneLabel = (text: string): boolean => OTHER_LABEL.test(text) || matchLabel(text)?.rest === '';
/** Words in the longest label ("DRAWING NUMBER", "DWG. NO."), with room for a spacing read apart. */
const MAX_LABEL_WORDS = 4;

/**
 * Whether a cell holds labels only: one of this module's, another a title block prints (`MFG`,
 * `SIZE`), or several run together (`SIZE DRG NO.`, `SHEET REV`). Such a cell is never a value.
 */
export function isLabelCell(text: string): boolean {
  const words = text.trim().split(/\s+/).filter((w) => w !== '');
  // Whether the words from `start` split into labels only; each start is settled once.
  const settled = new Map<number, boolean>();
  const labelsFrom = (start: number): boolean => {
    if (start === words.length) return true;
    let labels = settled.get(start);
    if (labels === undefined) {
      labels = false;
      for (let end = Math.min(words.length, start + MAX_LABEL_WORDS); end > start && !labels; end--) {
        labels = isOneLabel(words.slice(start, end).join(' ')) && labelsFrom(end);
      }
      settled.set(start, labels);
    }
    return labels;
  };
  return words.length > 0 && labelsFrom(0);
}

export function matchLabel(text: string): LabelMatch | undefined {
  // The sheet's size (A3), not its number.
  if (/^\s*SHEET\s*SIZE\b/i.test(text)) return undefined;
  const m = LABEL.exec(text);
  if (!m) return undefined;
  const label = m[1] ?? '';
  const key = label.replace(/\s+/g, ' ').toUpperCase();
  const entry = ENTRIES.find((e) => e.name.toUpperCase() === key);
  if (!entry) return undefined;
  const rest = (m[3] ?? '').replace(/\*\*/g, '').trim();
  // "Material specification: see note 3" is a key–value pair whose key starts like a label.
  if (!/[:：]/.test(m[2] ?? '') && /[A-Za-z\u4e00-\u9fff]\s*[:：]/.test(rest)) return undefined;
  return { field: entry.field, label, rest };
}

// Fields whose values have a shape of their own, so one can be told apart when it follows another
// field's value on the same line ("DRAWING NO. EN-4471-B REV C SHEET 2 OF 5").
const SHAPED_VALUES: Partial<Record<TitleBlockField, string>> = {
  revision: '[A-Z0-9]{1,3}',
  sheet: '\\d+(?:\\s*(?:OF|/|共)\\s*\\d+)?',
  scale: '\\d+(?:\\.\\d+)?\\s*[:：/]\\s*\\d+(?:\\.\\d+)?',
  date: '\\d{4}[-./年]\\d{1,2}[-./月]\\d{1,2}日?|\\d{1,2}[-./]\\d{1,2}[-./]\\d{2,4}',
};
const SHAPED = Object.entries(SHAPED_VALUES).map(([field, value]) => {
  const names = ENTRIES.filter((e) => e.field === field).map((e) => escape(e.name).replace(/ /g, '\\s*'));
  return { field: field as TitleBlockField, pattern: new RegExp(`\\s+(${names.join('|')})\\s*[:：]?\\s*(${value})(?=\\s|$)`, 'iy') };
});

export interface TrailingField {
  field: TitleBlockField;
  label: string;
  value: string;
}

/** The shaped field that starts (with its space) at `at`, and where it ends. */
function shapedFieldAt(text: string, at: number): (TrailingField & { end: number }) | undefined {
  for (const { field, pattern } of SHAPED) {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (m) return { field, label: m[1]!, value: m[2]!, end: pattern.lastIndex };
  }
  return undefined;
}

const HAN = /[\u4e00-\u9fff]/;

/**
 * Splits the fields that follow a label's value on its line: those of a shaped value (revision,
 * sheet, scale, date: "EN-4471-B REV C SHEET 2 OF 5" is EN-4471-B, then revision C and sheet
 * 2 OF 5), only when all that follows the split reads as such fields; and any field whose label
 * is Chinese ("ZX-2024 材料 Q235" is ZX-2024, then material Q235), as a Chinese label standing
 * on its own after a space is no part of a value. Otherwise the value stays whole: an English
 * label may be a word of it ("STEEL SHEET 2 MM").
 */
export function splitTrailingFields(value: string): { value: string; trailing: TrailingField[] } {
  const text = value.trimEnd();
  for (const space of text.matchAll(/\s+/g)) {
    const trailing: TrailingField[] = [];
    let at = space.index;
    for (let next = shapedFieldAt(text, at); next; next = shapedFieldAt(text, at)) {
      trailing.push({ field: next.field, label: next.label, value: next.value });
      at = next.end;
    }
    if (trailing.length > 0 && at === text.length) return { value: text.slice(0, space.index), trailing };
    const next = matchLabel(text.slice(space.index + space[0].length));
    if (next && HAN.test(next.label)) {
      // A label with no value of its own here (its value printed elsewhere) just ends this one.
      if (next.rest === '') return { value: text.slice(0, space.index), trailing: [] };
      const rest = splitTrailingFields(next.rest);
      return { value: text.slice(0, space.index), trailing: [{ field: next.field, label: next.label, value: rest.value }, ...rest.trailing] };
    }
  }
  return { value, trailing: [] };
}
