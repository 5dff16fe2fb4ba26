/**
 * A web address's top-level domain read with a capital (`https://github.Com/dandelin/vilt`,
 * `www.ti.Com`): the recogniser capitalises a word after a full stop, as it would start a sentence.
 * Only after a host's lower-case label and a dot, in an address (a scheme or `www.` before it, or a
 * path after it), so a sentence run into the next (`end.Com`) stays.
 */
const CAPITAL_DOMAIN = /((?:https?:\/\/|www\.)(?:[a-z0-9-]+\.)+|(?<![\w.])(?:[a-z0-9-]+\.)+(?=[A-Z][a-z]{1,3}\/))(Com|Org|Net|Edu|Gov|Int|Cn|Io|De|Uk|Jp)(?![A-Za-z0-9])/g;

/** Top-level domains of web addresses in small letters, as they are written. */
export function lowerDomains(text: string): string {
  return text.includes('.') ? text.replace(CAPITAL_DOMAIN, (_, host: string, domain: string) => host + domain.toLowerCase()) : text;
}
