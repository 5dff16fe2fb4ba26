/**
 * An e-mail address with a space read beside its @ (`bpf@ zurich.ibm.com`, `robert @ rschneider.ch`):
 * the @ sits apart from its neighbours in most faces, and the recogniser often reads the gap as a
 * space. Only where both sides are an address's: a local part, and a domain of dotted labels
 * ending in letters, so `3X @120°` and `2 @ 5.00` stay.
 */
const SPACED_AT = /(?<![\w.%+-])([\w.%+-]*[A-Za-z0-9])(?: @ ?| ?@ )([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})(?![\w-])/g;

/** E-mail addresses rejoined where a space was read beside the @. */
export function joinEmailAddresses(text: string): string {
  return text.includes('@') ? text.replace(SPACED_AT, '$1@$2') : text;
}
