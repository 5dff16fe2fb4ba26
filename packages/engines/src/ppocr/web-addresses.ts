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

/**
 * A web address's scheme read with a space inside (`htt ps://shop73023976.taobao.com` on a
 * Chinese module maker's page headers, `http s://`), and its `.com` read `.con` after a host.
 */
const SPACED_SCHEME = /(?<![A-Za-z])h ?t ?t ?p( ?s)? ?: ?\/\/(?=[A-Za-z0-9])/g;
/**
 * ...and read with a letter off before `://`: its t read l or e, or one t lost or doubled
 * (`hetp://` in a serial tool's window): no other scheme is spelt so (a defanged `hxxp://` is
 * written so on purpose, and stays).
 */
const MISREAD_SCHEME = /(?<![A-Za-z])h(?=[tle]{1,3}p)(?:[tle]{1,3})p(s?):\/\/(?=[A-Za-z0-9])/g;
const COM_AS_CON = /(?<=(?:https?:\/\/|www\.)[A-Za-z0-9.-]*[A-Za-z0-9]\.)con(?![A-Za-z0-9])/g;

/**
 * A host read with a space after its dots (`www. openedv. com` in a Chinese serial tool's window,
 * its UI font wide): after `www.` or a scheme, up to a top-level domain.
 */
const SPACED_HOST = /(?<![A-Za-z0-9])(?:https?:\/\/|www\. ?)(?:[A-Za-z0-9-]+\. ?)*[A-Za-z0-9-]+\. ?(?:com|net|org|cn|io|cc|edu|gov|tw|hk|jp|de|uk)(?![A-Za-z0-9])/g;

/** Closes up a web address's scheme and host read with spaces and mends its `.con` (see `SPACED_SCHEME`, `SPACED_HOST`). */
export function joinSchemes(text: string): string {
  const hosts = text.includes('. ') ? text.replace(SPACED_HOST, (host) => host.replaceAll('. ', '.')) : text;
  if (!hosts.includes('/')) return hosts;
  return hosts
    .replace(SPACED_SCHEME, (_, secure: string | undefined) => (secure ? 'https://' : 'http://'))
    .replace(MISREAD_SCHEME, (_, secure: string) => `http${secure}://`)
    .replace(COM_AS_CON, 'com');
}
