import { describe, expect, it } from 'vitest';
import { fixDigitLookalikes } from './digit-lookalikes.ts';

describe('fixDigitLookalikes', () => {
  it('reads o as zero inside numbers', () => {
    expect(fixDigitLookalikes('after 5oo hours, every 4ooo hours')).toBe('after 500 hours, every 4000 hours');
    expect(fixDigitLookalikes('within o.o5 mm, ±o.05, 2o%')).toBe('within 0.05 mm, ±0.05, 20%');
    expect(fixDigitLookalikes('厚度为o.5，共1o件')).toBe('厚度为0.5，共10件');
  });

  it('reads the Cyrillic З and the Greek Ο inside numbers as 3 and 0, and leaves them in words', () => {
    expect(fixDigitLookalikes('SEPTEMBER 199З, 2Ο24, З0 mm')).toBe('SEPTEMBER 1993, 2024, 30 mm');
    expect(fixDigitLookalikes('ЗИЯ, Οθ, ЗΟ')).toBe('ЗИЯ, Οθ, ЗΟ');
  });

  it('leaves words, letter-digit codes and lone letters alone', () => {
    const text = 'Do not go to 10 o clock; 42CrMo4, ISO 2768, No.5, o-ring, Oil 2O, oo';
    expect(fixDigitLookalikes(text)).toBe(text.replace('2O', '20'));
    // A pin named IO and its number (Ai-Thinker's Ra-08: `Press the IO2 button`) had read I02.
    expect(fixDigitLookalikes('Press the IO2 button, IO15 and IO0')).toBe('Press the IO2 button, IO15 and IO0');
    expect(fixDigitLookalikes('the 8051-I/O Unit domain')).toBe('the 8051-I/O Unit domain');
  });

  it('reads a lone O before a unit as zero, and an S opening a percentage as five (a nutrition label)', () => {
    expect(fixDigitLookalikes('Trans Fat Og, Cholesterol Omg, Sodium 20mg, tolerance O%, Vitamin A S0%')).toBe('Trans Fat 0g, Cholesterol 0mg, Sodium 20mg, tolerance 0%, Vitamin A 50%');
    const text = 'OV and OA alarms, Omega, Ohm, OK, Oman, SOS, S10 switch, S-curve';
    expect(fixDigitLookalikes(text)).toBe(text);
    // A condition's value after an equals sign (Atmel's AT24C02).
    expect(fixDigitLookalikes('VI/O = OV, VIN =OV, IOUT = OA; OV = over-voltage')).toBe('VI/O = 0V, VIN =0V, IOUT = 0A; OV = over-voltage');
  });

  it("reads a hexadecimal number's leading O as zero: register addresses and 0x numbers", () => {
    expect(fixDigitLookalikes('COUNTER_BDR_REG2 (OCh), REG1 (OBh), at O1Ah; I²C address Ox6A, mask oxFF')).toBe(
      'COUNTER_BDR_REG2 (0Ch), REG1 (0Bh), at 01Ah; I²C address 0x6A, mask 0xFF',
    );
    const text = 'Oxford, Oxide, Oh, OCR, Och, OBhs, Ox, OxZ';
    expect(fixDigitLookalikes(text)).toBe(text);
  });

  it('reads a range’s first bound and an array’s index read as O as zeros (SiRF’s One Socket Protocol, scanned)', () => {
    expect(fixDigitLookalikes('3 Sensors[O].SensorType; millivolts O to 1000; volts o to 5.0; O - 15; arr[o]')).toBe(
      '3 Sensors[0].SensorType; millivolts 0 to 1000; volts 0 to 5.0; 0 - 15; arr[0]',
    );
    const text = 'Vitamin O to go, [O] Open, Type O to A, NO to 5, (O) to 3, O-ring';
    expect(fixDigitLookalikes(text)).toBe(text);
  });

  it('reads a register table’s bits read as o among bits read as digits, a bit quoted in prose and bit 0 named (Rockwell’s R6522 and R6551, scanned)', () => {
    expect(fixDigitLookalikes('0 0 0 o ORB/IRB; 4 0 1 0 o T1C-L; 10 1 0 1 o SR; o 1 0 0')).toBe('0 0 0 0 ORB/IRB; 4 0 1 0 0 T1C-L; 10 1 0 1 0 SR; 0 1 0 0');
    expect(fixDigitLookalikes('A "o\' in a bit; a "o" causes; a “o” when; pull an output ""o" up')).toBe('A "0\' in a bit; a "0" causes; a “0” when; pull an output ""0" up');
    expect(fixDigitLookalikes('Data Terminal Ready (Bit O); when Bit o is set; bits 7 and O; BIT O')).toBe('Data Terminal Ready (Bit 0); when Bit 0 is set; bits 7 and O; BIT 0');
    const text = 'O 1 o; 1 o; a 0 o o b; 1 0 o. O; an "O" ring; "on"; c == \'o\'; a bit Of; orbit O';
    expect(fixDigitLookalikes(text)).toBe(text);
  });

  it('reads a range’s to read t0 between quantities (Rockwell’s R6551, scanned)', () => {
    expect(fixDigitLookalikes('E = -40℃ t0 +85℃; Blank = 0°C t0 + 70°C; 1.8 V t0 3.6 V; 10 ms t0 20 ms')).toBe('E = -40℃ to +85℃; Blank = 0°C to + 70°C; 1.8 V to 3.6 V; 10 ms to 20 ms');
    const text = 'delay t0 + 5 ns; at 3 t0 = 2; the 5 V t0 rail';
    expect(fixDigitLookalikes(text)).toBe(text);
  });

  it('reads the zeros of a number with an h read as o or O, and a 0x number’s 1 read as l (NXP’s MFRC522 and a module’s guide, scanned)', () => {
    expect(fixDigitLookalikes('ooh indicates a collision, 1Oh, OOOh; WriteAmount(0xl1,value), 0xI2, (0xll, v); v +=l00;')).toBe(
      '00h indicates a collision, 10h, 000h; WriteAmount(0x11,value), 0x12, (0x11, v); v +=100;',
    );
    const text = 'Oh, oh, BOOh, Cooh, 0xlade, Oxlade';
    expect(fixDigitLookalikes(text)).toBe(text);
  });

  it('reads the zeros of a number with a capital H read as O, and of a 0b number (Ebyte’s E32 manual, Lattice’s iCE40 guide)', () => {
    expect(fixDigitLookalikes('模块地址高字节（默认 0OH）OOH-FFH; CLKHF_DIV = "ObO0"; 0bO1')).toBe('模块地址高字节（默认 00H）00H-FFH; CLKHF_DIV = "0b00"; 0b01');
    const text = 'NaOH, (OH), C2H5OH, BOOH, OB1, Ob1, Oboe, ObO, obOO';
    expect(fixDigitLookalikes(text)).toBe(text);
  });

  it('reads the zeros among a 0x number’s digits read as O (Bouffalo’s ISP error codes)', () => {
    expect(fixDigitLookalikes('IMG_SIGNATURE_LEN_ERROR=OxO20d, SECTIONHEADER_LEN_ERROR=OxO2Of, 0xOO01')).toBe(
      'IMG_SIGNATURE_LEN_ERROR=0x020d, SECTIONHEADER_LEN_ERROR=0x020f, 0x0001',
    );
    expect(fixDigitLookalikes('0xD5, 0x90 OXDB, 0x30, OXAE')).toBe('0xD5, 0x90 0XDB, 0x30, 0XAE');
    const text = 'OxO, OXO, 0xOO, Oxo20d, OxOZ, OXFORD, OXIDE';
    expect(fixDigitLookalikes(text)).toBe(text);
  });

  it('reads a number’s zeros read as O before a unit (AT6558’s datasheet, scanned)', () => {
    expect(fixDigitLookalikes('充电电流最大为 50OuA, C1 1OOnF, 2OmA, 1O0ms, 3.3OV, 96OObps')).toBe('充电电流最大为 500uA, C1 100nF, 20mA, 100ms, 3.30V, 9600bps');
    const text = '5Own, 1OVER, LDO 3V3, A1Omega';
    expect(fixDigitLookalikes(text)).toBe(text);
  });

  it('reads a 0x number’s x read as a times sign (ATGM’s upgrade protocol, scanned)', () => {
    expect(fixDigitLookalikes('最大数据包为 0×2000 字节, ID 0×B5')).toBe('最大数据包为 0x2000 字节, ID 0xB5');
    const text = '10×20 mm, 0×45°, 0×5, 2.0×12, 0×2.5';
    expect(fixDigitLookalikes(text)).toBe(text);
  });

  it('closes up a receipt’s amounts read with spaces after their currency, reads their O as zero, and mends a number sign read N0', () => {
    expect(fixDigitLookalikes('Rate A RM4. 00, TOTAL RM 64. 15, Paid RM4. 0 0, change RMO. 0 0, GST 6. 00 % RMO. 23')).toBe(
      'Rate A RM4.00, TOTAL RM 64.15, Paid RM4.00, change RM0.00, GST 6.00 % RM0.23',
    );
    expect(fixDigitLookalikes('GST REG N0: 000136577024, INVOICE N0 : 18287')).toBe('GST REG NO: 000136577024, INVOICE NO : 18287');
    expect(fixDigitLookalikes('Invoice N0: 12')).toBe('Invoice No: 12');
    // No currency before it: a list's number and what follows.
    const text = 'Item 3. 25 people, 1. 50 pcs, N0 signal, RMOS 5';
    expect(fixDigitLookalikes(text)).toBe(text);
  });

  it('reads l, I or i between digits, and after the M of a thread, as one', () => {
    expect(fixDigitLookalikes('Tighten the Mi6 bolts to 2l0 Nm, 0.l5 mm, Ml2x1.5')).toBe('Tighten the M16 bolts to 210 Nm, 0.15 mm, M12x1.5');
    expect(fixDigitLookalikes('用Mi6螺栓')).toBe('用M16螺栓');
    expect(fixDigitLookalikes('RI5, Rl2.5 and SRi0')).toBe('R15, R12.5 and SR10');
  });

  it('reads the o of a radius or chamfer under one as zero', () => {
    expect(fixDigitLookalikes('RO.5, SRO,8 and CO.5; 4xRo.2')).toBe('R0.5, SR0,8 and C0.5; 4xR0.2');
    expect(fixDigitLookalikes('倒角CO.5')).toBe('倒角C0.5');
    const text = 'CO2 at RO 5, ROLL 0.5, CO. 5, ARO.5';
    expect(fixDigitLookalikes(text)).toBe(text);
  });

  it('reads the o in a designation’s number as zero: nominal sizes, pressures, schedules, grades, threads, diameters', () => {
    expect(fixDigitLookalikes('Flange DN5O PN1O, SCH4O, AISI3O4, IP6O')).toBe('Flange DN50 PN10, SCH40, AISI304, IP60');
    expect(fixDigitLookalikes('M1O x 1.25, M16x6O, M2Ox1.5, Ø2O.5, R1O, 管道DN1OO')).toBe('M10 x 1.25, M16x60, M20x1.5, Ø20.5, R10, 管道DN100');
    const text = 'H2O, B2O3, Al2O3, CO2, NO2, SiO2, AB1.Other, ISO 9001, PO1 Box, 5OO hours';
    expect(fixDigitLookalikes(text)).toBe(text.replace('5OO', '500'));
  });

  it('reads points between thousands, where the amount has two decimals after another point, as commas, where all or some read as points', () => {
    expect(fixDigitLookalikes('Balance 99.878.08 -, 101.598.46 EX, 42.732.350.00')).toBe('Balance 99,878.08 -, 101,598.46 EX, 42,732,350.00');
    expect(fixDigitLookalikes('小计1.500.00元')).toBe('小计1,500.00元');
    // Some read as points, some as commas, in a financial statement's small print.
    expect(fixDigitLookalikes('509.510,514.92 69,558.687.59 4.428,852.485.11 8.746,899.35')).toBe('509,510,514.92 69,558,687.59 4,428,852,485.11 8,746,899.35');
  });

  it('closes up an amount read with a space after each separator', () => {
    expect(fixDigitLookalikes('35, 498, 648. 64 and 6,001, 271. 61; 合计1, 500. 00元')).toBe('35,498,648.64 and 6,001,271.61; 合计1,500.00元');
    const text = 'sizes 100, 200, 300 and 150. Then 1, 234, 5. 25';
    expect(fixDigitLookalikes(text)).toBe(text);
  });

  it('closes up the one or two decimals of a number of three digits or more read apart, and no list', () => {
    expect(fixDigitLookalikes('4890063. 81 119476. 19 0.00 合计5173759. 06元')).toBe('4890063.81 119476.19 0.00 合计5173759.06元');
    const text = '1. 25 mm bolts, 12. 40 mm nuts, [461. 149], in 1993. 250 units';
    expect(fixDigitLookalikes(text)).toBe(text);
  });

  it('sets a percentage apart from a number run into it, and leaves percent-encoded text alone', () => {
    expect(fixDigitLookalikes('转换效率：13.73%13.23%14.6% 15%')).toBe('转换效率：13.73% 13.23% 14.6% 15%');
    const text = 'file%20name.pdf, 50%-60%, 5%/a';
    expect(fixDigitLookalikes(text)).toBe(text);
  });

  it('leaves part numbers, versions, addresses and European amounts alone', () => {
    const text = 'P/N 0.986.452.041, v1.2.3, 10.0.0.1, 1.234.567,89 EUR, 99,878.08, 12.345.678, ref A1.234.56';
    expect(fixDigitLookalikes(text)).toBe(text);
  });

  it('leaves units, Roman numerals and words with those letters alone', () => {
    const text = 'fill 5l of oil, Type II, I/O 24, i.e. Mill 12, Mi, MIL-STD-810';
    expect(fixDigitLookalikes(text)).toBe(text);
  });
});

