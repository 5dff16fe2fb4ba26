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
    expect(read('BOOTO', 'ADCO CTS2 WKUP1', 'UARTO TX', 'I2CO_SDA', 'USBO_DP', 'UORXD', 'R3 499 UOTXD')).toEqual(['BOOT0', 'ADC0 CTS2 WKUP1', 'UART0 TX', 'I2C0_SDA', 'USB0_DP', 'U0RXD', 'R3 499 U0TXD']);
    expect(read('UORXDX', 'AUOTXD')).toEqual(['UORXDX', 'AUOTXD']);
    expect(read('TIMER1_CHO, TIMER2_CHO_ON', 'CHO group', 'ECHO')).toEqual(['TIMER1_CH0, TIMER2_CH0_ON', 'CHO group', 'ECHO']);
  });

  it('reads the buses of a page that names pins: `SPIO`, `TIMERO`, `CANO` with a zero, `12C0` and `12S` with an I', () => {
    expect(read('PA5 SPIO_SCK', 'PB6 12C0_SCL', 'PB12 12S1_WS', 'CANO_RX', 'TIMERO_CH1', '12S')).toEqual(['PA5 SPI0_SCK', 'PB6 I2C0_SCL', 'PB12 I2S1_WS', 'CAN0_RX', 'TIMER0_CH1', 'I2S']);
    expect(read('PA9', 'PA10', '12CO')).toEqual(['PA9', 'PA10', 'I2C0']);
    // A battery of twelve cells, a name, a temperature: no pins named, or no bus.
    expect(read('Pack: 12S', 'CANO', 'SPIO_SCK', 'Store at 12C')).toEqual(['Pack: 12S', 'CANO', 'SPI0_SCK', 'Store at 12C']);
    // Beside another bus in its line, on any page.
    expect(read('Peripherals: SPI, 12C, 12S, UART', 'USB2.0 and 12C1')).toEqual(['Peripherals: SPI, I2C, I2S, UART', 'USB2.0 and I2C1']);
    expect(read('PA1', 'PB2', '12S1P pack', '12Cell')).toEqual(['PA1', 'PB2', '12S1P pack', '12Cell']);
    // On a page that names the bus read with its I (NXP's MFRC522's contents, scanned); not the other bus.
    expect(read('10.4 I2C Bus Interface', 'pins EA, 12C and NRESET', 'Pack: 12S')).toEqual(['10.4 I2C Bus Interface', 'pins EA, I2C and NRESET', 'Pack: 12S']);
  });

  it('reads a supply named alone with its DD read OD as the page reads the name (NXP’s MFRC522’s characteristics, scanned)', () => {
    expect(read('0.7 PVDD', 'PVOD = 3 V, PVDD -400 mV', 'VOD and AVOD')).toEqual(['0.7 PVDD', 'PVDD = 3 V, PVDD -400 mV', 'VOD and AVOD']);
  });

  it('leaves the letters where the page names no pins: PAO, PBO and PEO are polymers too', () => {
    expect(read('Base oil: PAO 6', 'Fibre: PBO', 'Viscosity at 40 °C')).toEqual(['Base oil: PAO 6', 'Fibre: PBO', 'Viscosity at 40 °C']);
    // One pin named is not enough, nor is the O inside a longer word.
    expect(read('PA6 housing', 'PAO base oil')).toEqual(['PA6 housing', 'PAO base oil']);
    expect(read('PA1', 'PB2', 'PAOLO', 'XPAO', 'PIO')).toEqual(['PA1', 'PB2', 'PAOLO', 'XPAO', 'PIO']);
  });

  it('reads a Bouffalo pin table’s names as scanned (BL616, BL808): its GPIOs make a page of pins', () => {
    expect(
      read(
        '4 VDDIO_1 DVDO PAD_GPIO_0 uart_sig_0_sel=6',
        '5 VDDIO_1 DIVDO PAD_GPIO_1',
        '29 AVDD33 DUDO PAD_GPIO_10',
        '5 12C0_SCL 12C0_SCL',
        '3 - I2S_DI/2S_RCLK_O I2S_DVI2S_RCLK_O',
        '11 SWGPIOO SWGPI01 SWGPI010 GPIO1O',
        'reg_pwm1_io_sel=0 PWMO_CHOP PWMO_CHON PWM1_CH1P',
        '26 - MO_JTAG_TMS DO_JTAG_TMS CAMO_DAT7 SFO_CS',
        'TDVTDO',
      ),
    ).toEqual([
      '4 VDDIO_1 DI/DO PAD_GPIO_0 uart_sig_0_sel=6',
      '5 VDDIO_1 DI/DO PAD_GPIO_1',
      '29 AVDD33 DI/DO PAD_GPIO_10',
      '5 I2C0_SCL I2C0_SCL',
      '3 - I2S_DI/I2S_RCLK_O I2S_DI/I2S_RCLK_O',
      '11 SWGPIO0 SWGPIO1 SWGPIO10 GPIO10',
      'reg_pwm1_io_sel=0 PWM0_CH0P PWM0_CH0N PWM1_CH1P',
      '26 - M0_JTAG_TMS D0_JTAG_TMS CAM0_DAT7 SF0_CS',
      'TDI/TDO',
    ]);
  });

  it('leaves what only looks so: words, a data output, an output GPIO, and units off pages of pins', () => {
    expect(read('GPIO_5', 'GPIO_6', 'DO_OUT MO_EN GPIO_O VDDIO_1', 'CHOP wood', 'DIDO', 'DVD0')).toEqual(['GPIO_5', 'GPIO_6', 'DO_OUT MO_EN GPIO_O VDDIO_1', 'CHOP wood', 'DIDO', 'DVD0']);
    // One GPIO named is not a page of pins: camo and SFO stay, as does the DVDO company.
    expect(read('GPIO_5', 'CAMO_PATTERN SFO_GATE DVDO')).toEqual(['GPIO_5', 'CAMO_PATTERN SFO_GATE DVDO']);
    // A PWM's O and its pair's channels are mended on any page: no word reads so.
    expect(read('PWMO_CHON')).toEqual(['PWM0_CH0N']);
  });

  it('reads GPIOs’ O read as a zero, buses numbered 1 read with an I, and supplies’ DD read with an O, on any page', () => {
    expect(read('Bootstrap 引脚是 GPI02。', 'VDDI02', '14 VDD_I0 数字电源', 'DVDDI0')).toEqual(['Bootstrap 引脚是 GPIO2。', 'VDDIO2', '14 VDD_IO 数字电源', 'DVDDIO']);
    expect(read('UARTI_RTS UART1_CTS', 'SPIl', 'VDOIO VOOIO VODBUS VDOCORE AVDO33 DVDO11')).toEqual(['UART1_RTS UART1_CTS', 'SPI1', 'VDDIO VDDIO VDDBUS VDDCORE AVDD33 DVDD11']);
    expect(read('VDO gauge', 'VOODOO', 'UARTIN', 'PWMInput')).toEqual(['VDO gauge', 'VOODOO', 'UARTIN', 'PWMInput']);
    expect(read('GPI0')).toEqual(['GPI0']);
    expect(read('20 TXDI Reserved', 'RXDI 21', 'TXDIN')).toEqual(['20 TXD1 Reserved', 'RXD1 21', 'TXDIN']);
  });

  it('reads a pin table’s supplies, LDOs and I²C signals as Sony’s CXD5605GF datasheet prints them, scanned', () => {
    expect(read('12C0_SDA In/Out VDD_100 Hi-Z', 'C1 DC_0 VDD_101', 'D3 LDOO_OUT Power', 'E1 LD02_OUT', 'P15 /12C1_SDA', '12C SCL')).toEqual([
      'I2C0_SDA In/Out VDD_IO0 Hi-Z',
      'C1 DC_0 VDD_IO1',
      'D3 LDO0_OUT Power',
      'E1 LDO2_OUT',
      'P15 /I2C1_SDA',
      'I2C SCL',
    ]);
    const text = ['VDD_10 V', 'VDD_1000', 'LD02X', 'LDOOR', '12C SCALE', '12S pack'];
    expect(read(...text)).toEqual(text);
  });

  it('reads a module’s IO pins read with a 1, an l or a 0 on a page of them (Sipeed’s MF1 pin map in a serif face)', () => {
    expect(read('3 3 I2C1_SCL', '4 4 1014', '5 5 1013', '8 8 I010', '9 9 I07', '10 10 I06', '2 2 lO5')).toEqual(['3 3 I2C1_SCL', '4 4 IO14', '5 5 IO13', '8 8 IO10', '9 9 IO7', '10 10 IO6', '2 2 IO5']);
    // Beside pins named right, too; numbers before a unit, or past IO47, stay.
    expect(read('IO0 IO2', '1015', '1024 KB', '1050', '10.15')).toEqual(['IO0 IO2', 'IO15', '1024 KB', '1050', '10.15']);
    // Without two such pins, 10 and two digits is a number (a year, a value), and one I0 a current.
    expect(read('1015', '1013', 'I07')).toEqual(['1015', '1013', 'I07']);
  });

  it('closes up Kinetis pins and supplies read with spaces on a page of pins (Teensy’s schematics at 72 ppi)', () => {
    expect(read('PTA18', 'PTA19', 'PTC 2', 'PT D 6', 'P TA 1', 'PTB 17', 'VD D', 'VS SA', 'US B 1_VS S', 'VDDA')).toEqual(['PTA18', 'PTA19', 'PTC2', 'PTD6', 'PTA1', 'PTB17', 'VDD', 'VSSA', 'US B 1_VSS', 'VDDA']);
    // Off a page of pins they stay: PT and a letter may be an abbreviation; nor a word after a supply, nor a number past a pin's.
    expect(read('PT C2 grade', 'VS S', 'VD D')).toEqual(['PT C2 grade', 'VS S', 'VD D']);
    expect(read('PA1', 'PB2', 'PT C 123', 'VDD A side', 'PT 100')).toEqual(['PA1', 'PB2', 'PT C 123', 'VDD A side', 'PT 100']);
  });

  it('reads a receiver’s 1PPS read with an I on a page about satellite positioning', () => {
    expect(read('GPS&BD 典型功耗', '22 VBAT IPPS 3', 'lPPS output')).toEqual(['GPS&BD 典型功耗', '22 VBAT 1PPS 3', '1PPS output']);
    expect(read('IPPS 3', 'Medicare IPPS rule', 'IPPS://host')).toEqual(['IPPS 3', 'Medicare IPPS rule', 'IPPS://host']);
  });
});
