import type { ReadLine } from './readings.ts';

/**
 * Code identifiers joined by underscores (`uart_sig_0_sel`, `PAD_GPIO_10`), as register and pin
 * tables print them. Rendered in four faces at 14–22 px, clean and scanned, the recogniser read
 * a 0 standing alone between a lowercase identifier's underscores, or after its `=`, as O in
 * every face and size (`uart_sig_O_sel=O`, `gpio_cfg_O`), and put a space on one side of an
 * underscore or after an `=` in a third of the lines (`uart _sig`, `CHIP_ EN`, `PAD_GPIO _10`,
 * `MM _SPI_MISO`, `uart_sig_10_sel= 7`). Scanned, a part's last thin letter went unread now and
 * then (`uar_sig_10_sel`), which the page's other readings tell.
 */

/**
 * A space on one side only of a lone underscore between letters or digits. With spaces on both
 * sides the underscore stands apart (a blank, `a _ b`); a form's blank is a run of them.
 */
const ONE_SIDED_SPACE = /(?<=[A-Za-z0-9])(?: _(?=[A-Za-z0-9])|_ (?=[A-Za-z0-9]))/g;
/** A space read after an identifier's `=` before its value, with none before it (`uart_sig_10_sel= 7`). */
const SPACE_AFTER_EQUALS = /(?<=[A-Za-z0-9]_[A-Za-z0-9_]*=) (?=[0-9])/g;
/**
 * An O alone as a part of a lowercase identifier (which may hold other such Os), or as the value
 * after its `=`: a zero. Capitals' `_O` stays, an output's suffix (`DBI_SCL_O`, `I2S_RCLK_O`).
 */
const ZERO_PART = /(?<=(?<![A-Za-z0-9_])[a-z][a-z0-9_O]*[_=])[Oo](?![A-Za-z0-9])/g;

/** Mends identifiers joined by underscores as read (see ONE_SIDED_SPACE, SPACE_AFTER_EQUALS, ZERO_PART). */
export function fixSnakeCase(text: string): string {
  return text.replace(ONE_SIDED_SPACE, '_').replace(SPACE_AFTER_EQUALS, '').replace(ZERO_PART, '0');
}

/** An identifier joined by underscores, whole. */
const IDENTIFIER = /(?<![A-Za-z0-9_])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?![A-Za-z0-9_])/g;
/** Thin letters the recogniser leaves unread before an underscore or an `=` (`uar_sig`, `_se=3`). */
const THIN = ['l', 't', 'i', 'I'];
/** Letters it reads one for another (`_sei=`, `Len_Isb`); not digits, which tell a table's rows apart. */
const STROKES = 'ilI';
/** A mended identifier's shape is read at least this often on its page, and more often than the one read. */
const LEAST_AGREEING = 2;

/** An identifier with its numbers as `#`: a table's rows name the same register or signal with other numbers. */
const shape = (identifier: string) => identifier.replace(/\d+/g, '#');

/**
 * A name in capitals read with spaces for the underscores a wire drawn along it hid, or with a
 * space inside a part (small print at screen resolution), as the page reads it elsewhere
 * (Espressif's reference schematics: `LNA IN`, `XTAL P`, `CHIP PU` beside `LNA_IN`, `XTAL_P`,
 * `CHIP_PU`; Teensy's `NVCC_G PIO` beside `NVCC_GPIO`); its parts letters and digits, none a number
 * alone, which a heading may set apart (`GPIO 0`), and a space inside a part parts two runs of
 * letters and digits, each with a letter, the second no name the page reads. Only in lines of
 * labels, with no small letter: prose writes signals with spaces (`the UART TX pin`).
 */
const CAPITALS_NAME = /^[A-Z][A-Z0-9]*(?:_(?=[A-Z0-9]*[A-Z])[A-Z0-9]+)+$/;

/** The page's lines with names in capitals read with spaces in them as it reads them whole (see CAPITALS_NAME). */
function spacedNames(lines: readonly ReadLine[]): ReadLine[] {
  const names = new Set(lines.flatMap(({ text }) => text.match(IDENTIFIER) ?? []).filter((name) => CAPITALS_NAME.test(name)));
  if (names.size === 0) return [...lines];
  const spaced = new Map([...names].map((name) => [name.replaceAll('_', ' '), name]));
  const pattern = new RegExp(`(?<![A-Za-z0-9_])(?:${[...spaced.keys()].sort((a, b) => b.length - a.length).join('|')})(?![A-Za-z0-9_])`, 'g');
  const halves = (before: string, after: string) => /[A-Z]/.test(before) && /[A-Z]/.test(after) && names.has(before + after) && !names.has(after);
  return lines.map((line) => {
    if (/[a-z]/.test(line.text)) return line;
    const words = line.text.replace(pattern, (found) => spaced.get(found)!).split(' ');
    const joined: string[] = [];
    for (const word of words) {
      if (joined.length > 0 && halves(joined.at(-1)!, word)) joined[joined.length - 1] += word;
      else joined.push(word);
    }
    const text = joined.join(' ');
    return text === line.text ? line : { ...line, text };
  });
}

/**
 * Identifiers read with a part's last thin letter lost (`uar_sig_10_sel` among a pin table's
 * `uart_sig_10_sel`, `uart_sig_3_se` among `uart_sig_3_sel`), or with an i, l or I for another
 * (`uart_sig_3_sei`), are read as the page reads them with it, whatever their numbers, at least
 * LEAST_AGREEING times and more often; and names read with spaces in them as the page reads them
 * (see CAPITALS_NAME).
 */
export function agreeingIdentifiers(lines: readonly ReadLine[]): ReadLine[] {
  lines = spacedNames(lines);
  const counts = new Map<string, number>();
  for (const { text } of lines) for (const identifier of text.match(IDENTIFIER) ?? []) counts.set(shape(identifier), (counts.get(shape(identifier)) ?? 0) + 1);
  const mend = (identifier: string): string => {
    let best = { whole: identifier, agreeing: Math.max(LEAST_AGREEING - 1, counts.get(shape(identifier)) ?? 0) };
    const parts = identifier.split('_');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (/^\d+$/.test(part)) continue;
      const others = THIN.map((letter) => part + letter);
      for (let at = 0; at < part.length; at++) {
        if (STROKES.includes(part[at]!)) for (const stroke of STROKES) if (stroke !== part[at]) others.push(part.slice(0, at) + stroke + part.slice(at + 1));
      }
      for (const other of others) {
        const whole = parts.map((p, k) => (k === i ? other : p)).join('_');
        const agreeing = counts.get(shape(whole)) ?? 0;
        if (agreeing > best.agreeing) best = { whole, agreeing };
      }
    }
    return best.whole;
  };
  return lines.map((line) => {
    const text = line.text.replace(IDENTIFIER, mend);
    return text === line.text ? line : { ...line, text };
  });
}
