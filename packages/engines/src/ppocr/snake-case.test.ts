import { describe, expect, it } from 'vitest';
import type { Quad } from '@ocr/contracts';
import { agreeingIdentifiers, fixSnakeCase } from './snake-case.ts';
import type { ReadLine } from './readings.ts';

const BOX: Quad = [[0, 0], [100, 0], [100, 20], [0, 20]];
const page = (...texts: string[]) => agreeingIdentifiers(texts.map((text): ReadLine => ({ text, confidence: 0.9, box: BOX, characters: text.length }))).map((line) => line.text);

describe('fixSnakeCase', () => {
  it('closes up a space read on one side of an underscore inside an identifier', () => {
    expect(fixSnakeCase('uart _sig_0_sel=1 MM _SPI_MISO, CHIP_ EN, PAD_GPIO _10, uart_sig_10_sel= 7')).toBe(
      'uart_sig_0_sel=1 MM_SPI_MISO, CHIP_EN, PAD_GPIO_10, uart_sig_10_sel=7',
    );
  });

  it('reads an O standing alone in a lowercase identifier, or as its value, as 0', () => {
    expect(fixSnakeCase('uart_sig_O_sel=O UART0_TXD, gpio_cfg_O, uart_sig_O_sel=o')).toBe('uart_sig_0_sel=0 UART0_TXD, gpio_cfg_0, uart_sig_0_sel=0');
  });

  it('leaves blanks, spaced underscores, capitals’ output suffixes and words', () => {
    const text = 'Name: ______ Date: ____, a _ b, DBI_SCL_O, I2S_RCLK_O, O_EN, x_Open, o_ring, foo=Ok, x= 7, reg_a = 7';
    expect(fixSnakeCase(text)).toBe(text);
  });
});

describe('agreeingIdentifiers', () => {
  it('gives back a part’s last thin letter where the page reads the identifier with it more often (a scanned pin table)', () => {
    expect(page('uart_sig_10_sel=0 UART0_RTS', 'uar_sig_10_sel=11 UART2_RXD', 'uart_sig_10_se=3 UART0_RXD', 'uart_sig_10_sel=4', 'uart_sig_3_sei=5')).toEqual([
      'uart_sig_10_sel=0 UART0_RTS',
      'uart_sig_10_sel=11 UART2_RXD',
      'uart_sig_10_sel=3 UART0_RXD',
      'uart_sig_10_sel=4',
      'uart_sig_3_sel=5',
    ]);
  });

  it('reads a name in capitals with spaces for its underscores or inside a part as the page reads it elsewhere (a wire drawn along it, small print)', () => {
    expect(page('TBD LNA IN', '2 LNA_IN', 'XTAL P XTAL N', 'XTAL_P XTAL_N XTAL_32K_P', 'XTAL 32K P', 'SENSOR CAPN 7 SENSOR_CAPN')).toEqual([
      'TBD LNA_IN',
      '2 LNA_IN',
      'XTAL_P XTAL_N',
      'XTAL_P XTAL_N XTAL_32K_P',
      'XTAL_32K_P',
      'SENSOR_CAPN 7 SENSOR_CAPN',
    ]);
    expect(page('E9 NVCC_G PIO', 'F10 NVCC_GPIO', 'NVCC_SD 1')).toEqual(['E9 NVCC_GPIO', 'F10 NVCC_GPIO', 'NVCC_SD 1']);
    // Two names side by side that make a third stay apart.
    expect(page('VDD_IO VDD_IO_A', 'PWR_ENABLE', 'PWR_EN ABLE')).toEqual(['VDD_IO VDD_IO_A', 'PWR_ENABLE', 'PWR_ENABLE']);
    expect(page('PWR_EN ABLE', 'PWR_ENABLE ABLE')).toEqual(['PWR_ENABLE', 'PWR_ENABLE ABLE']);
    // A number set apart, prose, or a name the page never reads whole, stay.
    expect(page('GPIO_0 UART_TX', 'GPIO 0', 'the UART TX pin', 'CHIP PU')).toEqual(['GPIO_0 UART_TX', 'GPIO 0', 'the UART TX pin', 'CHIP PU']);
  });

  it('leaves identifiers the page reads as often either way, or reads with the letter only once', () => {
    expect(page('SP_MISO SPI_MISO', 'CAM_CS CAM_CSI')).toEqual(['SP_MISO SPI_MISO', 'CAM_CS CAM_CSI']);
    expect(page('REG_CTR', 'REG_CTRL', 'REG_CTR', 'REG_CTRL')).toEqual(['REG_CTR', 'REG_CTRL', 'REG_CTR', 'REG_CTRL']);
    // A digit is no stroke: a control register stays beside the second and third.
    expect(page('REG_CTL', 'REG_CT2', 'REG_CT3')).toEqual(['REG_CTL', 'REG_CT2', 'REG_CT3']);
  });
});
