/**
 * Code identifiers joined by underscores (`uart_sig_0_sel`, `PAD_GPIO_10`), as register and pin
 * tables print them. Rendered in four faces at 14–22 px, clean and scanned, the recogniser read
 * a 0 standing alone between a lowercase identifier's underscores, or after its `=`, as O in
 * every face and size (`uart_sig_O_sel=O`, `gpio_cfg_O`), and put a space on one side of an
 * underscore or after an `=` in a third of the lines (`uart _sig`, `CHIP_ EN`, `PAD_GPIO _10`,
 * `MM _SPI_MISO`, `uart_sig_10_sel= 7`).
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
