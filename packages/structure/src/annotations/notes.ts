import type { Annotation } from '@ocr/contracts';
import { bottom, median, unionBoxes } from '../layout/geometry.ts';
import type { PageLine } from '../layout/page-lines.ts';
import { matchLabel } from './labels.ts';

type NoteAnnotation = Extract<Annotation, { kind: 'note' }>;

const HEADING =
  /^\s*(?:#{1,6}\s*)?(?:\*\*)?(技术要求|技术条件|说明|注|备注|GENERAL NOTES|NOTES|NOTE|TECHNICAL REQUIREMENTS)(?:\*\*)?\s*[:：]?\s*(.*)$/i;
// "1." (not "1.5"), "1、", "1)", "(1)", "①".
const NUMBERED = /^\s*(?:[-*]\s+)?(?:(\d{1,2})(?:[.．](?!\d)|[、)）])|[(（](\d{1,2})[)）]|([\u2460-\u2473]))\s*(.*)$/;

export interface NoteSection {
  notes: NoteAnnotation[];
  /** Lines read as note text (heading included), so they are not read again as key–value pairs. */
  lines: Set<number>;
}

function numbered(text: string): { number: number; text: string } | undefined {
  const m = NUMBERED.exec(text);
  if (!m) return undefined;
  const number = m[3] ? (m[3].codePointAt(0) ?? 0x2460) - 0x245f : Number(m[1] ?? m[2]);
  return { number, text: (m[4] ?? '').trim() };
}

/** With boxes: whether a line is in the notes' column (a title block beside the notes is not). */
function inColumn(line: PageLine, heading: PageLine, lineHeight: number): boolean {
  return !line.box || !heading.box || Math.abs(line.box.x - heading.box.x) < 8 * lineHeight;
}

/** With boxes: whether a line sits close enough under the previous one to continue the notes. */
function follows(line: PageLine, previous: PageLine, lineHeight: number): boolean {
  if (!line.box || !previous.box) return true;
  const gap = line.box.y - bottom(previous.box);
  // Up to a blank line's worth: pages set a heading apart from its first note.
  return gap > -0.5 * lineHeight && gap < 2.5 * lineHeight;
}

/**
 * Numbered notes under a 技术要求 / NOTES heading, continuation lines joined to their note.
 * `lines` must be in reading order. A heading with text after its colon and no numbered lines
 * ("注：未注圆角R2") is one unnumbered note.
 */
export function notes(lines: readonly PageLine[], page: number): NoteSection {
  const found: NoteAnnotation[] = [];
  const used = new Set<number>();
  const lineHeight = median(lines.flatMap((l) => (l.box ? [l.box.height] : [])));
  for (let i = 0; i < lines.length; i++) {
    const heading = lines[i];
    const h = heading && HEADING.exec(heading.text);
    if (!heading || !h) continue;
    const section = h[1] ?? '';
    const inline = (h[2] ?? '').trim();
    // An English word like "Note" starting a sentence is a heading only with a colon or alone.
    if (inline !== '' && !/[:：]/.test(heading.text)) continue;
    used.add(heading.index);
    const sectionNotes: { note: NoteAnnotation; lines: PageLine[] }[] = [];
    const open = (number: number | null, text: string, line: PageLine): void => {
      sectionNotes.push({ note: { kind: 'note', page, section, number, text }, lines: [line] });
    };
    const first = inline === '' ? undefined : numbered(inline);
    if (first) open(first.number, first.text, heading);
    let previous = heading;
    let blank = false;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j];
      if (!line) break;
      if (line.text.trim() === '') {
        blank = true;
        continue;
      }
      if (!inColumn(line, heading, lineHeight)) continue;
      const elsewhere = HEADING.test(line.text) || matchLabel(line.text) !== undefined || /^\s*#|\|/.test(line.text);
      if (elsewhere || !follows(line, previous, lineHeight)) break;
      const item = numbered(line.text);
      const current = sectionNotes[sectionNotes.length - 1];
      if (item) open(item.number, item.text, line);
      else if (current && !blank) {
        current.note.text = `${current.note.text} ${line.text.trim()}`.trim();
        current.lines.push(line);
      } else break;
      used.add(line.index);
      previous = line;
      blank = false;
    }
    if (sectionNotes.length === 0 && inline !== '') open(null, inline, heading);
    for (const { note, lines: noteLines } of sectionNotes) {
      const box = unionBoxes(noteLines.flatMap((l) => (l.box ? [l.box] : [])));
      found.push(box ? { ...note, box } : note);
    }
    i = j - 1;
  }
  return { notes: found, lines: used };
}
