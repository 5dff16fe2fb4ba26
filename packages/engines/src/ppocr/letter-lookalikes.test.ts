import { describe, expect, it } from 'vitest';
import { fixAisi, fixCurrentSymbol, fixInOut, fixCapitalI, fixOutZero, fixI2c, fixIdentifierIn, fixLAfterCapital, fixChineseFullStop, fixHanLookalikes, fixLetterCase, fixMicrometre, fixNotation, fixPound } from './letter-lookalikes.ts';

describe('fixCapitalI', () => {
  it('reads l as I inside words written in capitals', () => {
    expect(fixCapitalI('Material: AlSl 316L, lSO 9001, DlN 912, MATERlAL')).toBe('Material: AISI 316L, ISO 9001, DIN 912, MATERIAL');
    expect(fixCapitalI('钢AlSl304')).toBe('钢AISI304');
    expect(fixCapitalI('AClA internal Organization, ClRCUlT')).toBe('ACIA internal Organization, CIRCUIT');
  });

  it('leaves mixed-case words, element symbols and lone capitals alone', () => {
    const text = 'Al 6061, AlMg3, AlSi10Mg, HCl 10%, NaClO, HClO4, ClF3, 5 ml, Il, Steel, SS, M12, l';
    expect(fixCapitalI(text)).toBe(text);
  });
});

describe('fixCurrentSymbol', () => {
  it('reads a current’s symbol whose I was read as a quote, a slash or an l (Atmel’s AT24C02, scanned)', () => {
    expect(fixCurrentSymbol("'cc Supply Current; /SB1 Standby Current; 'LO Output Leakage; loL = 2.1 mA; |DD")).toBe('Icc Supply Current; ISB1 Standby Current; ILO Output Leakage; IoL = 2.1 mA; IDD');
    const text = "Q and /Q; VCC/CC; 'cc' field; lock; look; /CS";
    expect(fixCurrentSymbol(text)).toBe(text);
  });

  it('reads a current’s symbol whose I was read as l or 1 where a current is set equal to it (NEC’s PS2653, scanned)', () => {
    expect(fixCurrentSymbol('CTR, 1F = 1 mA, VcE = 2 V; lE = 100 μA, IB = 0; lc = 10 mA; 1c = 10 mA')).toBe('CTR, IF = 1 mA, VcE = 2 V; IE = 100 μA, IB = 0; Ic = 10 mA; Ic = 10 mA');
    const text = 'lF = 3 V; 1A = 2 mm; pins 1Y = L; 2.1F = 1 mA; flag = 1 mA';
    expect(fixCurrentSymbol(text)).toBe(text);
  });
});

describe('fixInOut', () => {
  it('reads I/O read with digits for its letters (Rockwell’s R6522, scanned)', () => {
    expect(fixInOut('peripheral 1VO; bidirectional peripheral 1/0 ports; I/0 control; 1/0 lines; (l/O)')).toBe('peripheral I/O; bidirectional peripheral I/O ports; I/O control; I/O lines; (I/O)');
  });

  it('leaves a fraction and a cable’s gauge', () => {
    const text = 'ratio 11/0, 1/0 AWG, cable 1/0 AWG, 2/0, 1/0.5, x = 1/0';
    expect(fixInOut(text)).toBe(text);
  });
});

describe('fixI2c', () => {
  it("mends I²C and I2C whose I was read as another stroke", () => {
    expect(fixI2c('|²C/MIPI, SPI / P²C, 1²C address, l²C bus, F²C')).toBe('I²C/MIPI, SPI / I²C, I²C address, I²C bus, I²C');
    expect(fixI2c('Integrated I12C controller, Il2C')).toBe('Integrated I²C controller, I²C');
    expect(fixI2c('3 3 I12C1_SCL, I12C_SDA')).toBe('3 3 I2C1_SCL, I2C_SDA');
    expect(fixI2c('[2C/MIPI and |2 C address')).toBe('I2C/MIPI and I2C address');
    expect(fixI2c('²C/MIPI 13C clock, SPI / ²C data')).toBe('I²C/MIPI I3C clock, SPI / I²C data');
  });

  it('leaves I2C and I²C, and words and numbers that only hold such glyphs', () => {
    expect(fixI2c('I2C, I²C, PC, FC, 12C, A|2C, P²CB, 25 °C, [2], 25 ²C, 25²C, 13C NMR')).toBe('I2C, I²C, PC, FC, 12C, A|2C, P²CB, 25 °C, [2], 25 ²C, 25²C, 13C NMR');
  });
});

describe('fixIdentifierIn', () => {
  it("mends a code identifier's In read ln, and a word's", () => {
    expect(fixIdentifierIn('2.1.1.Uartlnitialize, CommProtocollnit(), HAL_GPIO_lnit, lnput lndex, getlnfo, lnterrupt')).toBe(
      '2.1.1.UartInitialize, CommProtocolInit(), HAL_GPIO_Init, Input Index, getInfo, Interrupt',
    );
  });

  it('leaves words that hold ln', () => {
    const text = 'kiln, walnut, Vilnius, vulnerable, Milne, ulnar, Lincoln, ln(x)';
    expect(fixIdentifierIn(text)).toBe(text);
  });
});

describe('fixAisi', () => {
  it('mends AIST before a steel grade, and nothing else', () => {
    expect(fixAisi('MATERIAL: AIST 304, AIST316L. AIST 420')).toBe('MATERIAL: AISI 304, AISI316L. AISI 420');
    expect(fixAisi('AIST Tsukuba, AIST 2024-05, AIST 1.5, AISTS 304')).toBe('AIST Tsukuba, AIST 2024-05, AIST 1.5, AISTS 304');
  });
});

describe('fixLetterCase', () => {
  it('writes o, s, v, w, x, c, i and l (and an O read as 0) as capitals inside words in capitals', () => {
    expect(fixLetterCase('ISo VG 220, AWSo, WAVE MoVEMENT, IS0 5817, C0VER, CAUTloN, CAUTioN')).toBe(
      'ISO VG 220, AWSO, WAVE MOVEMENT, ISO 5817, COVER, CAUTION, CAUTION',
    );
  });

  it('writes a capital and letters alike in either case in capitals beside a word in capitals, and nowhere else', () => {
    expect(fixLetterCase('fill with Iso VG 46 oil; STEEL Is0, Cos PHI')).toBe('fill with ISO VG 46 oil; STEEL ISO, COS PHI');
    expect(fixLetterCase('an Iso tank, Iso 9001, Oxo and Cox; Vox 2 A')).toBe('an Iso tank, Iso 9001, Oxo and Cox; Vox 2 A');
  });

  it('writes a capital o, s, v, w, x, c at the end of a small-letter word small', () => {
    expect(fixLetterCase('jumping foxeS, HardnesS: 58-62, ASME B16.5 ClaSS 150')).toBe('jumping foxes, Hardness: 58-62, ASME B16.5 Class 150');
    expect(fixLetterCase('使用IS0 VG220齿轮油')).toBe('使用ISO VG220齿轮油');
    // Two zeros between capitals are a double O (a receipt's address).
    expect(fixLetterCase('GROUND FL00R, C00KIES')).toBe('GROUND FLOOR, COOKIES');
  });

  it('leaves plurals of capitals, CamelCase, units, codes with digits and mixed words alone', () => {
    const text = 'LEDs PCs SolidWorks McCormick mV MV kW GHz kHz MPa cSt ReV DN100 M20 Q235 A0 0.5 Oil oil NaCl HCl Iso 000 CoG IoT SoC PoE NOx SOx AB00 0AB SiC ZnO MgO LaTeX GmbH PhD MacOS';
    expect(fixLetterCase(text)).toBe(text);
  });
});

describe('fixChineseFullStop', () => {
  it('reads the o closing a Chinese line after a number as 。', () => {
    expect(fixChineseFullStop('未注倒角C1o')).toBe('未注倒角C1。');
    expect(fixChineseFullStop('其余Ra6.3o')).toBe('其余Ra6.3。');
  });

  it('reads it so after a number’s unit', () => {
    expect(fixChineseFullStop('表面粗糙度Ra1.6μmo')).toBe('表面粗糙度Ra1.6μm。');
    expect(fixChineseFullStop('工作压力1.6 MPao')).toBe('工作压力1.6 MPa。');
    expect(fixChineseFullStop('回火温度不低于550℃o')).toBe('回火温度不低于550℃。');
  });

  it('reads it so after a general tolerance class (`GB/T 1804-m。`)', () => {
    expect(fixChineseFullStop('未注尺寸公差按GB/T 1804-mo')).toBe('未注尺寸公差按GB/T 1804-m。');
    expect(fixChineseFullStop('未注形位公差按GB/T 1184-ko')).toBe('未注形位公差按GB/T 1184-ko');
  });

  it('leaves English lines, words ending in o and an o inside the line alone', () => {
    for (const text of ['Set the timer to 10o', '型号Pro', '参见图2o形圈', '未注倒角C1o，其余C2', '采用Arduino', '型号2Go', '材料20Mo']) expect(fixChineseFullStop(text)).toBe(text);
  });
});

describe('fixMicrometre', () => {
  it('reads um after a number as μm', () => {
    expect(fixMicrometre('表面粗糙度Ra1.6um。')).toBe('表面粗糙度Ra1.6μm。');
    expect(fixMicrometre('Coating 25 um thick, Ra 0.8um')).toBe('Coating 25 μm thick, Ra 0.8μm');
  });

  it('leaves words holding um alone', () => {
    for (const text of ['sum of 2 umbrellas', 'Drum 3', 'minimum 5', '2 ump', 'aluminum']) expect(fixMicrometre(text)).toBe(text);
  });
});

describe('fixPound', () => {
  it('reads 1b or Ib after a number, or after ft- and in-, as the pound’s lb', () => {
    // camelot's `image.pdf`, a DXA scan report: `Weight: 165.0 1b`.
    expect(fixPound('Weight: 165.0 1b, 5 1bs, 12Ib')).toBe('Weight: 165.0 lb, 5 lbs, 12lb');
    expect(fixPound('Torque 20 ft-1bf, 15 in-Ib')).toBe('Torque 20 ft-lbf, 15 in-lb');
    // PDF-Extract-Kit's `table_001.png`, a table of units in a serif face.
    expect(fixPound('slug-ft2 = Ib-s² -ft, lb/(inch/s) = Ib-s/inch, (lb-ft)/rad = Ib-ft, force (Ibf)')).toBe('slug-ft2 = lb-s² -ft, lb/(inch/s) = lb-s/inch, (lb-ft)/rad = lb-ft, force (lbf)');
  });

  it('leaves 1b that is no unit alone', () => {
    for (const text of ['Figure 1b', 'see 1b above', 'item 21b', '2 1bar', 'Class Ib', 'Ib-2 Rev', 'Ibsen', 'IBF']) expect(fixPound(text)).toBe(text);
  });
});

describe('fixHanLookalikes', () => {
  const fix = (text: string) => fixHanLookalikes([...text]).join('');

  it('reads 工 in a line of Latin print as a serif capital I, and 丨 anywhere as a bar', () => {
    // CDC's report (tabula's us-033): `Source: The NHANES III data file`.
    expect(fix('Source: The NHANES 工工工 data file')).toBe('Source: The NHANES III data file');
    expect(fix('FY 2011 GSA · OCSIT ANNUAL REPORT丨 45')).toBe('FY 2011 GSA · OCSIT ANNUAL REPORT| 45');
    expect(fix('型号丨规格')).toBe('型号|规格');
  });

  it('keeps 工 in Chinese, or where too few Latin letters stand beside it', () => {
    for (const text of ['加工 Ra 3.2', '工艺 HRC 58', '工', 'M8 工']) expect(fix(text)).toBe(text);
  });

  it('reads 〇 between Han words as a 0, keeping it in numerals and marks (Ebyte’s E32 manual)', () => {
    expect(fix('收发模块都工作在模式〇下，和模式〇唯一区别')).toBe('收发模块都工作在模式0下，和模式0唯一区别');
    for (const text of ['二〇一九年', '一〇〇', '支持 〇', '〇 表示支持', '功能 〇 〇']) expect(fix(text)).toBe(text);
  });
});

describe('fixNotation', () => {
  it('reads a citation’s bracketed number after a word in a line of Chinese, its brackets read as I and a parenthesis', () => {
    // CnSTD's `mfd/zh.jpg`, a paper on data-centre networks: `DCQCN[30]`, `QCN[25]`, `Latency)[29]` raised.
    expect(fixNotation('塞弥漫问题[26]，需要一种如 QCNI25）一样针对流的')).toBe('塞弥漫问题[26]，需要一种如 QCN[25]一样针对流的');
    expect(fixNotation('(High-bandwidth Ultra-Low Latency)|29)，通过提前')).toBe('(High-bandwidth Ultra-Low Latency)[29]，通过提前');
    // Not in a line of Latin print alone, nor a list's item, a number with its letter or a thread's size.
    for (const text of ['Latency)|29) ends', '步骤 (l5) 完成', '型号 AI30)5 号', '螺栓(Ml2)']) expect(fixNotation(text)).toBe(text);
  });

  it('reads an ohm read as Q after a number, or in parentheses after a resistance, as Ω', () => {
    // TI's, Murata's and Awinic's datasheets: every ohm but a few read so.
    expect(fixNotation('Ron: 0.3 Q Typical; 4.7kQ LED15; 3.2 W into 4 Q from 5 V; 2 kQ; R1 100Q, 16 - 32 Q headphones')).toBe(
      'Ron: 0.3 Ω Typical; 4.7kΩ LED15; 3.2 W into 4 Ω from 5 V; 2 kΩ; R1 100Ω, 16 - 32 Ω headphones',
    );
    expect(fixNotation('Temp. (°C) Resistance (Q) Impedance (kQ)')).toBe('Temp. (°C) Resistance (Ω) Impedance (kΩ)');
    // A prefixed ohm after one digit, and before Chinese (NXP's MFRC522 in Chinese, scanned).
    expect(fixNotation('AUX 使用 1kQ的下拉电阻, 2MQ')).toBe('AUX 使用 1kΩ的下拉电阻, 2MΩ');
    // A load's small value after its resistor's name (a Chinese amplifier's datasheet, NS4150B).
    expect(fixNotation('RL=4Q -60 VDD=3.6V; RL =4Q, VDD =5V; R=4Q, f=1kHz')).toBe('RL=4Ω -60 VDD=3.6V; RL =4Ω, VDD =5V; R=4Ω, f=1kHz');
    // A part number's suffix, a variable before an operator, a quarter, and Q standing for itself.
    for (const text of ['LM358Q, TPS7A4701Q', '二级公路 0.3333 Q<15000', 'revenue 2Q, 3Q 2024, 1Q24', 'Q (m³/h) 25', 'Factor (Q)', 'at 10:30 Q&A']) {
      expect(fixNotation(text)).toBe(text);
    }
  });

  it('reads a package’s thermal resistance θJA with its θ read O, and its ℃/W read C/W', () => {
    expect(fixNotation('封装热阻OJA(MSOP8) 190 C/W, 0JC 45 C/W')).toBe('封装热阻θJA(MSOP8) 190 °C/W, θJC 45 °C/W');
    for (const text of ['OJAI, FOJA, OJ', 'A C/W split', 'C/Windows']) expect(fixNotation(text)).toBe(text);
  });

  it('reads a section’s Roman numeral opening a line with its I read as l as the numeral', () => {
    // PDF-Extract-Kit's `watermark.png`, a sales report: `II. Market Analysis` read `Il.`.
    expect(fixNotation('Il. Market Analysis')).toBe('II. Market Analysis');
    expect(fixNotation('Vl. Results')).toBe('VI. Results');
    for (const text of ['Chicago, Ill. 60601', 'Il. market', 'll. Notes', 'see Il. Market']) expect(fixNotation(text)).toBe(text);
  });

  it('mends a thread’s and a chamfer’s sign, kW, °C, ISO and IP read by case or as lookalikes', () => {
    expect(fixNotation('螺栓 m20×80, m10x1.25; c0.5, co.5; 7.5 kw, 11kw; +120 °0, 80°O; 1P55, lP65, 1PX4')).toBe(
      '螺栓 M20×80, M10x1.25; C0.5, Co.5; 7.5 kW, 11kW; +120 °C, 80°C; IP55, IP65, IPX4',
    );
    expect(fixNotation('Temp 120 "C, -40"C, 104 “F; pipe 2" Class C, 3" CS, 3/4"FNPT')).toBe('Temp 120 °C, -40°C, 104 °F; pipe 2" Class C, 3" CS, 3/4"FNPT');
    expect(fixNotation('Flow 25 m?/h, 40 Nm?/h; 7.85 g/cm?, 1000 kg/m?; 流量25m?/h')).toBe(
      'Flow 25 m³/h, 40 Nm³/h; 7.85 g/cm³, 1000 kg/m³; 流量25m³/h',
    );
    // A force over an area: a stress or pressure, squared.
    expect(fixNotation('Rm 600 N/mm?, 5 kgf/cm?, 20 kN/m?, 3 MN/m?; 1.2 N/mm')).toBe('Rm 600 N/mm², 5 kgf/cm², 20 kN/m², 3 MN/m²; 1.2 N/mm');
    expect(fixNotation('NPT 1/2"", G 3/4\'\' BSPP, 2"" pipe')).toBe('NPT 1/2", G 3/4" BSPP, 2" pipe');
    expect(fixNotation('O-ring: 0-ring 40x3 NBR 70, 密封圈 0型 40×3.1, 0形圈; 未注倒角Cl。倒角 CI')).toBe(
      'O-ring: O-ring 40x3 NBR 70, 密封圈 O型 40×3.1, O形圈; 未注倒角C1。倒角 C1',
    );
    expect(fixNotation('Torque 25 N · m, 3 kW· h, 5 N ·m; 拧紧力矩25N · m')).toBe('Torque 25 N·m, 3 kW·h, 5 N·m; 拧紧力矩25N·m');
    expect(fixNotation('according to Is0 2768-m, 1S0 9001, lso VG 46, IsO/TS 16949, 按1s0 286')).toBe('according to ISO 2768-m, ISO 9001, ISO VG 46, ISO/TS 16949, 按ISO 286');
    expect(fixNotation('密封圈0型, ISO 2768-mk, ISO 2768 fh, GB/T 1804-m, 2768-cl')).toBe(
      '密封圈O型, ISO 2768-mK, ISO 2768 fH, GB/T 1804-m, 2768-cL',
    );
  });

  it('leaves the same letters alone where they are no such notation', () => {
    const text = 'module m=2.5, 3 m2, 5 m x 2 m, c=0.5, kwh, kwargs, 45°0′, 45°0\', 1P 16A, 1P100, 2P55, mm20, also 2, Iso, 21so 5, ' +
      'is it 2 m? 1.0E-6 m²/s, 2 kg/cm², 20 m²/h, 25 m3/h, 10-0 ring, 0级, HCl 5%, 含Cl离子, ' +
      'say "" or \'\', 5\' 6" and 12\'\'\', 王 · 李, a · b';
    expect(fixNotation(text)).toBe(text);
  });
});

describe('fixLAfterCapital', () => {
  it('reads a word’s l after its first capital read as I (scanned datasheets: `FIash`, `CIock`)', () => {
    expect(fixLAfterCapital('可选择从 FIash/UART/USB 启动, CIock tree, BIock diagram, SIave, PIease')).toBe('可选择从 Flash/UART/USB 启动, Clock tree, Block diagram, Slave, Please');
  });

  it('leaves capitals, short words and letters no English word starts with before l', () => {
    const text = 'UIkit, AIoT, SIM, BIOS, FIFO, CIs, GIFs, MIcro, SIMple, XIaomi';
    expect(fixLAfterCapital(text)).toBe(text);
  });

  it('reads a clock’s Clk in an identifier read with an I or i (SiRF’s NMEA manual, scanned)', () => {
    expect(fixLAfterCapital('ephCIkFlag, cgeeCikGpsWeek, eeCIkAge, SysCIk, CIk_DIV')).toBe('ephClkFlag, cgeeClkGpsWeek, eeClkAge, SysClk, Clk_DIV');
    const text = 'Cikgu, CIkx, ACIk, Click';
    expect(fixLAfterCapital(text)).toBe(text);
  });

  it('reads All read with capital Is, and in a row of All cells with ones or an l lost (SiRF’s NMEA manual, scanned)', () => {
    expect(fixLAfterCapital('AII rights reserved; AIl of them')).toBe('All rights reserved; All of them');
    expect(fixLAfterCapital('GSA AII AI1 AI AI AII AII No AI')).toBe('GSA All All All All All All No All');
    // Outside such a row: an AI, a ball A11, analog input AI1.
    const text = 'AI and All, ball A11, input AI1, AII AI';
    expect(fixLAfterCapital(text)).toBe('AI and All, ball A11, input AI1, All AI');
  });
});

describe('fixOutZero', () => {
  it('reads Out and Output read with a zero (Sony’s CXD5605GF pin table, scanned)', () => {
    expect(fixOutZero('Digital In/0ut VDD_IO1, In/0 ut, 0utput, INT_0UT, 0UTPUTS')).toBe('Digital In/Out VDD_IO1, In/Out, Output, INT_OUT, OUTPUTS');
    const text = '10ut, 0 utility, 0utdoor, A0UT, 0 UT';
    expect(fixOutZero(text)).toBe(text);
  });

  it('reads a name’s number before OUT (Cypress’s FX2LP)', () => {
    expect(fixOutZero('TOOUT, RXDOOUT, EP10UTBSY, PA1 10UT')).toBe('T0OUT, RXD0OUT, EP1OUTBSY, PA1 10UT');
    const text = 'LOOKOUT, TIMEOUT, A0UT, 100UT';
    expect(fixOutZero(text)).toBe(text);
  });
});
