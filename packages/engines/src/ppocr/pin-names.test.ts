import { describe, expect, it } from 'vitest';
import type { Quad } from '@ocr/contracts';
import { pinZeros } from './pin-names.ts';
import type { ReadLine } from './readings.ts';

const BOX: Quad = [[0, 0], [100, 0], [100, 20], [0, 20]];
const line = (text: string): ReadLine => ({ text, confidence: 0.9, box: BOX, characters: text.length });
const read = (...texts: string[]) => pinZeros(texts.map(line)).map((l) => l.text);

describe('pinZeros', () => {
  it('reads a port’s pin 0 read with an O as a zero on a page that names pins (WeAct’s STM32F4x1 pinout)', () => {
    expect(read('PAO', 'PB1', 'PBO ADC8 SCK5', 'PHO-OSC_IN', 'PAO-WKUP', 'PC13')).toEqual(['PA0', 'PB1', 'PB0 ADC8 SCK5', 'PH0-OSC_IN', 'PA0-WKUP', 'PC13']);
  });

  it('reads a peripheral’s or a boot pin’s 0 read with an O as a zero on any page', () => {
    expect(read('BOOTO', 'ADCO CTS2 WKUP1', 'UARTO TX', 'I2CO_SDA')).toEqual(['BOOT0', 'ADC0 CTS2 WKUP1', 'UART0 TX', 'I2C0_SDA']);
    expect(read('TIMER1_CHO, TIMER2_CHO_ON', 'CHO group', 'ECHO')).toEqual(['TIMER1_CH0, TIMER2_CH0_ON', 'CHO group', 'ECHO']);
  });

  it('reads the buses of a page that names pins: `SPIO`, `TIMERO`, `CANO` with a zero, `12C0` and `12S` with an I', () => {
    expect(read('PA5 SPIO_SCK', 'PB6 12C0_SCL', 'PB12 12S1_WS', 'CANO_RX', 'TIMERO_CH1', '12S')).toEqual(['PA5 SPI0_SCK', 'PB6 I2C0_SCL', 'PB12 I2S1_WS', 'CAN0_RX', 'TIMER0_CH1', 'I2S']);
    expect(read('PA9', 'PA10', '12CO')).toEqual(['PA9', 'PA10', 'I2C0']);
    // A battery of twelve cells, a name, a temperature: no pins named, or no bus.
    expect(read('Pack: 12S', 'CANO', 'SPIO_SCK')).toEqual(['Pack: 12S', 'CANO', 'SPI0_SCK']);
    expect(read('PA1', 'PB2', '12S1P pack', '12Cell')).toEqual(['PA1', 'PB2', '12S1P pack', '12Cell']);
  });

  it('leaves the letters where the page names no pins: PAO, PBO and PEO are polymers too', () => {
    expect(read('Base oil: PAO 6', 'Fibre: PBO', 'Viscosity at 40 °C')).toEqual(['Base oil: PAO 6', 'Fibre: PBO', 'Viscosity at 40 °C']);
    // One pin named is not enough, nor is the O inside a longer word.
    expect(read('PA6 housing', 'PAO base oil')).toEqual(['PA6 housing', 'PAO base oil']);
    expect(read('PA1', 'PB2', 'PAOLO', 'XPAO')).toEqual(['PA1', 'PB2', 'PAOLO', 'XPAO']);
  });
});
