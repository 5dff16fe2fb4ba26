import { describe, expect, it } from 'vitest';
import { fixSnakeCase } from './snake-case.ts';

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
