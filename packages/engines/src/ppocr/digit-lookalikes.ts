/**
 * A run of digits, number punctuation and o/O, l/I/i standing alone (not part of a Latin word or
 * code); Chinese runs straight into numbers (`厚度为o.5`, `共1o件`). The Cyrillic З and the Greek
 * Ο, which the dictionary holds, are drawn as a 3 and an O (`SEPTEMBER 199З` on a scan).
 */
const NUMBER_LIKE = /(?<![\p{Script=Latin}\p{N}])[\d.,:/+\-±×%°()oOlIiЗΟ]+(?![\p{Script=Latin}\p{N}])/gu;
const ZERO_LOOKALIKES = /[oOΟ]/g;
/**
 * A pin named IO and its number (`IO2`, `IO15`: ESP32 boards' and Flash chips' pins), no number
 * with its 1 and 0 misread; nor is a token naming I/O (`8051-I/O`).
 */
const IO_PIN = /^IO\d{1,2}$|I\/O/;
/** l, I or i with a digit or decimal mark on both sides (`2l0`, `0.l5`); at a token's end it may be a unit (`5l`). */
const ONE_BETWEEN_DIGITS = /(?<=[\d.,])[lIi](?=[\d.,])/g;
/** A number's first 1 read as l before two digits or more (`+=l00;` in a Courier code listing scanned bilevel); after a number an l is a litre. */
const LEADING_ONE = /^l(?=\d{2})/;
/**
 * An amount whose thousands commas read as points, all or some (`99.878.08` for `99,878.08`,
 * `509.510,514.92`): groups of three between points or commas and two decimals after a last point,
 * which no way of writing numbers gives.
 */
const THOUSANDS_AS_POINTS = /(?<![\p{Script=Latin}\p{N}.,])\d{1,3}(?:[.,]\d{3})+(?=\.\d{1,2}(?![\p{N}.,]))/gu;
/**
 * An amount set in a spaced typewriter face, read with a space after each separator (`35, 498, 648. 64`):
 * thousands groups and two decimals. A list of numbers has no space-split decimals after it.
 */
const SPACED_AMOUNT = /(?<![\p{Script=Latin}\p{N}.,])\d{1,3}(?:, ?\d{3})+\. ?\d{2}(?![\p{N}.,])/gu;
/**
 * A decimal point after three digits or more, which no list or section number has, read with a
 * space before its one or two decimals (a scanned statement's `4890063. 81`): Song faces set the
 * point at the left of a digit's cell, leaving the blank of a space after it. A comma read as a
 * point before a list's next number of three digits (`[461. 149]`) keeps its space.
 */
const SPACED_DECIMALS = /(?<=\d{3}\.) (?=\d{1,2}(?!\p{N}))/gu;
/** A percentage run into the number after it (`13.73%13.23%`): the space between them is read as none now and then. */
const PERCENT_RUN_ON = /(?<=\d%)(?=\d)/g;
/** A metric thread or a radius whose first digit reads as a letter (`Mi6`, `Ml2`, `RI5`). */
const THREAD_ONE = /(?<![\p{Script=Latin}\p{N}])(M|S?R)[lIi](?=\d)/gu;
/** A radius or chamfer under one whose 0 reads as a letter (`RO.5`, `SRO,8`, `CO.5`, `2xRo.2`). */
const SIZE_ZERO = /(?:(?<![\p{Script=Latin}\p{N}])|(?<=\d[xX×]))(S?R|C)[oO](?=[.,]\d)/gu;

/**
 * A zero read as a capital O before a unit, alone (`Trans Fat Og`, `Cholesterol Omg`, `O%` on a
 * nutrition label or a spec sheet's table): no English word is spelt so, a name such as Og aside.
 * Units of one capital (`OV`, `OA`: overvoltage, open area) are left out.
 */
const ZERO_UNIT = /(?<![\p{Script=Latin}\p{N}])O(?=(?:mg|g|kg|mm|cm|ml|mL|%|mA|mV|mW|kW|kV|Hz|kHz|MHz|kPa|MPa|Nm|rpm)(?![\p{Script=Latin}\p{N}]))/gu;
/** ...but after an equals sign, a condition's value (`VIN = OV`, Atmel's AT24C02 pin capacitance). */
const ZERO_VALUE_UNIT = /(?<== ?)O(?=[VA](?![\p{Script=Latin}\p{N}]))/gu;
/**
 * A number's zeros after its first digit read as O straight before an electrical unit or a
 * size's (`50OuA`, a charging current in AT6558's datasheet scanned; `1OOnF`, `2OmA`, `1OOms`).
 */
const ZEROS_BEFORE_UNIT =
  /(?<=(?<![\p{Script=Latin}\p{N}.,])\d[\d.,]*)[oO][\doO]*(?=(?:[uµμnpmkM]?[AVWF]|[uµμnm]H|[kM]?Ω|[kMG]?Hz|[mµμun]s|dBm?|mm|cm|km|kg|mg|ppm|mAh|[kM]?bps)(?![\p{Script=Latin}\p{N}]))/gu;
/**
 * A hexadecimal number's leading zero read as O before capital hex digits and an `h` (a
 * datasheet's register address, `COUNTER_BDR_REG2 (OCh)`).
 */
const HEX_ZERO = /(?<![\p{Script=Latin}\p{N}])[oO](?=[0-9A-F]{1,3}h(?![\p{Script=Latin}\p{N}]))/gu;
/**
 * ...and such a number's zeros read as o or O anywhere where it holds a digit or nothing but
 * them (`ooh indicates a bit collision` for 00h in NXP's MFRC522, scanned; `1Oh`): `Oh` alone
 * stays, and letters with no digit (`BOOh`) are no number.
 */
const HEX_H = /(?<![\p{Script=Latin}\p{N}])(?=[0-9A-FoO]*[oO])(?:[0-9A-FoO]*\d[0-9A-FoO]*|[oO]{2,4})(?=h(?![\p{Script=Latin}\p{N}]))/gu;
/** ...and in capitals, with an H (`0OH`, `OOH-FFH`: an address's range in Ebyte's E32 manual): `OH` alone stays. */
const HEX_CAPITAL_H = /(?<![\p{Script=Latin}\p{N}])(?=[0-9A-FO]*O)(?:[0-9A-FO]*\d[0-9A-FO]*|O{2,4})(?=H(?![\p{Script=Latin}\p{N}]))/gu;
/**
 * A binary number written with `0b` whose zeros read as O (`"ObO0"`, a divider's setting in
 * Lattice's iCE40 oscillator guide): two digits at least after the b, one of them a real 0 or 1.
 */
const BINARY_LITERAL = /(?<![\p{Script=Latin}\p{N}])[0oO]b(?=[01oO]*[01])[01oO]{2,64}(?![\p{Script=Latin}\p{N}])/gu;
/**
 * A hexadecimal number written with `0x` whose zeros read as O, the first or among its digits
 * (`Ox6A`, `OxO20d`, an error code in Bouffalo's ISP protocol; `OXAE` among capitals, its X kept
 * as read): at least one digit is a real hex
 * digit, so no word is spelt so (`Oxford`'s letters after the x are not all hex, `OxO` has none).
 */
const HEX_LITERAL = /(?<![\p{Script=Latin}\p{N}])[0oO][xX](?=[0-9A-Fa-fO]*[0-9A-Fa-f])[0-9A-Fa-fO]{1,16}(?![\p{Script=Latin}\p{N}])/gu;
/**
 * ...and its 1s read as l or I (`0xl1`, `0xll`: a block's address in a Chinese module's guide,
 * scanned), after a real 0 and where it holds another digit or nothing but them: `0xlade` stays.
 */
const HEX_LITERAL_ONE = /(?<![\p{Script=Latin}\p{N}])0[xX](?:(?=[0-9A-Fa-flI]*[0-9])(?=[0-9A-Fa-f]*[lI])[0-9A-Fa-flI]{1,16}|[lI]{1,8})(?![\p{Script=Latin}\p{N}])/gu;
/**
 * A hexadecimal number's x read as a times sign (`0×2000`, a packet's size in ATGM's upgrade
 * protocol): nothing is multiplied by 0, so two hex digits or more after it make it a 0x.
 */
const HEX_TIMES = /(?<![\p{Script=Latin}\p{N}.,])0×(?=[0-9A-Fa-f]{2,}(?![\p{Script=Latin}\p{N}°.,]))/gu;
/**
 * A range's first bound 0 read as O (`millivolts O to 1000`, `volts O to 5.0` in a SiRF protocol's
 * table, scanned), and an array's index 0 read as O (`Sensors[O].SensorType`): no word is an O
 * standing alone before `to` and a number, and an O in brackets straight after a name is its index.
 */
const RANGE_ZERO = /(?<![\p{L}\p{N}.,])[oO](?= (?:to|-|–) ?-?\d)/gu;
const INDEX_ZERO = /(?<=[\p{L}\p{N}_]\[)[oO](?=\])/gu;
/** A bit numbered 0 read as O (`Data Terminal Ready (Bit O)`, `Bit o is set`: Rockwell's R6551, scanned). */
const BIT_ZERO = /(?<=(?<!\p{L})(?:[Bb]its?|BITS?) )[oO](?![\p{L}\p{N}])/gu;
/**
 * A bit's 0 read as o among a register table's bits set a space apart (`0 1 1 o`, R6522's register
 * addressing scanned): three bits at least, two of them read as digits.
 */
const BIT_RUN = /(?<![\p{L}\p{N}.,])[01oO](?: [01oO]){2,}(?![\p{L}\p{N}.,])/gu;
const BIT_DIGITS = 2;
/**
 * ...and a bit's value quoted in prose (`a "o" causes the output to go low`, `A "o' in a bit`): a
 * small o alone after a double quote is no word. A capital O stays (`"O" ring`), and so does a
 * code's character in single quotes (`'o'`).
 */
const QUOTED_ZERO = /(?<=["“”])o(?=["“”'‘’])/gu;
/**
 * A range's `to` with its o read as a zero (`-40℃ t0 +85℃`, Rockwell's datasheets scanned):
 * between a quantity with its unit and a number, a t0 is no time's name.
 */
const RANGE_TO = /(?<=\d ?(?:°[CF]?|℃|℉|%|[mµμk]?[VAW]|[kM]?Hz|[mµμn]?s) )t0(?= ?[+\-−]? ?\d)/gu;
/** A percentage whose first digit 5 reads as an S (`Vitamin A S0%`). */
const FIVE_PERCENT = /(?<![\p{Script=Latin}\p{N}])S(?=\d+(?:[.,]\d+)?%)/gu;

/** A currency's sign or code before an amount (Malaysia's ringgit, `RM`, on receipts). */
const CURRENCY = String.raw`(?:RM|MYR|USD|\$|¥|￥|€|£)`;
/** An amount's zero read as an O straight after its currency (`RMO. 23`, `RMO.00`). */
const CURRENCY_ZERO = new RegExp(String.raw`(?<=(?<![\p{L}\p{N}])${CURRENCY} ?)[oO](?=[.,] ?\d)`, 'gu');
/**
 * A receipt's amount read with a space after its point, or between its two decimals, as a
 * monospaced printer sets them (`RM 5. 83`, `RM4. 0 0`): after a currency the point is a decimal
 * point, which no list number follows.
 */
const CURRENCY_DECIMALS = new RegExp(String.raw`(?<=(?<![\p{L}\p{N}])${CURRENCY} ?\d[\d,]*\.(?: ?\d)?) (?=\d(?: ?\d)?(?!\p{N}|[.,]\d))`, 'gu');
/** A percentage's two decimals read apart from its point (`GST 6. 00 %`). */
const PERCENT_DECIMALS = /(?<=\d\.) (?=\d{2} ?%)/g;
/** A number sign, `No`, read with a zero before its stop or colon (`GST REG N0:`, `INVOICE N0 :`): in capitals after capitals. */
const NUMBER_SIGN = /(?<![\p{L}\p{N}])N0(?= ?[.:])/gu;

/**
 * A designation's number whose 0 reads as a letter after its first digit (`DN5O`, `PN1O`, `SCH4O`,
 * `AISI3O4`, `M1O`, `M16x6O`, `Ø2O`): capitals, or a thread's, radius's or diameter's sign, then
 * digits, with a decimal part or a length after an x. One capital alone is left, as chemistry
 * writes H2O and B2O3.
 */
const DESIGNATION_ZERO = /(?<![\p{Script=Latin}\p{N}])([A-Z]{2,4}|[MRØΦφ])(\d[\doO]*(?:[.,xX×][\doO]+)*)(?![\p{Script=Latin}\p{N}])/gu;

/**
 * The recogniser often reads the digit 0 as the letter o inside numbers (`5oo hours`, `o.o5 mm`),
 * and now and then 1 as l, I or i, more so on coarse scans (`2l0 Nm`, `Mi6`). In a token made
 * only of digits, number punctuation and those letters, with at least one digit, every o is a
 * zero, a З a three, and an l, I or i between digits is a one, as is one after a thread's M or a
 * radius's R; an o after a radius's R or a chamfer's C, before a decimal part, is a zero, and so
 * is one in a designation's number, and a lone O before a unit, among a register's bits, quoted
 * as one or numbering one; an S opening a percentage is a five, and a range's `to` read `t0` is
 * mended. Small print reads a comma as a point: where that leaves an amount no convention
 * writes, its thousands separators are commas again. An amount read with a space after each of
 * its separators is closed up, as are the decimals of a long number read apart, and a percentage
 * run into the next number is set apart from it.
 */
export function fixDigitLookalikes(text: string): string {
  return text
    .replace(NUMBER_LIKE, (token) => (/\d/.test(token) && !IO_PIN.test(token) ? token.replace(ZERO_LOOKALIKES, '0').replaceAll('З', '3').replace(ONE_BETWEEN_DIGITS, '1').replace(LEADING_ONE, '1') : token))
    .replace(DESIGNATION_ZERO, (_, sign: string, number: string) => sign + number.replace(/[oO]/g, '0'))
    .replace(THREAD_ONE, '$11')
    .replace(SIZE_ZERO, '$10')
    .replace(ZERO_UNIT, '0')
    .replace(ZERO_VALUE_UNIT, '0')
    .replace(ZEROS_BEFORE_UNIT, (zeros) => zeros.replace(/[oO]/g, '0'))
    .replace(HEX_ZERO, '0')
    .replace(HEX_H, (number) => number.replace(/[oO]/g, '0'))
    .replace(HEX_CAPITAL_H, (number) => number.replaceAll('O', '0'))
    .replace(BINARY_LITERAL, (literal) => literal.replace(/[oO]/g, '0'))
    .replace(HEX_TIMES, '0x')
    .replace(HEX_LITERAL, (literal) => `0${literal[1]}${literal.slice(2).replaceAll('O', '0')}`)
    .replace(HEX_LITERAL_ONE, (literal) => `0${literal[1]}${literal.slice(2).replace(/[lI]/g, '1')}`)
    .replace(CURRENCY_ZERO, '0')
    .replace(CURRENCY_DECIMALS, '')
    .replace(PERCENT_DECIMALS, '')
    .replace(NUMBER_SIGN, (_, at: number, whole: string) => (/[A-Z]{2,}\W*$/.test(whole.slice(0, at)) || !/[a-z]/.test(whole) ? 'NO' : 'No'))
    .replace(FIVE_PERCENT, '5')
    .replace(RANGE_ZERO, '0')
    .replace(INDEX_ZERO, '0')
    .replace(BIT_ZERO, '0')
    .replace(RANGE_TO, 'to')
    .replace(BIT_RUN, (bits) => ((bits.match(/[01]/g)?.length ?? 0) >= BIT_DIGITS ? bits.replace(/[oO]/g, '0') : bits))
    .replace(QUOTED_ZERO, '0')
    .replace(SPACED_AMOUNT, (whole) => whole.replaceAll(' ', ''))
    .replace(SPACED_DECIMALS, '')
    .replace(PERCENT_RUN_ON, ' ')
    .replace(THOUSANDS_AS_POINTS, (whole) => whole.replaceAll('.', ','));
}
