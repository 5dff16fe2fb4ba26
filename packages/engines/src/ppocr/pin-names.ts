import type { ReadLine } from './readings.ts';

/** A microcontroller's port pin as datasheets and schematics name it: P, the port's letter, its number (`PA0`, `PB12`, `PH1`). */
const PORT_PIN = /(?<![\p{L}\p{N}])P[A-K]\d{1,2}(?![\p{L}\p{N}])/gu;
/** A page names pins where it reads at least this many port pins. */
const LEAST_PINS = 2;

/**
 * A port's pin 0 with its zero read as the letter O (`PAO`, `PBO`, `PHO-OSC_IN`, `PAO-WKUP`),
 * which serif faces and small print often give. `PAO`, `PBO` and `PEO` also name polymers (a
 * lubricant's base oil, a fibre), so only on a page that names other pins.
 */
const PORT_ZERO = /(?<![\p{L}\p{N}])(P[A-K])O(?![\p{L}\p{N}])/gu;

/**
 * A pin or peripheral numbered from 0 whose 0 reads as O (`BOOTO`, `ADCO`, `UARTO`, `I2CO`): no
 * word ends so, on any page.
 */
const PERIPHERAL_ZERO = /(?<![\p{L}\p{N}])(BOOT|ADC|DAC|UART|USART|I2C)O(?![\p{L}\p{N}])/gu;

/** Lines with pins and peripherals numbered 0 read with an O mended (see PERIPHERAL_ZERO), and ports' pins 0 on a page of pin names (see PORT_ZERO). */
export function pinZeros(lines: ReadLine[]): ReadLine[] {
  const pins = new Set(lines.flatMap(({ text }) => text.match(PORT_PIN) ?? []));
  return lines.map((line) => {
    const peripherals = line.text.replace(PERIPHERAL_ZERO, '$10');
    const text = pins.size >= LEAST_PINS ? peripherals.replace(PORT_ZERO, '$10') : peripherals;
    return text === line.text ? line : { ...line, text };
  });
}
