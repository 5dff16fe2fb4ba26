import { describe, expect, it } from 'vitest';
import type { Quad } from '@ocr/contracts';
import type { ReadLine } from './readings.ts';
import { seriesDigits } from './series-digits.ts';

const BOX: Quad = [[0, 0], [100, 0], [100, 20], [0, 20]];
const line = (text: string): ReadLine => ({ text, confidence: 0.9, box: BOX, characters: text.length });
const read = (...texts: string[]) => seriesDigits(texts.map(line)).map((l) => l.text);

describe('seriesDigits', () => {
  it('reads a series’ member 0 read with an O where the page reads the series’ other members', () => {
    expect(read('UART_SIGO 也可以配置为 UART_SIG1', 'Key_Scan_In_ROWO Key_Scan_In_ROW7', 'EXTERNAL_PA_FEMO', 'EXTERNAL_PA_FEM1')).toEqual([
      'UART_SIG0 也可以配置为 UART_SIG1',
      'Key_Scan_In_ROW0 Key_Scan_In_ROW7',
      'EXTERNAL_PA_FEM0',
      'EXTERNAL_PA_FEM1',
    ]);
  });

  it('reads a protocol table’s fields and parameters numbered 0 and 1 (CASIC’s AID-HUI, scanned)', () => {
    expect(
      read('16 I4 2-30 utcGpsAO s UTC 参数', '20 I4 2-50 utcGpsA1 s/s', '48 I1 klobAO s/π Klobuchar 模型参数 alphao', '49 I1 klobA1 s/π Klobuchar 模型参数 alphal', '50 I1 klobA2 alpha2', '51 I1 klobA3 alpha3', '52 I1 klobBO betao', '53 I1 klobB1 betal', '54 I1 klobB2 beta2', 'beta3'),
    ).toEqual([
      '16 I4 2-30 utcGpsA0 s UTC 参数',
      '20 I4 2-50 utcGpsA1 s/s',
      '48 I1 klobA0 s/π Klobuchar 模型参数 alpha0',
      '49 I1 klobA1 s/π Klobuchar 模型参数 alpha1',
      '50 I1 klobA2 alpha2',
      '51 I1 klobA3 alpha3',
      '52 I1 klobB0 beta0',
      '53 I1 klobB1 beta1',
      '54 I1 klobB2 beta2',
      'beta3',
    ]);
  });

  it('reads a pin’s name of one or two capitals numbered 0 read with an O where the page reads three of its series (Rockwell’s R6522, scanned)', () => {
    expect(read('PA6 8 33 DO', 'PA7 9 32 D1', 'D2 D3', 'REGISTER SELECTS (RSO-RS3)', 'RS1 RS2', 'DO NOT EXCEED', 'NO', 'TO-92', 'IO')).toEqual([
      'PA6 8 33 D0',
      'PA7 9 32 D1',
      'D2 D3',
      'REGISTER SELECTS (RS0-RS3)',
      'RS1 RS2',
      'DO NOT EXCEED',
      'NO',
      'TO-92',
      'IO',
    ]);
    expect(read('N1 N2 N3 T1 T2 T3 I1 I2 I3', 'NO', 'TO-92', 'IO', 'CSO', 'CS1')).toEqual(['N1 N2 N3 T1 T2 T3 I1 I2 I3', 'NO', 'TO-92', 'IO', 'CSO', 'CS1']);
    expect(read('R1 R0 G5 G4 G3 G2 G1 GO B4 B3', 'DO NOT GO BACK')).toEqual(['R1 R0 G5 G4 G3 G2 G1 G0 B4 B3', 'DO NOT GO BACK']);
  });

  it('reads a pin’s name numbered 0 read with an O beside another of its series on its line (Ebyte’s E32 manual)', () => {
    expect(read('由引脚 MO、M1 设置', '当 MO = 0, M1 = 1 时', '1 MO 输入 (极弱上拉) 和 M1 配合', '按照 M1、MO 组合', 'OSCInstO (', 'OSCInst1 (')).toEqual([
      '由引脚 M0、M1 设置',
      '当 M0 = 0, M1 = 1 时',
      '1 M0 输入 (极弱上拉) 和 M1 配合',
      '按照 M1、M0 组合',
      'OSCInst0 (',
      'OSCInst1 (',
    ]);
    expect(read('跳转方式 2: GPIO 引脚（PAO 默认上拉输入）', 'PBO pin')).toEqual(['跳转方式 2: GPIO 引脚（PA0 默认上拉输入）', 'PB0 pin']);
    const text = ['MO', 'M1 DO NOT use D1', 'NO N1, TO T1', 'LDO LD1', 'PAO', 'the PDO table'];
    expect(read(...text)).toEqual(text);
  });

  it('reads a register’s name numbered 0 in its middle read with an O where two others of its series are read (Cypress’s FX2LP)', () => {
    expect(read('EP2PING EP4PING', 'EP6PING', 'EPOPING EPOACK', 'I2C IOC IOB')).toEqual(['EP2PING EP4PING', 'EP6PING', 'EP0PING EPOACK', 'I2C IOC IOB']);
    expect(read('EP1IN', 'EPOIN', 'I2CS I3CS ISOCS')).toEqual(['EP1IN', 'EPOIN', 'I2CS I3CS ISOCS']);
    expect(read('EP1 EP2 EP4', 'EPO OUT was pinged', 'TWO ISO LDO', 'TW1 TW2 TW3 IS1 IS2 IS3 LD1 LD2 LD3')).toEqual(['EP1 EP2 EP4', 'EP0 OUT was pinged', 'TWO ISO LDO', 'TW1 TW2 TW3 IS1 IS2 IS3 LD1 LD2 LD3']);
    expect(read('SMO SM1 SM2 REN TB8 RB8 TI RI', 'RS1', 'RSO')).toEqual(['SM0 SM1 SM2 REN TB8 RB8 TI RI', 'RS1', 'RSO']);
  });

  it('reads a two-letter stem’s members 0 and 1 read with letters where the page reads four others (M5Stack’s 8Angle schematic)', () => {
    expect(read('SCL Vout 2 ado adl 2 ad2 ad3 2 ad4 ad5', 'ad6 13 PA7', 'ado 6 PA0 ad7')).toEqual(['SCL Vout 2 ad0 ad1 2 ad2 ad3 2 ad4 ad5', 'ad6 13 PA7', 'ad0 6 PA0 ad7']);
    // Three members are not enough: `ado` is a word.
    expect(read('much ado about ad1 ad2 ad3')).toEqual(['much ado about ad1 ad2 ad3']);
  });

  it('leaves words and short stems: no member beside them, one member of a word’s stem, two capitals', () => {
    expect(read('HBNO', 'LDO LD1', 'PICO PIC16F84', 'AUDIO')).toEqual(['HBNO', 'LDO LD1', 'PICO PIC16F84', 'AUDIO']);
    expect(read('the model number', 'mode2', 'Radio', 'Model')).toEqual(['the model number', 'mode2', 'Radio', 'Model']);
    expect(read('BO AO', 'B1 A1', 'too to1 to2', 'Hello Hell2')).toEqual(['BO AO', 'B1 A1', 'too to1 to2', 'Hello Hell2']);
  });
});
