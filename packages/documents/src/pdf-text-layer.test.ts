import { describe, expect, it } from 'vitest';
import { allPages, encodePage, latinTextPdf, scannedPdf, textPage, writePdf } from './fixtures/index.ts';
import { openDocument } from './open.ts';
import { medianFontSize, ownRuns, placeText } from './pdf-text-layer.ts';

describe('ownRuns', () => {
  const run = (str: string, invisible?: boolean) => ({ str, transform: [10, 0, 0, 10, 0, 0], width: 10 * str.length, ...(invisible === undefined ? {} : { invisible }) });

  it('leaves out invisible runs where the page prints text of its own, as an Altium sheet names its pins', () => {
    expect(ownRuns([run('PB12', false), run('PIU1049', true), run('GND')]).map((r) => r.str)).toEqual(['PB12', 'GND']);
  });

  it('keeps them where they are all the text there is, or nearly: a CAD plotter’s over stroked lettering, a scan’s OCR', () => {
    expect(ownRuns([run('R5 0.1uF', true), run('C7', true)]).map((r) => r.str)).toEqual(['R5 0.1uF', 'C7']);
    // A page number a merger printed on a KiCad sheet does not make its invisible text another's.
    expect(ownRuns([run('USB_DP PWR_FLAG GND 17 PC7', true), run('3')]).map((r) => r.str)).toEqual(['USB_DP PWR_FLAG GND 17 PC7', '3']);
  });
});

describe('placeText', () => {
  it('places each character of a run at the middle of its glyph on the page, the run shared evenly', () => {
    // 2 px per point, y flipped on a 100 pt tall page; a 10 pt run "AB" 20 pt wide from (5, 50).
    const chars = placeText([{ str: 'AB', transform: [10, 0, 0, 10, 5, 50], width: 20 }], [2, 0, 0, -2, 0, 200]);
    expect(chars.map((c) => c.char)).toEqual(['A', 'B']);
    expect(chars[0]!.x).toBeCloseTo(20);
    expect(chars[1]!.x).toBeCloseTo(40);
    // The baseline is at y 100 on the page; the glyphs' middle 0.35 of 20 px above it.
    for (const c of chars) expect(c.y).toBeCloseTo(93);
    // 10 pt at 2 px per point.
    for (const c of chars) expect(c.size).toBeCloseTo(20);
  });

  it('follows a run turned a quarter (text up the page) and keeps its spaces', () => {
    const chars = placeText([{ str: 'A B', transform: [0, 10, -10, 0, 50, 10], width: 30 }], [1, 0, 0, -1, 0, 100]);
    expect(chars.map((c) => c.char).join('')).toBe('A B');
    // Up the page is −y in pixels; the glyphs' middle lies 3.5 px left of the baseline.
    expect(chars.map((c) => [Math.round(c.x * 10) / 10, Math.round(c.y * 10) / 10])).toEqual([
      [46.5, 85],
      [46.5, 75],
      [46.5, 65],
    ]);
  });

  it('leaves out a run of spaces wider than a font size (a table’s filler), whose middle would land in another run’s word', () => {
    // A skating protocol's filler runs across `The Judges Panel`: placed, its space split `Pan el`.
    const runs = [
      { str: 'Panel', transform: [6, 0, 0, 6, 100, 50], width: 15 },
      { str: ' ', transform: [5, 0, 0, 5, 40, 50], width: 140 },
      { str: ' ', transform: [6, 0, 0, 6, 115, 50], width: 2 },
      { str: 'Total', transform: [6, 0, 0, 6, 117, 50], width: 14 },
    ];
    expect(placeText(runs, [1, 0, 0, -1, 0, 100]).map((c) => c.char).join('')).toBe('Panel Total');
  });

  it('places text drawn twice over itself once, and no space where the other copy has a glyph', () => {
    // A seed trial's report draws each run twice a hair apart for bold: read `$$792`, `Ac,,PV`.
    const page = [1, 0, 0, -1, 0, 100];
    const twice = [
      { str: 'Ac,PV $792', transform: [8, 0, 0, 8, 100, 50], width: 40 },
      { str: 'Ac,PV $792', transform: [8, 0, 0, 8, 100.4, 50], width: 40 },
    ];
    expect(placeText(twice, page).map((c) => c.char).join('')).toBe('Ac,PV $792');
    // The second copy's map gives a space for the stop.
    const maps = [
      { str: '1.9', transform: [8, 0, 0, 8, 100, 50], width: 12 },
      { str: '1 9', transform: [8, 0, 0, 8, 100.3, 50], width: 12 },
    ];
    expect(placeText(maps, page).map((c) => c.char).join('')).toBe('1.9');
    // Letters doubled in a word, and runs a glyph apart, are each their own.
    const word = [{ str: 'Bell 1100', transform: [8, 0, 0, 8, 100, 50], width: 36 }];
    expect(placeText(word, page).map((c) => c.char).join('')).toBe('Bell 1100');
  });
});

describe('medianFontSize', () => {
  it('is the size most of the characters are set in, spaces left out, whatever the text matrix turns', () => {
    const runs = [
      { str: 'SD/MMC', transform: [12, 0, 0, 12, 0, 0], width: 40 },
      { str: 'R1 10K', transform: [2, 0, 0, 2, 0, 0], width: 8 },
      { str: 'GND', transform: [0, 2.5, -2.5, 0, 0, 0], width: 5 },
      { str: '     ', transform: [30, 0, 0, 30, 0, 0], width: 50 },
    ];
    expect(medianFontSize(runs)).toBe(2.5);
  });

  it('is undefined for a page with no characters but spaces', () => {
    expect(medianFontSize([{ str: ' ', transform: [10, 0, 0, 10, 0, 0], width: 3 }])).toBeUndefined();
    expect(medianFontSize([])).toBeUndefined();
  });
});

describe('a PDF page’s text', () => {
  it('comes with the rendered page, each character on its printed line', async () => {
    const [page] = await allPages(await openDocument(latinTextPdf(1), { dpi: 72 }));
    const text = page!.text!;
    expect(text.map((c) => c.char).join('')).toBe('Page 1 of 1');
    // 20 pt Helvetica from x = 40 with its baseline 60 pt below the top: the glyphs lie between.
    for (const c of text) {
      expect(c.x).toBeGreaterThan(40);
      expect(c.x).toBeLessThan(160);
      expect(c.y).toBeGreaterThan(45);
      expect(c.y).toBeLessThan(60);
    }
  });

  it('comes with a vector drawing whose searchable text is invisible over its stroked lettering, as a CAD plotter writes it', async () => {
    // KiCad's schematics (WCH's Easy_PD_Sink.pdf): each label stroked, its text set invisible over
    // it. With no image under it, that text is the sheet's own, not another program's OCR.
    const content = '0.5 w 40 700 m 52 712 l 64 700 l S BT /F1 12 Tf 3 Tr 40 700 Td (R5 0.1uF) Tj ET';
    const pdf = writePdf(
      [
        { value: '<< /Type /Catalog /Pages 2 0 R >>' },
        { value: '<< /Type /Pages /Kids [5 0 R] /Count 1 >>' },
        { value: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>' },
        { value: '<< >>', stream: new TextEncoder().encode(content) },
        { value: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>' },
      ],
      { root: 1 },
    );
    const [page] = await allPages(await openDocument(pdf, { dpi: 72 }));
    expect(page!.text?.map((c) => c.char).join('')).toBe('R5 0.1uF');
  });

  it('comes with a CAD sheet whose invisible text names its pins beside a small logo: that text is no OCR of the logo', async () => {
    // Altium's schematics (WeAct's MiniF4x1 board): labels set in visible text, every pin and net
    // named again in invisible text, a logo in the title block. The logo covers a thousandth of
    // the sheet; a scan under an OCR layer covers the page.
    const content = 'BT /F1 9 Tf 40 500 Td (PB12) Tj ET BT /F1 9 Tf 3 Tr 40 480 Td (PIR102) Tj ET q 69 0 0 11 500 50 cm /Im0 Do Q';
    const pdf = writePdf(
      [
        { value: '<< /Type /Catalog /Pages 2 0 R >>' },
        { value: '<< /Type /Pages /Kids [6 0 R] /Count 1 >>' },
        { value: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>' },
        { value: '<< >>', stream: new TextEncoder().encode(content) },
        { value: '<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 >>', stream: new Uint8Array([0]) },
        { value: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources << /Font << /F1 3 0 R >> /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>' },
      ],
      { root: 1 },
    );
    const [page] = await allPages(await openDocument(pdf, { dpi: 72 }));
    // Its invisible names, which print nowhere, are left out: the labels' text is what prints.
    expect(page!.text?.map((c) => c.char).join('')).toBe('PB12');
  });

  it('is not given for a scan decoded natively: text hidden under a scan is another program’s OCR', async () => {
    const jpeg = await encodePage(await textPage('Scan 123', { width: 320, height: 96, fontSize: 36 }), 'jpeg', 90);
    const scanWith = (extraContent: string) => scannedPdf([{ jpeg, width: 320, height: 96 }], 150, { extraContent });
    const [hidden] = await allPages(await openDocument(scanWith('BT /F1 12 Tf 3 Tr 20 20 Td (Scan 128) Tj ET')));
    expect(hidden!.text).toBeUndefined();
    // Text printed over a scan makes pdfjs render the page, and comes with it.
    const [stamped] = await allPages(await openDocument(scanWith('BT /F1 12 Tf 20 20 Td (Stamped) Tj ET')));
    expect(stamped!.text?.map((c) => c.char).join('')).toBe('Stamped');
  });

  it('is not given where a hidden OCR layer lies under a scan with a visible stamp too', async () => {
    // An archive's footer over a searchable scan (industrydocuments.ucsf.edu): the page is
    // rendered, and its hidden layer (here misread, as old OCR layers are) must not correct the
    // reading. The layer keeps its mode in its own q … Q, as OCR programs write it.
    const jpeg = await encodePage(await textPage('Scan 123', { width: 320, height: 96, fontSize: 36 }), 'jpeg', 90);
    const footer = 'BT /F1 6 Tf 20 5 Td (Source: archive) Tj ET';
    const layered = scannedPdf([{ jpeg, width: 320, height: 96 }], 150, { extraContent: `q BT /F1 12 Tf 3 Tr 20 20 Td (Scan 128) Tj ET Q ${footer}` });
    const [page] = await allPages(await openDocument(layered));
    expect(page!.text).toBeUndefined();
    const [visible] = await allPages(await openDocument(scannedPdf([{ jpeg, width: 320, height: 96 }], 150, { extraContent: `BT /F1 12 Tf 0 Tr 20 20 Td (Scan 128) Tj ET ${footer}` })));
    expect(visible!.text?.map((c) => c.char).join('')).toBe('Scan 128Source: archive');
  });
});
