import type { ReadLine } from './readings.ts';

/**
 * A microcontroller's pin as datasheets and schematics name it: a port pin, P with the port's
 * letter and its number (`PA0`, `PB12`, `PH1`; NXP's Kinetis write PT, `PTA18`), a numbered GPIO (`GPIO_0`, `PAD_GPIO_10`,
 * `GPIO17`, Bouffalo's and Espressif's tables), or a bus's signal that a pin takes (`UART1_TXD`,
 * `I2C1_SCL`, `SPI_MISO`).
 */
const PIN =
  /(?<![\p{L}\p{N}])(?:PT?[A-K]\d{1,2}|GPIO_?\d{1,2}|(?:UART|USART|SPI|I2C|I2S|CAN|PWM)\d?_[A-Z][A-Z0-9]*)(?![\p{L}\p{N}])/gu;
/** A page names pins where it reads at least this many pins. */
const LEAST_PINS = 2;

/**
 * A port's pin 0 with its zero read as the letter O (`PAO`, `PBO`, `PHO-OSC_IN`, `PAO-WKUP`),
 * which serif faces and small print often give. `PAO`, `PBO` and `PEO` also name polymers (a
 * lubricant's base oil, a fibre), so only on a page that names other pins. Not port I's: PIO is
 * a parallel I/O's name (`NVCC_GPIO` read `NVCC_G PIO` on a page of Kinetis pins).
 */
const PORT_ZERO = /(?<![\p{L}\p{N}])(P[A-HJK])O(?![\p{L}\p{N}])/gu;

/**
 * A pin or peripheral numbered from 0 whose 0 reads as O (`BOOTO`, `ADCO`, `UARTO`, `USBO_DP`,
 * `I2CO`, `SPIO`, `TIMERO`): no word ends so, on any page.
 */
const PERIPHERAL_ZERO = /(?<![\p{L}\p{N}])(BOOT|ADC|DAC|UART|USART|USB|I2C|I2S|SPI|TIMER|DMA|PWM|(?:SW)?GPIO)O(?![\p{L}\p{N}])/gu;
/** UART 0's pins written short, U0, with the 0 read as O (`UORXD`, `UOTXD`: Espressif's reference schematics): no word starts so. */
const SHORT_UART_ZERO = /(?<![\p{L}\p{N}])UO(?=(?:[RT]XD|RTS|CTS)(?![\p{L}\p{N}]))/gu;
/**
 * A bus numbered 1 read with an I or l (`UARTI_RTS`, `SPIl`), as a serial port's data lines
 * (`TXDI`, `RXDI`, ATGM332D's pins in a serif face): no word ends so either.
 */
const PERIPHERAL_ONE = /(?<![\p{L}\p{N}])(UART|USART|I2C|I2S|SPI|TIMER|PWM|TXD|RXD)[Il](?![\p{L}\p{N}])/gu;
/**
 * A satellite receiver's pulse per second, `1PPS`, read `IPPS` (ATGM332D's pin table and
 * schematic in a serif face), on a page about satellite positioning: elsewhere IPPS may be a
 * printer's protocol or a payment system.
 */
const PULSE_PER_SECOND = /(?<![\p{L}\p{N}])[Il](?=PPS(?![\p{L}\p{N}:]))/gu;
const SATELLITES = /GPS|GNSS|BDS|GLONASS|Galileo|北斗|卫星|授时|定位|NMEA/u;
/**
 * A supply pin's DD read with an O (`VDOIO`, `VOOIO`, `VODBUS`, `AVDO33`, Bouffalo's tables at
 * 150 dpi): before IO, CORE, BUS or a number no V and O make a name.
 */
const SUPPLY_DD = /(?<![\p{L}\p{N}])([AD]?V)(?:DO|OD|OO)(?=IO|CORE|BUS|\d)/gu;
/** ...and a supply named alone so (`PVOD = 3 V` in NXP's MFRC522, scanned) where its page reads the name with DD. */
const SUPPLY_DD_ALONE = /(?<![\p{L}\p{N}])([A-Z]?V)(?:DO|OD|OO)(?![\p{L}\p{N}])/gu;
const SUPPLY_NAME = /(?<![\p{L}\p{N}])[A-Z]?VDD(?![\p{L}\p{N}])/gu;
/**
 * A timer's channel 0 read `CHO` after its timer (`TIMER1_CHO`), and a PWM's pair of outputs
 * `CH0P` and `CH0N` read `CHOP`, `CHON` (`PWM0_CHOP`); alone, CHO is a chemist's aldehyde group.
 */
const CHANNEL_ZERO = /(?<=_CH)O(?=[PN]?(?![\p{L}\p{N}]))/gu;
/**
 * A GPIO's O read as a zero before its number (`SWGPI01` for SWGPIO1, `GPI010`, `引脚是 GPI02`),
 * on any page: a general-purpose input's name GPI goes on with its own number, not with a 0. So
 * too an I/O supply's (`VDDI02` for VDDIO2).
 */
const GPIO_O = /(?<![\p{L}\p{N}])((?:SW)?GPI|VDDI|VCCI)0(?=\d|_\d)/gu;
/** An I/O supply's O read as a zero (`VDD_I0`, AT6558's pin table scanned): a supply takes no number 0 after its I. */
const SUPPLY_IO = /(?<=(?<![\p{L}\p{N}])[AD]?V(?:DD|CC)_?)I0(?![\p{L}\p{N}])/gu;
/** A numbered I/O supply's IO read as a 10 (`VDD_100`, `VDD_101` for VDD_IO0 and VDD_IO1, Sony's CXD5605GF). */
const SUPPLY_IO_NUMBER = /(?<=(?<![\p{L}\p{N}])[AD]?V(?:DD|CC)_)1[0O](?=\d(?![\p{L}\p{N}]))/gu;
/**
 * A numbered LDO's output with its O read as a zero or its number 0 as an O (`LD02_OUT`,
 * `LDOO_OUT`): before an underscore or standing alone, no other name is spelt so.
 */
const LDO_DIGIT = /(?<![\p{L}\p{N}])LD0(?=\d(?:_|(?![\p{L}\p{N}])))/gu;
const LDO_ZERO = /(?<=(?<![\p{L}\p{N}])LDO)O(?=_|(?![\p{L}\p{N}]))/gu;
/** A GPIO's number with a 0 read as O (`GPIO1O`; `GPIO_1O` but not `GPIO_O`, which may be an output). */
const GPIO_NUMBER = /(?<=(?<![\p{L}\p{N}])(?:SW)?GPIO)(?:[0-9O]*O[0-9O]*|_(?=[0-9O]*\d)[0-9O]*O[0-9O]*)(?![\p{L}\p{N}])/gu;
/**
 * Numbered units whose 0 reads as O before a signal, on a page of pin names: cameras and serial
 * flash (`CAMO_DAT`, `SFO_CS`; alone, camo and SFO are words), and Bouffalo's cores M0 and D0
 * before their JTAG pins (`MO_JTAG_TMS`; DO_ may be a data output's).
 */
const UNIT_ZERO = /(?<![\p{L}\p{N}])(CAM|SF)O(?=_[A-Z])|(?<![\p{L}\p{N}])([MD])O(?=_JTAG)/gu;
/**
 * A pin's type DI/DO (digital in and out) or JTAG's TDI/TDO with the `I/` read as a V or U
 * (`DVDO`, `DIVDO`, `DUDO`), as I²S's DI before its second name (`I2S_DVI2S_RCLK_O`).
 */
const IN_OUT = /(?<![\p{L}\p{N}])(T?D)I?[VU](?=T?DO(?![\p{L}\p{N}]))|(?<=I2S_D)I?[VU](?=I2S_)/gu;
/** I²S's second name after its DI with its I lost beside the slash (`I2S_DI/2S_RCLK_O`). */
const I2S_AFTER_SLASH = /(?<=I2S_DI\/)(?=2S_)/gu;
/** A CAN bus 0 read `CANO`, on a page of pin names: Cano is a name. */
const CAN_ZERO = /(?<![\p{L}\p{N}])(CAN)O(?![\p{L}\p{N}])/gu;
/**
 * The I²C and I²S buses with their I read as a 1 (`12C0`, `12S`, GigaDevice's boards' guides
 * scanned), on a page of pin names or in a line that names another bus (`SPI, 12C, 12S, UART`, a
 * datasheet's features): elsewhere `12S` is a battery of twelve cells in series, `12C` twelve
 * degrees, and `12S1P` stays so anywhere.
 */
const BUS_ONE = /(?<![\p{L}\p{N}])12([CS])(?=[0-9O]?(?![\p{L}\p{N}]))/gu;
/** ...and anywhere before a signal of theirs (`12C0_SDA`, `12C SCL`, `12S_WS`): Sony's CXD5605GF pin table scanned. */
const BUS_SIGNAL_ONE = /(?<![\p{L}\p{N}])12([CS])(?=[0-9O]?[_ ](?:SDA|SCL|SCK|WS|SD|MCLK|BCLK|LRCK)(?![\p{L}\p{N}]))/gu;
const OTHER_BUS = /(?<![\p{L}\p{N}])(?:UART|USART|SPI|QSPI|SDIO|USB|CAN|I2C|I2S|JTAG|SWD|PWM|ADC|DAC|GPIO|EMAC)\d?(?![\p{L}])/u;
/** ...or on a page that names the bus itself, read with its I (`10.4 I2C Bus Interface` above `pins EA, 12C and NRESET` in NXP's MFRC522, scanned). */
const BUS_NAMED = /(?<![\p{L}\p{N}])I[2²]([CS])(?![\p{L}])/gu;
/**
 * A module's pin named IO and its number (`IO15`, `IO7`: Espressif's, Ai-Thinker's and Sipeed's
 * boards), its I or O read as a digit or the other letter: `I010`, `I07`, `lO5`, `1O2`, and, on a
 * header of such pins, `1015` (Sipeed's MF1 pin map in a serif face read `1015 1014 … I010 I07`).
 */
const IO_PIN_SURE = /(?<![\p{L}\p{N}])(?:I[0O]|l[0O]|1O)(\d{1,2})(?![\p{L}\p{N}])/gu;
/**
 * ...as 10 and two digits, which is a number too: only on a page with two or more such pins read
 * surely (see LEAST_IO_PINS), up to IO47, and not before a unit (`1024 KB`).
 */
const IO_PIN_TWO_DIGITS = /(?<![\p{L}\p{N}.,])10([0-4]\d)(?![\p{L}\p{N}.,])(?!\s?(?:[kKMGT]?i?B|bytes?|bits?|[kKMG]?Hz|m?[AVW]|[×x*]))/gu;
/** A page names such pins where it reads this many read with a letter (see IO_PIN_SURE), or named right. */
const LEAST_IO_PINS = 2;
const IO_PIN = /(?<![\p{L}\p{N}])IO\d{1,2}(?![\p{L}\p{N}])/gu;

/**
 * A Kinetis port's pin or a supply pin read with spaces in it, as small print on a schematic at
 * screen resolution gives them (Teensy's schematics at 72 ppi: `PTC 2`, `PT D 6`, `P TA 1`, `VD D`,
 * `VS SA`: the blanks between its glyphs there are whole pixels, as wide as a word's), on a page
 * of pin names.
 */
const SPACED_PORT_PIN = /(?<![\p{L}\p{N}])P ?T ?([A-E]) ?(\d{1,2})(?![\p{L}\p{N}])/gu;
const SPACED_SUPPLY = /(?<![\p{L}\p{N}])([AD]?V)([DS]) ?\2(A?)(?![\p{L}\p{N}])/gu;

/**
 * Lines with pins, peripherals and timers' channels numbered 0 read with an O mended (see
 * PERIPHERAL_ZERO, SHORT_UART_ZERO, CHANNEL_ZERO), buses numbered 1 read with an I
 * (PERIPHERAL_ONE), supplies' DD read with an O (SUPPLY_DD; alone, where the page reads the name,
 * SUPPLY_DD_ALONE), GPIOs' and
 * I/O supplies' O read as 0 (GPIO_O, SUPPLY_IO, SUPPLY_IO_NUMBER), LDOs' O and 0 (LDO_DIGIT,
 * LDO_ZERO), I²C's and I²S's I before their signals (BUS_SIGNAL_ONE), and on a page naming I²C or
 * I²S with its I the bus read with a 1 (BUS_NAMED); on a page about satellites a receiver's 1PPS
 * read with an I (PULSE_PER_SECOND); on a page of IO pins their names (IO_PIN_SURE,
 * IO_PIN_TWO_DIGITS); on a page of pin names also ports' pins 0 (see PORT_ZERO), CAN buses,
 * cameras, flash and cores 0 (UNIT_ZERO), GPIOs' numbers (GPIO_NUMBER), the types DI/DO and
 * TDI/TDO (IN_OUT, I2S_AFTER_SLASH), pins and supplies read with spaces (SPACED_PORT_PIN,
 * SPACED_SUPPLY), and I²C and I²S buses read with a 1, there or beside another bus (see BUS_ONE).
 */
export function pinZeros(lines: ReadLine[]): ReadLine[] {
  const pinPage = new Set(lines.flatMap(({ text }) => text.match(PIN) ?? [])).size >= LEAST_PINS;
  const ioPage = lines.reduce((n, { text }) => n + (text.match(IO_PIN_SURE)?.length ?? 0) + (text.match(IO_PIN)?.length ?? 0), 0) >= LEAST_IO_PINS;
  const satellitePage = lines.some(({ text }) => SATELLITES.test(text));
  const named = new Set(lines.flatMap(({ text }) => [...text.matchAll(BUS_NAMED)].map((match) => match[1]!)));
  const supplies = new Set(lines.flatMap(({ text }) => text.match(SUPPLY_NAME) ?? []));
  return lines.map((line) => {
    const besideBus = pinPage || OTHER_BUS.test(line.text);
    const buses = line.text.replace(BUS_ONE, (match, bus: string) => (besideBus || named.has(bus) ? `I2${bus}` : match));
    const pulses = satellitePage ? buses.replace(PULSE_PER_SECOND, '1') : buses;
    const peripherals = pulses
      .replace(PERIPHERAL_ZERO, '$10')
      .replace(SHORT_UART_ZERO, 'U0')
      .replace(PERIPHERAL_ONE, '$11')
      .replace(SUPPLY_DD, '$1DD')
      .replace(SUPPLY_DD_ALONE, (name, supply: string) => (supplies.has(`${supply}DD`) ? `${supply}DD` : name))
      .replace(CHANNEL_ZERO, '0')
      .replace(GPIO_O, '$1O')
      .replace(SUPPLY_IO, 'IO')
      .replace(SUPPLY_IO_NUMBER, 'IO')
      .replace(LDO_DIGIT, 'LDO')
      .replace(LDO_ZERO, '0')
      .replace(BUS_SIGNAL_ONE, 'I2$1');
    const ioPins = ioPage ? peripherals.replace(IO_PIN_SURE, 'IO$1').replace(IO_PIN_TWO_DIGITS, 'IO$1') : peripherals;
    const text = pinPage
      ? ioPins
          .replace(PORT_ZERO, '$10')
          .replace(CAN_ZERO, '$10')
          .replace(GPIO_NUMBER, (number) => number.replaceAll('O', '0'))
          .replace(UNIT_ZERO, (_, unit: string | undefined, core: string | undefined) => `${unit ?? core}0`)
          .replace(IN_OUT, '$1I/')
          .replace(I2S_AFTER_SLASH, 'I')
          .replace(SPACED_PORT_PIN, 'PT$1$2')
          .replace(SPACED_SUPPLY, '$1$2$2$3')
      : ioPins;
    return text === line.text ? line : { ...line, text };
  });
}
