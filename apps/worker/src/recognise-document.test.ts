import { pino } from 'pino';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrJobData } from '@ocr/contracts';
import { defaultRenderBudget } from '@ocr/documents';
import { chineseTextPdf, helveticaPdf, writePdf } from '@ocr/documents/fixtures';
import { loadPpocrEngine, type Engine } from '@ocr/engines';
import { characterErrorRate, renderPage } from '@ocr/testkit';
import { recogniseDocument, type RecogniseContext } from './recognise-document.ts';

let engine: Engine;

beforeAll(async () => {
  engine = await loadPpocrEngine();
});

afterAll(async () => {
  await engine?.dispose();
});

const TEXT = 'PUMP HOUSING ASSY 88-1042';

function context(maxPixelsPerPage: number): RecogniseContext {
  return {
    engine,
    limits: { maxPages: 10, maxPixelsPerPage, maxTotalPixels: 1e9 },
    renderBudget: defaultRenderBudget,
    defaultDpi: 200,
    workerId: 'test-worker',
    jobId: 'j-test',
    queueSeconds: 0,
    logger: pino({ level: 'silent' }),
  };
}

describe('recogniseDocument', () => {
  it('reads a scan over the pixel limit scaled down, with the scale on its page and its own size in file_info', async () => {
    const png = renderPage({ width: 1200, height: 300, blocks: [{ x: 40, y: 110, text: TEXT, fontSize: 60 }] });
    const data: OcrJobData = { blobKey: 'b', filename: 'sheet.png', size: png.byteLength, format: 'png', options: {} };
    const whole = await recogniseDocument(png, data, context(1_000_000));
    expect(whole.pages[0]!.scale).toBeUndefined();
    expect(whole.file_info.image_size).toEqual([1200, 300]);

    const scaled = await recogniseDocument(png, data, context(180_000));
    const [page] = scaled.pages;
    expect(page!.image_size).toEqual([848, 212]);
    expect(page!.scale).toBeCloseTo(848 / 1200, 5);
    expect(scaled.file_info).toMatchObject({ image_size: [1200, 300], page_sizes: [[848, 212]] });
    expect(characterErrorRate(TEXT, scaled.raw_text)).toBeLessThan(0.05);
  });

  it('reads white text on a transparent background, which flattened onto white paper shows nothing', async () => {
    const spec = { width: 900, height: 120, blocks: [{ x: 30, y: 30, text: TEXT, fontSize: 48, colour: '#ffffff' }] };
    const png = renderPage(spec, { transparent: true });
    const data: OcrJobData = { blobKey: 'b', filename: 'caption.png', size: png.byteLength, format: 'png', options: {} };
    const result = await recogniseDocument(png, data, context(1_000_000));
    expect(characterErrorRate(TEXT, result.raw_text)).toBeLessThan(0.05);
  });

  it('reads a PDF’s own text where it prints: the diameter mark, ℃ and full-width commas the recogniser cannot tell', async () => {
    const note = '技术要求：未注倒角C1，Ø20 H7 孔，温度 80℃';
    const pdf = chineseTextPdf([[{ text: note, x: 60, y: 700, size: 14 }, { text: '材料 45钢 调质处理 硬度 HB220', x: 60, y: 670, size: 14 }]]);
    const data: OcrJobData = { blobKey: 'b', filename: 'notes.pdf', size: pdf.byteLength, format: 'pdf', options: {} };
    const result = await recogniseDocument(pdf, data, context(100_000_000));
    // Read from the pixels alone this was `技术要求：未注倒角C1, O 20 H7 孔，温度 80°C`.
    expect(result.raw_text.split('\n')).toEqual([note, '材料 45钢 调质处理 硬度 HB220']);
    expect(result.pages[0]!.lines?.map((line) => line.text)).toEqual([note, '材料 45钢 调质处理 硬度 HB220']);
  });

  it('reads the PDF’s own text the detector misses where it prints (a calendar’s days in 4.5 pt), and none that does not print', async () => {
    const days = Array.from({ length: 28 }, (_, i) => String(i + 1).padStart(2, '0'));
    const prose = ['Timetable for the second term, as agreed by the board of studies.', 'Rooms are booked for each session; bring the handbook to the first one.'];
    const cell = (i: number) => ({ x: 60 + (i % 7) * 70, y: 400 - Math.floor(i / 7) * 40 });
    const ops = [
      ...prose.map((text, i) => `0 0 0 rg BT /F1 11 Tf 60 ${560 - i * 16} Td (${text}) Tj ET`),
      // Each day condensed in the corner of a tinted cell, as a printed calendar sets it.
      ...days.map((day, i) => `0.9 0.95 0.8 rg ${cell(i).x} ${cell(i).y} 64 34 re f 0 0 0 rg BT /F1 4.5 Tf 70 Tz ${cell(i).x + 3} ${cell(i).y + 27} Td (${day}) Tj ET`),
      // White on the paper, and under a filled box: text the page does not show.
      '1 1 1 rg BT /F1 4.5 Tf 63 220 Td (77) Tj ET',
      '0 0 0 rg BT /F1 4.5 Tf 203 220 Td (66) Tj ET 200 215 20 12 re f',
    ];
    const pdf = writePdf(
      [
        { value: '<< /Type /Catalog /Pages 2 0 R >>' },
        { value: '<< /Type /Pages /Kids [5 0 R] /Count 1 >>' },
        { value: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>' },
        { value: '<< >>', stream: new TextEncoder().encode(ops.join('\n')) },
        { value: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>' },
      ],
      { root: 1 },
    );
    const data: OcrJobData = { blobKey: 'b', filename: 'calendar.pdf', size: pdf.byteLength, format: 'pdf', options: {} };
    const words = (await recogniseDocument(pdf, data, context(100_000_000))).raw_text.split(/\s+/);
    // From the detector's boxes alone 20 of the 28 were read, `10` as `o`.
    expect(days.filter((day) => words.includes(day)).length).toBeGreaterThanOrEqual(26);
    expect(words).not.toContain('77');
    expect(words).not.toContain('66');
  });

  it('reads a page of fine print rendered finer where the request leaves the dpi to the service', async () => {
    // A schematic's 2 pt print in two corners, so the page is read whole: 5.6 px at 200 dpi,
    // under 4 px where the detector sees the page shrunk to 1,600 px.
    const notes = ['R12 10K 0402 1%', 'C7 100nF 16V X7R', 'U3 AXP209 PMU', 'Q1 BSS138 SOT23'];
    const lines = notes.flatMap((text, i) => [
      { text, x: 40, y: 800 - 4 * i, size: 2 },
      { text, x: 500, y: 60 - 4 * i, size: 2 },
    ]);
    const pdf = helveticaPdf(lines);
    const data = (options: OcrJobData['options']): OcrJobData => ({ blobKey: 'b', filename: 'board.pdf', size: pdf.byteLength, format: 'pdf', options });
    const fine = await recogniseDocument(pdf, data({}), context(100_000_000));
    expect(characterErrorRate([...notes, ...notes].join('\n'), fine.raw_text)).toBeLessThan(0.05);
    expect(fine.pages[0]).toMatchObject({ scale: 2, image_size: [3306, 4678] });
    expect(fine.file_info.image_size).toEqual([1653, 2339]);
    // A dpi the caller names is the one the page is read at.
    const asked = await recogniseDocument(pdf, data({ dpi: 200 }), context(100_000_000));
    expect(asked.pages[0]!.scale).toBeUndefined();
    expect(asked.pages[0]!.image_size).toEqual([1653, 2339]);
  });

  it('reads a PDF’s own text on a page whose text runs sideways, turned upright with the page', async () => {
    // Set top to bottom (a drawing plotted sideways onto a portrait sheet); Ø is WinAnsi \330.
    const lines = ['Shaft \\33020 ground all over', 'Material 42CrMo4 quenched and tempered', 'Tolerance +/-0.05 mm unless stated'];
    const ops = lines.map((text, i) => `BT /F1 24 Tf 0 -1 1 0 ${120 + i * 40} 760 Tm (${text}) Tj ET`).join('\n');
    const pdf = writePdf(
      [
        { value: '<< /Type /Catalog /Pages 2 0 R >>' },
        { value: '<< /Type /Pages /Kids [5 0 R] /Count 1 >>' },
        { value: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>' },
        { value: '<< >>', stream: new TextEncoder().encode(ops) },
        { value: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>' },
      ],
      { root: 1 },
    );
    const data: OcrJobData = { blobKey: 'b', filename: 'sideways.pdf', size: pdf.byteLength, format: 'pdf', options: {} };
    const result = await recogniseDocument(pdf, data, context(100_000_000));
    expect(result.pages[0]!.rotation).toBe(90);
    // From the pixels alone the bare diameter mark reads as 0: `Shaft 020 ground all over`.
    expect(result.raw_text).toContain('Shaft Ø20 ground all over');
  });

  it('reads a standard-mode fax (204 × 98 dpi) at its printed shape, its pixels made square', async () => {
    const lines = 'Tighten the M16 foundation bolts to 210 Nm.\nFill with ISO VG 220 gear oil to the sight glass.';
    const png = renderPage({ width: 900, height: 160, blocks: [{ x: 30, y: 30, text: lines, fontSize: 28 }] });
    const squashed = sharp(png).resize(900, Math.round((160 * 98) / 204), { fit: 'fill' }).greyscale();
    const fax = await squashed.clone().tiff({ compression: 'deflate', xres: 204 / 25.4, yres: 98 / 25.4 }).toBuffer();
    const data: OcrJobData = { blobKey: 'b', filename: 'fax.tif', size: fax.byteLength, format: 'tiff', options: {} };
    const result = await recogniseDocument(fax, data, context(1_000_000));
    expect(result.file_info).toMatchObject({ image_size: [900, 160], page_sizes: [[900, 160]] });
    const squareCer = characterErrorRate(lines, result.raw_text);
    expect(squareCer).toBeLessThan(0.03);
    // The direction classifier takes its blurred lines for upside down; read, they show it upright.
    expect(result.pages[0]!.rotation).toBe(0);
    // The same pixels with no resolutions stated are read as they are stored, squashed.
    const plain = await squashed.clone().tiff({ compression: 'deflate' }).toBuffer();
    const asStored = await recogniseDocument(plain, { ...data, size: plain.byteLength }, context(1_000_000));
    expect(asStored.file_info).toMatchObject({ image_size: [900, 77], page_sizes: [[900, 77]] });
  });
});

