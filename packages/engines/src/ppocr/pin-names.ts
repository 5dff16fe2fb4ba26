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
 * A pin or peripheral numbered from 0 whose 0 reads as O (`BOOTO`, `ADCO`, `UARTO`, `I2CO`,
 * `SPIO`, `TIMERO`): no word ends so, on any page.
 */
const PERIPHERAL_ZERO = /(?<![\p{L}\p{N}])(BOOT|ADC|DAC|UART|USART|I2C|I2S|SPI|TIMER|DMA)O(?![\p{L}\p{N}])/gu;
/** A timer's channel 0 read `CHO` after its timer (`TIMER1_CHO`); alone, CHO is a chemist's aldehyde group. */
const CHANNEL_ZERO = /(?<=_)CHO(?![\p{L}\p{N}])/gu;
/** A CAN bus 0 read `CANO`, on a page of pin names: Cano is a name. */
const CAN_ZERO = /(?<![\p{L}\p{N}])(CAN)O(?![\p{L}\p{N}])/gu;
/**
 * The I²C and I²S buses with their I read as a 1 (`12C0`, `12S`, GigaDevice's boards' guides
 * scanned), on a page of pin names: elsewhere `12S` is a battery of twelve cells in series, and
 * `12S1P` stays so anywhere.
 */
const BUS_ONE = /(?<![\p{L}\p{N}])12([CS])(?=[0-9O]?(?![\p{L}\p{N}]))/gu;

/**
 * Lines with pins, peripherals and timers' channels numbered 0 read with an O mended (see
 * PERIPHERAL_ZERO, CHANNEL_ZERO), and, on a page of pin names, ports' pins 0 (see PORT_ZERO), CAN
 * buses 0, and I²C and I²S buses read with a 1 (see BUS_ONE).
 */
export function pinZeros(lines: ReadLine[]): ReadLine[] {
  const pinPage = new Set(lines.flatMap(({ text }) => text.match(PORT_PIN) ?? [])).size >= LEAST_PINS;
  return lines.map((line) => {
    const buses = pinPage ? line.text.replace(BUS_ONE, 'I2$1') : line.text;
    const peripherals = buses.replace(PERIPHERAL_ZERO, '$10').replace(CHANNEL_ZERO, 'CH0');
    const text = pinPage ? peripherals.replace(PORT_ZERO, '$10').replace(CAN_ZERO, '$10') : peripherals;
    return text === line.text ? line : { ...line, text };
  });
}
