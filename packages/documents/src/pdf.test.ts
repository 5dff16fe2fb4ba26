import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { PageImage } from '@ocr/contracts';
import { allPages, chineseTextPdf, encodePage, helveticaPdf, highlightedTextPdf, imageBombPdf, inkFraction, latinTextPdf, meanAbsoluteDifference, misplacedObjectPdf, pagesIsPagePdf, scannedPdf, textPage, type Box } from './fixtures/index.ts';
import { defaultDocumentLimits } from './limits.ts';
import { openDocument } from './open.ts';

function crop(image: PageImage, box: Box): Uint8Array {
  const out = new Uint8Array(box.width * box.height * 3);
  for (let y = 0; y < box.height; y++) {
    const from = ((box.top + y) * image.width + box.left) * 3;
    out.set(image.data.subarray(from, from + box.width * 3), y * box.width * 3);
  }
  return out;
}

describe('openDocument on PDFs', () => {
  it('renders non-embedded Chinese (STSong-Light, UniGB-UCS2-H) as real glyphs, not empty boxes', async () => {
    // 72 pt glyphs at 144 dpi: each character fills a 144 px cell starting at x = 144.
    const pdf = chineseTextPdf([[{ x: 72, y: 700, size: 72, text: '技图' }], [{ x: 72, y: 700, size: 24, text: '第二页 Page 2' }]]);
    const doc = await openDocument(pdf, { dpi: 144 });
    expect(doc).toMatchObject({ format: 'pdf', pageCount: 2, selectedPages: [1, 2] });
    const [first, second] = await allPages(doc);
    expect(first!.image).toMatchObject({ width: 1190, height: 1684, channels: 3 });
    const cell = (left: number): Box => ({ left, top: 130, width: 144, height: 190 });
    const glyphs = [crop(first!.image, cell(144)), crop(first!.image, cell(288))];
    // A missing CJK font draws the same "tofu" box for every character; real glyphs differ.
    const differing = glyphs[0]!.filter((v, i) => Math.abs(v - glyphs[1]![i]!) > 128).length / glyphs[0]!.length;
    expect(differing).toBeGreaterThan(0.05);
    expect(inkFraction(first!.image, cell(144))).toBeGreaterThan(0.05);
    expect(inkFraction(first!.image, cell(288))).toBeGreaterThan(0.05);
    expect(inkFraction(first!.image, { left: 0, top: 400, width: 1190, height: 1284 })).toBe(0);
    expect(inkFraction(second!.image, { left: 144, top: 250, width: 600, height: 40 })).toBeGreaterThan(0.02);
  });

  it('shows text under a highlight drawn with Multiply in a non-isolated group, and leaves the page as it was around it', async () => {
    const render = async (highlight: 'over-text' | 'below-text' | 'none') =>
      (await allPages(await openDocument(highlightedTextPdf(highlight), { dpi: 72 })))[0]!.image;
    const [over, below, none] = await Promise.all([render('over-text'), render('below-text'), render('none')]);
    // The line of text lies at y 72–100 at 72 dpi, x 72 onwards.
    const band: Box = { left: 70, top: 76, width: 270, height: 22 };
    const green = crop(over, band).filter((_, i) => i % 3 === 1);
    // Under the highlight the glyphs stay dark (drawn over, they were its colour, G 191), and the paper turns the highlight's colour.
    expect(Math.min(...green)).toBeLessThan(40);
    expect(Math.max(...green)).toBeGreaterThan(185);
    expect(Math.max(...green)).toBeLessThan(197);
    // A highlight on blank paper leaves the text's pixels exactly as without it.
    expect(Buffer.from(crop(below, band)).equals(Buffer.from(crop(none, band)))).toBe(true);
    // ...and the highlight is there, in its colour, on the paper below (y 260–300).
    expect(below.data[(280 * below.width + 200) * 3 + 1]).toBeGreaterThan(185);
    expect(below.data[(280 * below.width + 200) * 3 + 1]).toBeLessThan(197);
  });

  it('draws a middle page whose content stream the cross-reference table misplaces, from the table rebuilt', async () => {
    const doc = await openDocument(misplacedObjectPdf(3, 6), { dpi: 72 });
    const pages = await allPages(doc);
    expect(pages.map((p) => p.text?.map((c) => c.char).join(''))).toEqual(['Page 1 of 3', 'Page 2 of 3', 'Page 3 of 3']);
    // Helvetica 20 pt at x 40 on a baseline 60 pt below the top edge.
    for (const { image } of pages) expect(inkFraction(image, { left: 40, top: 44, width: 110, height: 18 })).toBeGreaterThan(0.05);
  });

  it('reads a damaged PDF whose catalog names the page itself as its page tree', async () => {
    const pages = await allPages(await openDocument(pagesIsPagePdf('Lone page'), { dpi: 72 }));
    expect(pages.map((p) => p.text?.map((c) => c.char).join(''))).toEqual(['Lone page']);
    expect(inkFraction(pages[0]!.image, { left: 20, top: 44, width: 90, height: 18 })).toBeGreaterThan(0.05);
  });

  it('opens a PDF whose writer left out the %PDF header, as readers do', async () => {
    const whole = Buffer.from(latinTextPdf(2));
    const headerless = whole.subarray(whole.indexOf('\n') + 1);
    expect(headerless.includes('%PDF')).toBe(false);
    const pages = await allPages(await openDocument(headerless, { dpi: 72 }));
    const expected = await allPages(await openDocument(whole, { dpi: 72 }));
    expect(pages.map((p) => p.text?.map((c) => c.char).join(''))).toEqual(expected.map((p) => p.text?.map((c) => c.char).join('')));
    expect(pages[0]!.text?.length).toBeGreaterThan(5);
  });

  it('sizes pages by the dpi option, default 200', async () => {
    const pdf = latinTextPdf(1);
    const [at200] = await allPages(await openDocument(pdf));
    expect(at200!.image).toMatchObject({ width: 1653, height: 2339 });
    const [at100] = await allPages(await openDocument(pdf, { dpi: 100 }));
    expect(at100!.image).toMatchObject({ width: 826, height: 1169 });
    expect(inkFraction(at100!.image, { left: 50, top: 60, width: 300, height: 40 })).toBeGreaterThan(0.02);
  });

  it('renders a scanned page (JPEG through DCTDecode) back to the scan’s pixels', async () => {
    const page = await textPage('Scanned 扫描 page', { width: 640, height: 200 });
    const jpeg = await encodePage(page, 'jpeg', 95);
    const pdf = scannedPdf([{ jpeg, width: 640, height: 200 }], 150);
    const [only] = await allPages(await openDocument(pdf, { dpi: 150 }));
    expect(only!.image).toMatchObject({ width: 640, height: 200 });
    const { data } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
    expect(meanAbsoluteDifference(only!.image, { data, channels: 3 })).toBeLessThan(6);
    expect(inkFraction(only!.image, page.textBox)).toBeGreaterThan(0.02);
  });

  it('keeps colours in R, G, B order', async () => {
    // Three stripes, red, green and blue, 60 px each.
    const stripes = Buffer.alloc(180 * 60 * 3);
    for (let p = 0; p < 180 * 60; p++) stripes[p * 3 + Math.floor((p % 180) / 60)] = 255;
    const jpeg = await sharp(stripes, { raw: { width: 180, height: 60, channels: 3 } }).jpeg({ quality: 100 }).toBuffer();
    const [only] = await allPages(await openDocument(scannedPdf([{ jpeg, width: 180, height: 60 }], 72), { dpi: 72 }));
    const pixel = (x: number): number[] => [...only!.image.data.subarray((30 * 180 + x) * 3, (30 * 180 + x) * 3 + 3)];
    [30, 90, 150].forEach((x, channel) => {
      const rgb = pixel(x);
      expect(rgb[channel]).toBeGreaterThan(200);
      expect(rgb.filter((_, c) => c !== channel).every((v) => v < 60)).toBe(true);
    });
  });

  it('renders only the selected pages, in order', async () => {
    const doc = await openDocument(latinTextPdf(4), { pages: '4,2', dpi: 72 });
    expect(doc).toMatchObject({ pageCount: 4, selectedPages: [2, 4] });
    expect((await allPages(doc)).map((p) => p.page)).toEqual([2, 4]);
  });

  it('opens an encrypted PDF with its password', async () => {
    const pdf = latinTextPdf(1, { encryption: { userPassword: 'open sesame', ownerPassword: 'owner' } });
    await expect(openDocument(pdf)).rejects.toMatchObject({ code: 'encrypted_pdf', status: 422 });
    await expect(openDocument(pdf, { password: 'nope' })).rejects.toMatchObject({ code: 'wrong_password', status: 422 });
    const [only] = await allPages(await openDocument(pdf, { password: 'open sesame', dpi: 72 }));
    expect(inkFraction(only!.image, { left: 30, top: 15, width: 200, height: 40 })).toBeGreaterThan(0.02);
  });

  it.each(['aes-256-r5', 'aes-256-r6'] as const)('opens an %s PDF whose password is not ASCII, given as typed', async (handler) => {
    const expected = (await allPages(await openDocument(latinTextPdf(1), { dpi: 72 })))[0]!.text?.map((c) => c.char).join('');
    const pdf = latinTextPdf(1, { encryption: { userPassword: 'pässwört', ownerPassword: 'besitzer', handler } });
    await expect(openDocument(pdf, { password: 'passwort' })).rejects.toMatchObject({ code: 'wrong_password', status: 422 });
    await expect(openDocument(pdf, { password: 'pässwort' })).rejects.toMatchObject({ code: 'wrong_password', status: 422 });
    const [only] = await allPages(await openDocument(pdf, { password: 'pässwört', dpi: 72 }));
    expect(only!.text?.map((c) => c.char).join('')).toBe(expected);
    expect(inkFraction(only!.image, { left: 30, top: 15, width: 200, height: 40 })).toBeGreaterThan(0.02);
    // SASLprep: compatibility forms folded, a soft hyphen dropped.
    const prepped = latinTextPdf(1, { encryption: { userPassword: 'SaSLprep', ownerPassword: 'owner', handler } });
    const [again] = await allPages(await openDocument(prepped, { password: 'S\u00aaSL\u00adprep', dpi: 72 }));
    expect(again!.text?.map((c) => c.char).join('')).toBe(expected);
  });

  it('reads the pages of a PDF whose password guards only its attachments, without the password', async () => {
    const expected = (await allPages(await openDocument(latinTextPdf(1), { dpi: 72 })))[0]!.text?.map((c) => c.char).join('');
    const pdf = latinTextPdf(1, { encryption: { userPassword: 'secret', ownerPassword: 'owner', handler: 'aes-256-r6', attachmentsOnly: true } });
    const [only] = await allPages(await openDocument(pdf, { dpi: 72 }));
    expect(only!.text?.map((c) => c.char).join('')).toBe(expected);
    expect(inkFraction(only!.image, { left: 30, top: 15, width: 200, height: 40 })).toBeGreaterThan(0.02);
    // Given, the password opens it as it stands.
    const [withPassword] = await allPages(await openDocument(pdf, { password: 'secret', dpi: 72 }));
    expect(withPassword!.text?.map((c) => c.char).join('')).toBe(expected);
  });

  it('renders a sheet too large for the per-page limit at the largest size that fits', async () => {
    const pdf = latinTextPdf(1, { size: { width: 200 * 72, height: 100 * 72 } });
    const limits = { maxPages: 10, maxPixelsPerPage: 1_000_000, maxTotalPixels: 10_000_000 };
    const [only] = await allPages(await openDocument(pdf, { limits }));
    const { width, height } = only!.image;
    expect(width * height).toBeLessThanOrEqual(1_000_000);
    expect(width * height).toBeGreaterThan(990_000);
    expect(Math.abs(width / height - 2)).toBeLessThan(0.01);
    // At the default 200 dpi the sheet would be 40,000 px wide.
    expect(only!.scale).toBeCloseTo(width / 40_000, 3);
  });

  it('renders a page of fine print finer where the dpi is left to it, its text placed on the finer page', async () => {
    // A board's schematic on A4: 2 pt, 5.6 px at 200 dpi; the heading alone is larger.
    const lines = [{ x: 40, y: 800, size: 14, text: 'POWER SUPPLY' }, ...['R12 10K 0402', 'C7 100nF 16V', 'U3 AXP209'].map((text, i) => ({ x: 40 + 150 * i, y: 60 + 300 * i, size: 2, text }))];
    const pdf = helveticaPdf(lines);
    const [fine] = await allPages(await openDocument(pdf, { finePrint: true }));
    expect([fine!.image.width, fine!.image.height]).toEqual([3306, 4678]);
    expect(fine!.scale).toBe(2);
    const [asked] = await allPages(await openDocument(pdf));
    expect([asked!.image.width, asked!.image.height]).toEqual([1653, 2339]);
    expect(asked!.scale).toBeUndefined();
    // Each character lies where it does on the page drawn at the requested dpi, twice as far out.
    const at = (page: typeof fine, char: string) => page!.text!.find((c) => c.char === char)!;
    for (const char of ['U', 'Y']) {
      expect(at(fine, char).x).toBeCloseTo(2 * at(asked, char).x, 0);
      expect(at(fine, char).y).toBeCloseTo(2 * at(asked, char).y, 0);
    }
    // Print the detector finds at the requested dpi stays at it.
    const [plain] = await allPages(await openDocument(helveticaPdf(lines.map((line) => ({ ...line, size: 9 }))), { finePrint: true }));
    expect(plain!.image.width).toBe(1653);
  });

  it('refuses more pages or pixels than the limits allow, before rendering', async () => {
    const limits = { maxPages: 3, maxPixelsPerPage: 1_000_000, maxTotalPixels: 1_200_000 };
    await expect(openDocument(latinTextPdf(4), { limits, dpi: 72 })).rejects.toMatchObject({ code: 'too_many_pages', status: 413 });
    // Three A4 pages at 72 dpi are 1.5 Mpx.
    await expect(openDocument(latinTextPdf(3), { limits, dpi: 72 })).rejects.toMatchObject({ code: 'document_too_large', status: 413 });
    const twoPages = await openDocument(latinTextPdf(3), { limits, dpi: 72, pages: '1-2' });
    expect(twoPages.selectedPages).toEqual([1, 2]);
    await twoPages.close();
  });

  it('can be closed twice', async () => {
    const doc = await openDocument(latinTextPdf(1));
    await doc.close();
    await expect(doc.close()).resolves.toBeUndefined();
  });

  it('refuses a PDF whose image would decode past the page limit, before decoding it', async () => {
    const started = Date.now();
    await expect(openDocument(imageBombPdf(50_000, 50_000))).rejects.toMatchObject({ code: 'image_too_large', message: expect.stringContaining('50,000 × 50,000') });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('renders a scan holding more pixels than a page, up to three pages’ worth (a large-format drawing scan)', async () => {
    const limits = { ...defaultDocumentLimits, maxPixelsPerPage: 1_000_000 };
    const scan = await textPage('A0 SCAN', { width: 1500, height: 1500 });
    const pdf = scannedPdf([{ jpeg: await encodePage(scan, 'jpeg'), width: 1500, height: 1500 }], 150);
    const [page] = await allPages(await openDocument(pdf, { dpi: 72, limits }));
    expect(page!.image).toMatchObject({ width: 720, height: 720 });
    // Drawn, not left out: a page whose image pdfjs dropped is blank.
    expect(inkFraction(page!.image, { left: 0, top: 0, width: 720, height: 720 })).toBeGreaterThan(0.0002);
    const tooMany = scannedPdf([{ jpeg: await encodePage(scan, 'jpeg'), width: 2000, height: 2000 }], 150);
    await expect(openDocument(tooMany, { dpi: 72, limits })).rejects.toMatchObject({ code: 'image_too_large' });
  });

  it('leaves out an image sized by reference past the limit instead of decoding it', async () => {
    const limits = { ...defaultDocumentLimits, maxPixelsPerPage: 1_000_000 };
    const [page] = await allPages(await openDocument(imageBombPdf(20_000, 20_000, { sizeByReference: true }), { dpi: 72, limits }));
    expect(page!.image).toMatchObject({ width: 200, height: 200 });
    expect(process.memoryUsage().rss).toBeLessThan(1.5e9);
  });
});
