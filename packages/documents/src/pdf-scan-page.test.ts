import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { allPages, encodePage, flatePage, g4Page, inkFraction, meanAbsoluteDifference, scannedPdf, textPage, type ScanPdfOptions } from './fixtures/index.ts';
import { defaultDocumentLimits } from './limits.ts';
import { openDocument } from './open.ts';
import { PdfObjects } from './pdf-objects.ts';
import { decodeScan } from './pdf-scan-decode.ts';
import { pageScan } from './pdf-scan-page.ts';
import { PdfRef } from './pdf-syntax.ts';

const WIDTH = 640;
// Sides in multiples of 16: g4Page takes its data from a one-tile TIFF.
const HEIGHT = 304;
const DPI = 150;
// The page in points.
const PAGE_WIDTH = (WIDTH * 72) / DPI;
const PAGE_HEIGHT = (HEIGHT * 72) / DPI;
const page = await textPage('Scan 扫描 Ø12 H7', { width: WIDTH, height: HEIGHT, fontSize: 36 });
const rgbJpeg = await encodePage(page, 'jpeg', 92);
const greyJpeg = await sharp(rgbJpeg).toColourspace('b-w').jpeg({ quality: 92 }).toBuffer();
const srgbProfile = (await sharp(rgbJpeg).withIccProfile('srgb').jpeg().toBuffer({ resolveWithObject: true }).then(({ data }) => sharp(data).metadata())).icc!;
const g4 = await g4Page(page);
/** The image a fixture's options draw: the G4 data, the grey or the RGB JPEG. */
const flate = {
  'grey predictor': await flatePage(page, { grey: true, predictor: true }),
  'rgb predictor': await flatePage(page, { grey: false, predictor: true }),
  'rgb plain': await flatePage(page, { grey: false, predictor: false }),
  'grey plain': await flatePage(page, { grey: true, predictor: false }),
};
const flateFor = (options: ScanPdfOptions) =>
  flate[`${options.colourSpace === 'DeviceGray' ? 'grey' : 'rgb'} ${options.flate?.predictor ? 'predictor' : 'plain'}`];
const imageFor = (options: ScanPdfOptions) =>
  options.flate ? flateFor(options) : options.ccitt ? g4 : options.colourSpace === 'DeviceGray' ? greyJpeg : rgbJpeg;
const scan = (options: ScanPdfOptions = {}, image: Uint8Array = imageFor(options)) => scannedPdf([{ jpeg: image, width: WIDTH, height: HEIGHT }], DPI, options);

// Inside its own `q … Q`: a path ended without painting draws nothing, yet is no scan's content.
const UNPAINTED_PATH = 'q 0 0 m 1 1 l n Q';
const HIDDEN_TEXT = 'BT /F1 12 Tf 3 Tr 20 20 Td (Scan hidden layer) Tj ET';

/** What pageScan makes of the one page of a fixture: objects 1–2 are the catalog and the page tree, 3–5 image, content and page. */
function scanOfFixture(pdf: Uint8Array, options: ScanPdfOptions = {}) {
  const { x = 0, y = 0 } = options.origin ?? {};
  const view = [x, y, x + (WIDTH * 72) / DPI, y + (HEIGHT * 72) / DPI];
  return pageScan(new PdfObjects(Buffer.from(pdf).toString('latin1')), new PdfRef(5, 0), view);
}

describe('pageScan', () => {
  it.each<[string, ScanPdfOptions]>([
    ['an RGB scan', {}],
    ['a grey scan', { colourSpace: 'DeviceGray' }],
    ['deflated content', { deflate: true }],
    ['a page turned by /Rotate', { rotate: 90 }],
    ['a MediaBox away from the origin', { origin: { x: 30, y: -12 } }],
    ['a searchable scan (hidden text layer)', { extraContent: HIDDEN_TEXT, deflate: true }],
    ['an sRGB-tagged scan (ICCBased)', { iccProfile: srgbProfile }],
    ['a page packed in an object stream', { packed: true, deflate: true }],
    ['a JPEG deflated once more', { deflateImage: true }],
    ['a bitonal G4 scan', { ccitt: {} }],
    ['an image clipped to its own box', { clip: [0, 0, PAGE_WIDTH, PAGE_HEIGHT] }],
    ['an image drawn in a form', { inForm: true }],
    ['deflated grey rows with PNG predictors (img2pdf)', { flate: { predictor: true }, colourSpace: 'DeviceGray' }],
    ['deflated RGB rows without predictors', { flate: { predictor: false } }],
    ['a plain graphics state set (as Office and Chrome do)', { extraContent: '/GS1 gs' }],
    ['a scan with its hidden text in a form (OCRmyPDF)', { textForm: true, deflate: true }],
    ['a bitonal scan stored inverted, with a decode map', { ccitt: { blackIs1: true, decode: '[1 0]' } }],
  ])('takes %s as the page’s image', (_, options) => {
    const pdf = scan(options);
    const found = scanOfFixture(pdf, options);
    const grey = options.colourSpace === 'DeviceGray' || options.ccitt !== undefined;
    const format = options.ccitt ? 'tiff' : options.flate ? (options.flate.predictor ? 'png' : 'raw') : 'jpeg';
    expect(found).toMatchObject({ width: WIDTH, height: HEIGHT, components: grey ? 1 : 3, format });
    const image = imageFor(options);
    if (format === 'raw') expect(found!.file.length).toBe(WIDTH * HEIGHT * (grey ? 1 : 3));
    // The JPEG as stored, the G4 data after the TIFF header, the deflated rows inside the PNG.
    else expect(format === 'png' ? found!.file.includes(image) : found!.file.subarray(found!.file.length - image.length).equals(image)).toBe(true);
  });

  it.each<[string, ScanPdfOptions]>([
    ['visible text over the scan', { extraContent: 'BT /F1 12 Tf 20 20 Td (Stamped) Tj ET' }],
    ['a path', { extraContent: UNPAINTED_PATH }],
    ['a second image', { extraContent: '/Im1 Do' }],
    ['a half-transparent graphics state', { extraContent: '/GS2 gs' }],
    ['a graphics state that blends (screen)', { extraContent: '/GS3 gs' }],
    ['a graphics state the page does not name', { extraContent: '/GS9 gs' }],
    ['an annotation', { pageEntries: '/Annots [<< /Type /Annot /Subtype /Square /Rect [0 0 50 50] >>]' }],
    ['a decode map (inverted image)', { imageEntries: '/Decode [1 0 1 0 1 0]' }],
    ['a colour transform parameter', { imageEntries: '/DecodeParms << /ColorTransform 0 >>' }],
    ['an image five times as wide as the page (its part that shows is rendered)', { overdraw: 5 }],
    ['a CMYK image', { colourSpace: 'DeviceCMYK' }],
    ['an ICC profile of four components (CMYK)', { iccProfile: srgbProfile, colourSpace: 'DeviceCMYK' }],
    ['a bitonal scan drawn inverted (BlackIs1 without a decode map)', { ccitt: { blackIs1: true } }],
    ['a filled rectangle', { extraContent: '0 0 10 10 re f' }],
    ['deflated pixels with a decode map', { flate: { predictor: true }, imageEntries: '/Decode [1 0 1 0 1 0]' }],
    ['a form drawing visible text', { inForm: true, extraContent: 'BT /F1 12 Tf 20 20 Td (Stamped) Tj ET' }],
    ['a second image, through a form', { inForm: true, extraContent: '/Im1 Do' }],
    ['a clip under a turned matrix', { extraContent: 'q 0 1 -1 0 0 0 cm 0 0 10 10 re W n Q' }],
    ['an image drawn mirrored', { mirrored: true }],
  ])('leaves a page with %s to pdfjs', (_, options) => {
    expect(scanOfFixture(scan(options), options)).toBeUndefined();
  });

  it('reads an object defined twice as its later definition (an incremental update)', () => {
    const annotated = scan({ pageEntries: '/Annots [<< /Type /Annot /Subtype /Square /Rect [0 0 50 50] >>]' });
    expect(scanOfFixture(annotated)).toBeUndefined();
    // The update takes the annotation off the page again.
    const view = `[0 0 ${(WIDTH * 72) / DPI} ${(HEIGHT * 72) / DPI}]`;
    const update = `\n5 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox ${view} /Resources << /XObject << /Im1 3 0 R >> >> /Contents 4 0 R >>\nendobj\n`;
    expect(scanOfFixture(Buffer.concat([annotated, Buffer.from(update, 'latin1')]))).toMatchObject({ width: WIDTH, height: HEIGHT });
  });
});

describe('a scanned PDF page decoded natively', () => {
  // Each variant beside the same page with an unpainted path added, which pdfjs renders.
  it.each<[string, ScanPdfOptions, number]>([
    ['RGB at the scan’s own resolution', {}, DPI],
    ['RGB scaled up', {}, 200],
    ['grey scaled down', { colourSpace: 'DeviceGray' }, 100],
    ['turned by /Rotate 90', { rotate: 90 }, DPI],
    ['turned by /Rotate 270, scaled', { rotate: 270 }, 200],
    ['upside down (/Rotate 180)', { rotate: 180 }, DPI],
    ['with a hidden text layer, MediaBox off the origin', { extraContent: HIDDEN_TEXT, origin: { x: 30, y: -12 }, deflate: true }, DPI],
    ['tagged sRGB (ICCBased)', { iccProfile: srgbProfile }, DPI],
    ['its page packed in an object stream', { packed: true, rotate: 90 }, DPI],
    ['its JPEG deflated once more', { deflateImage: true, extraContent: HIDDEN_TEXT }, 200],
    ['an image a fifth wider than the page (its right edge cut off)', { overdraw: 1.2 }, 200],
    ['an image narrower than the page (white beside it), turned by /Rotate 90', { overdraw: 0.9, rotate: 90 }, 200],
    ['clipped to the left half of the page, with a margin', { clip: [10, 12, PAGE_WIDTH / 2, PAGE_HEIGHT - 30] }, DPI],
    ['clipped, turned by /Rotate 270, scaled', { clip: [10, 12, PAGE_WIDTH / 2, PAGE_HEIGHT - 30], rotate: 270 }, 200],
    ['drawn in a form, its hidden text in another, turned by /Rotate 90', { inForm: true, textForm: true, rotate: 90 }, DPI],
    ['in a form off the origin, clipped', { inForm: true, origin: { x: 30, y: -12 }, clip: [40, 0, PAGE_WIDTH / 2, PAGE_HEIGHT] }, 200],
    ['drawn top-down as Chrome does (a flipped matrix, clipped in it, flipped back)', { topDown: true, origin: { x: 30, y: -12 } }, DPI],
    ['deflated grey with PNG predictors', { flate: { predictor: true }, colourSpace: 'DeviceGray' }, DPI],
    ['deflated RGB with PNG predictors, scaled', { flate: { predictor: true } }, 200],
    ['deflated grey rows, turned by /Rotate 90', { flate: { predictor: false }, colourSpace: 'DeviceGray', rotate: 90 }, DPI],
    ['bitonal (G4)', { ccitt: {} }, DPI],
    ['bitonal, scaled', { ccitt: {} }, 200],
    ['bitonal, stored inverted, turned by /Rotate 90', { ccitt: { blackIs1: true, decode: '[1 0]' }, rotate: 90 }, 100],
  ])('looks as pdfjs renders it: %s', async (_, options, dpi) => {
    const pdf = scan(options);
    const [native] = await allPages(await openDocument(pdf, { dpi }));
    // The page came through the native decode: the same pixels as decoding its JPEG directly.
    const direct = await decodeScan(scanOfFixture(pdf, options)!, options.rotate ?? 0, native!.image, 1e8);
    expect(direct && meanAbsoluteDifference(native!.image, direct)).toBe(0);
    const extraContent = [options.extraContent, UNPAINTED_PATH].filter(Boolean).join('\n');
    const [rendered] = await allPages(await openDocument(scan({ ...options, extraContent }), { dpi }));
    expect(native!.image.width).toBe(rendered!.image.width);
    expect(native!.image.height).toBe(rendered!.image.height);
    // Identical at the scan's own resolution; scaled, the two resamplers differ by about a level.
    expect(meanAbsoluteDifference(native!.image, rendered!.image)).toBeLessThan(dpi === DPI ? 0.1 : 1.5);
    // Dark text on light paper, not the negative.
    expect(inkFraction(native!.image)).toBeLessThan(0.15);
    const turned = options.rotate === 90 || options.rotate === 270;
    const scale = dpi / DPI;
    expect(native!.image.width).toBe(Math.round((turned ? HEIGHT : WIDTH) * scale));
    if (!options.rotate) expect(inkFraction(native!.image, scaleBox(page.textBox, scale))).toBeGreaterThan(0.02);
  });

  it('scales a page over the pixel limit down as pdfjs renders it, and says by how much', async () => {
    // A third of the scan's pixels: the most a page may embed is three times the page limit.
    const limits = { ...defaultDocumentLimits, maxPixelsPerPage: (WIDTH * HEIGHT) / 3 };
    const [native] = await allPages(await openDocument(scan(), { dpi: DPI, limits }));
    const [rendered] = await allPages(await openDocument(scan({ extraContent: UNPAINTED_PATH }), { dpi: DPI, limits }));
    expect(native!.scale).toBeCloseTo(Math.sqrt(1 / 3), 2);
    expect(native!.scale).toBe(rendered!.scale);
    expect([native!.image.width, native!.image.height]).toEqual([rendered!.image.width, rendered!.image.height]);
    expect(meanAbsoluteDifference(native!.image, rendered!.image)).toBeLessThan(2);
  });

  it('ignores an EXIF orientation inside the JPEG, as pdfjs does', async () => {
    const tagged = await sharp(rgbJpeg).withMetadata({ orientation: 6 }).jpeg({ quality: 92 }).toBuffer();
    expect((await sharp(tagged).metadata()).orientation).toBe(6);
    const [native] = await allPages(await openDocument(scan({}, tagged), { dpi: DPI }));
    const [rendered] = await allPages(await openDocument(scan({ extraContent: UNPAINTED_PATH }, tagged), { dpi: DPI }));
    expect(native!.image).toMatchObject({ width: WIDTH, height: HEIGHT });
    expect(meanAbsoluteDifference(native!.image, rendered!.image)).toBeLessThan(0.1);
  });

  it('renders through pdfjs a JPEG that is not what its dictionary states', async () => {
    const small = await sharp(rgbJpeg).resize(WIDTH / 2).jpeg().toBuffer();
    const [only] = await allPages(await openDocument(scan({}, small), { dpi: DPI }));
    expect(only!.image).toMatchObject({ width: WIDTH, height: HEIGHT });
    expect(inkFraction(only!.image, page.textBox)).toBeGreaterThan(0.02);
  });
});

function scaleBox(box: { left: number; top: number; width: number; height: number }, scale: number) {
  return { left: Math.round(box.left * scale), top: Math.round(box.top * scale), width: Math.round(box.width * scale), height: Math.round(box.height * scale) };
}
