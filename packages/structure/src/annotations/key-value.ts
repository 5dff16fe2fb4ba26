import type { Annotation } from '@ocr/contracts';
import type { Fragment } from '../layout/fragments.ts';

type KeyValueAnnotation = Extract<Annotation, { kind: 'key_value' }>;

// A short key with a letter or a Chinese character (so "1:2" and "12:30" are no keys), a colon
// not between two digits (`SECTION A-A SCALE 1:2` is a ratio), a value; URLs ("http://") are no pairs.
const PAIR = /^\s*(?:[-*]\s+)?(?:\*\*)?([^:：]{1,30}?)(?:\*\*)?\s*(?:(?<!\d)[:：]|[:：](?!\d))\s*(?!\/\/)(?:\*\*)?(\S.*?)(?:\*\*)?\s*$/;

/** "key: value" and "key：value" fragments, Chinese or English. */
export function keyValuePairs(fragments: readonly Fragment[], page: number): KeyValueAnnotation[] {
  const pairs: KeyValueAnnotation[] = [];
  for (const f of fragments) {
    const m = PAIR.exec(f.text);
    const key = m?.[1]?.trim() ?? '';
    const value = m?.[2]?.trim() ?? '';
    if (!m || !/[A-Za-z\u4e00-\u9fff]/.test(key) || key.split(/\s+/).length > 4 || value === '') continue;
    pairs.push({ kind: 'key_value', page, key, value, ...(f.box ? { box: f.box } : {}) });
  }
  return pairs;
}
