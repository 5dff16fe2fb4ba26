import { IDENTITY, MAX_CONTENT_BYTES, drawingOf, drawsInvisibleText, imageArea, intersect, upright, type Rect } from './pdf-drawing.ts';
import { decodedStream, type PdfObjects } from './pdf-objects.ts';
import { plainImage, type StoredImage } from './pdf-scan-image.ts';
import { PdfRef, nameOf, type PdfDict, type PdfValue } from './pdf-syntax.ts';

/** A page that is one scanned image: the image as stored, and where it lies on the page. */
export interface ScanImage extends StoredImage {
  /**
   * The image's edges on the page before /Rotate, as fractions of the page's visible box from its
   * top-left corner: a scan often falls a point short of the page or runs a point over it.
   */
  box: Box;
  /** What a clipping path leaves of the page, in the same fractions (the whole page: 0 to 1). */
  clip: Box;
}

/** Edges as fractions of the page's visible box, measured from its top-left corner. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const MAX_PARENTS = 32;
// Area of the image over the page's: beyond, pdfjs renders the part that shows.
const MAX_OVERDRAW = 4;

/** A page attribute, looked up through the page tree as PDF inheritance has it. */
function inherited(objects: PdfObjects, page: PdfDict, key: string): PdfValue | undefined {
  let node: PdfDict | undefined = page;
  for (let depth = 0; node && depth < MAX_PARENTS; depth++) {
    const value = node.get(key);
    if (value !== undefined) return value;
    node = objects.dict(node.get('Parent'));
  }
  return undefined;
}

/** The page's content streams, decoded and joined, or undefined where one cannot be read. */
function pageContent(objects: PdfObjects, page: PdfDict): string | undefined {
  let contents = page.get('Contents');
  if (contents instanceof PdfRef && !objects.stream(contents)) contents = objects.get(contents);
  const refs = Array.isArray(contents) ? contents : [contents];
  const parts: Buffer[] = [];
  let total = 0;
  for (const ref of refs) {
    if (!(ref instanceof PdfRef)) return undefined;
    const stream = objects.stream(ref);
    const data = stream && decodedStream(stream, MAX_CONTENT_BYTES - total);
    if (!data) return undefined;
    parts.push(data, Buffer.from('\n'));
    total += data.length + 1;
  }
  return Buffer.concat(parts).toString('latin1');
}

/**
 * The scanned image that is all a page shows, or undefined for any other page. It must be drawn
 * upright (any turn is the page's /Rotate) where the page's visible box (`view`, from pdfjs: the
 * crop box) shows it, with nothing else visible on the page: no other drawing, no annotations,
 * text only as the hidden layer of a searchable scan. Such a page looks exactly like its image on
 * white, which can then be decoded and placed natively instead of through pdfjs's JavaScript
 * decoders.
 */
export function pageScan(objects: PdfObjects, pageRef: PdfRef, view: readonly number[]): ScanImage | undefined {
  const page = objects.dict(pageRef);
  if (!page) return undefined;
  const annotations = objects.resolve(page.get('Annots'));
  if (Array.isArray(annotations) ? annotations.length > 0 : annotations !== undefined && annotations !== null) return undefined;
  // Resources before content: most pages that are no scan name no image or form, and are told
  // apart without inflating their content.
  const resources = objects.dict(inherited(objects, page, 'Resources'));
  const xobjects = objects.dict(resources?.get('XObject'));
  const drawsAny = [...(xobjects?.values() ?? [])].some((ref) => ref instanceof PdfRef && ['Image', 'Form'].includes(nameOf(objects.dict(ref)?.get('Subtype')) ?? ''));
  const content = drawsAny ? pageContent(objects, page) : undefined;
  const drawing = content === undefined ? undefined : drawingOf(objects, content, resources, { matrix: IDENTITY, clip: undefined }, 0);
  const scan = drawing && plainImage(objects, drawing.image);
  if (!drawing || !scan) return undefined;

  const [a, , , d, e, f] = drawing.matrix;
  const [left, bottom, right, top] = view as [number, number, number, number];
  const width = right - left;
  const height = top - bottom;
  const fractions = (rect: Rect): Box => ({
    left: (rect.left - left) / width,
    right: (rect.right - left) / width,
    top: (top - rect.top) / height,
    bottom: (top - rect.bottom) / height,
  });
  const image = { left: e, bottom: f, right: e + a, top: f + d };
  const shown = intersect(drawing.clip, intersect(image, { left, bottom, right, top }));
  // Seen at least in part, and not so far past the page that scaling all of it would be costly.
  const seen = shown.left < shown.right && shown.bottom < shown.top && (a * d) / (width * height) <= MAX_OVERDRAW;
  return upright(drawing.matrix) && seen ? { ...scan, box: fractions(image), clip: fractions(drawing.clip ?? { left, bottom, right, top }) } : undefined;
}

/**
 * Whether the page holds a hidden text layer: a scan made searchable by some program's OCR, here
 * with something visible drawn over it as well (an archive's footer, a Bates stamp), so not taken
 * as a scan by pageScan. Its text is that program's guess at the image, not the page's own. A
 * page that draws no image holds no scan: its invisible text is a CAD plotter's over its stroked
 * lettering (KiCad's schematics), where it prints; nor does one whose images cover little of it
 (see SCAN_SHARE).
 */
export function hasHiddenTextLayer(objects: PdfObjects, pageRef: PdfRef): boolean {
  const page = objects.dict(pageRef);
  const content = page && pageContent(objects, page);
  const resources = objects.dict(inherited(objects, page!, 'Resources'));
  if (content === undefined || !drawsInvisibleText(objects, content, resources)) return false;
  const covered = imageArea(objects, content, resources);
  return covered > 0 && covered >= SCAN_SHARE * pageArea(objects, page!);
}

/**
 * Share of the page that the images drawn must cover for its invisible text to be taken for a
 * scan's OCR layer: a scan covers its page (in strips, or as an MRC file's layers, as often
 * more than once); a CAD sheet's logo, a thousandth of it, holds no text the layer could be of.
 */
const SCAN_SHARE = 0.25;

/** The area of the page's MediaBox; 0 where it has none that can be read, so that any image counts. */
function pageArea(objects: PdfObjects, page: PdfDict): number {
  const box = objects.resolve(inherited(objects, page, 'MediaBox'));
  if (!Array.isArray(box) || box.length !== 4) return 0;
  const [x0, y0, x1, y1] = box.map((n) => objects.resolve(n));
  return [x0, y0, x1, y1].every((n) => typeof n === 'number') ? Math.abs(((x1 as number) - (x0 as number)) * ((y1 as number) - (y0 as number))) : 0;
}
