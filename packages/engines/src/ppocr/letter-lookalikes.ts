/** One run of Latin letters and digits: a word or a code. */
const TOKEN = /[A-Za-z0-9]+/g;
const LOWERCASE_BUT_L = /[a-km-z]/;
const CAPITALS = /[A-Z]/g;
/** `Cl` is chlorine (`HCl`), so an l after C stays. */
const LOOKALIKE_L = /(?<!C)l/g;

/**
 * In sans-serif capitals the recogniser often reads I as l (`AlSl 304`, `lSO 9001`, `DlN`). A
 * token whose only lowercase letter is l and that holds at least two capitals is written in
 * capitals, so its l is an I. One capital is not enough: `Al` is aluminium.
 */
export function fixCapitalI(text: string): string {
  return text.replace(TOKEN, (token) => {
    if (!token.includes('l') || LOWERCASE_BUT_L.test(token) || (token.match(CAPITALS)?.length ?? 0) < 2) return token;
    return token.replace(LOOKALIKE_L, 'I');
  });
}

/** `AIST 304`: the last I of AISI read as T, where only a steel grade can follow. */
const AISI_GRADE = /\bAIST(?= ?\d{3,4}[A-Z]?(?![\w-]|\.\d))/g;

/** Mends AISI before a steel grade: the recogniser sometimes ends it with T, and AIST names no steel. */
export function fixAisi(text: string): string {
  return text.replace(AISI_GRADE, 'AISI');
}
