import { describe, expect, it } from 'vitest';
import { IDENTITY, drawingOf, drawsInvisibleText, imageArea } from './pdf-drawing.ts';
import { PdfObjects } from './pdf-objects.ts';
import { PdfRef, type PdfDict, type PdfValue } from './pdf-syntax.ts';

// An image and a graphics state, as a page's resources name them.
const objects = new PdfObjects('3 0 obj\n<< /Type /XObject /Subtype /Image /Width 10 /Height 10 >>\nendobj\n');
const resources: PdfDict = new Map<string, PdfValue>([
  ['XObject', new Map<string, PdfValue>([['Im1', new PdfRef(3, 0)]])],
  ['ExtGState', new Map<string, PdfValue>([['GS1', new Map<string, PdfValue>([['CA', 0.5]])]])],
]);
const run = (content: string) => drawingOf(objects, content, resources, { matrix: IDENTITY, clip: undefined }, 0);

describe('drawingOf', () => {
  it('gives the one image a content stream draws, in the matrix and clip it is drawn in', () => {
    expect(run('q 2 0 0 2 5 5 cm q 100 0 0 50 0 0 cm /Im1 Do Q Q')).toEqual({
      image: new PdfRef(3, 0),
      matrix: [200, 0, 0, 100, 5, 5],
      clip: undefined,
    });
    const clipped = run('q 10 20 30 40 re W n q 0 0 100 100 re W* n 100 0 0 100 0 0 cm /Im1 Do Q Q');
    expect(clipped?.clip).toEqual({ left: 10, bottom: 20, right: 40, top: 60 });
    // A clip ends with the q … Q around it.
    expect(run('q 10 20 30 40 re W n Q 100 0 0 100 0 0 cm /Im1 Do')?.clip).toBeUndefined();
  });

  it('lets invisible text through, and paints nothing when there is nothing else', () => {
    expect(run('BT /F1 12 Tf 3 Tr 10 10 Td (hidden) Tj ET /Im1 Do')?.image).toEqual(new PdfRef(3, 0));
    expect(run('BT 3 Tr (hidden) Tj ET 0 0 1 1 re n')).toBeNull();
  });

  it('refuses anything else that paints or that it cannot follow', () => {
    for (const content of [
      '/Im1 Do BT (seen) Tj ET',
      '/Im1 Do 0 0 m 10 10 l S',
      '/Im1 Do 0 0 10 10 re f',
      '/Im1 Do /Im1 Do',
      '/GS1 gs /Im1 Do',
      '/Missing Do',
      'Q /Im1 Do',
      '0 0 10 10 re',
      'BI /W 1 /H 1 ID x EI',
    ]) {
      expect(run(content), content).toBeUndefined();
    }
  });
});

/** An image (3 0 R) and a form (4 0 R) drawing `content`, as a page's resources name them (`named`: Im1, Fm1). */
function objectsWithForm(content: string): PdfObjects {
  return new PdfObjects(`3 0 obj\n<< /Type /XObject /Subtype /Image /Width 10 /Height 10 >>\nendobj\n4 0 obj\n<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n`);
}
const named: PdfDict = new Map<string, PdfValue>([['XObject', new Map<string, PdfValue>([['Im1', new PdfRef(3, 0)], ['Fm1', new PdfRef(4, 0)]])]]);

describe('drawsInvisibleText', () => {
  // A form that holds a hidden text layer (as OCRmyPDF draws its), drawn by the page twice.
  const withForm = objectsWithForm('BT 3 Tr /F1 9 Tf 5 5 Td (ocr) Tj ET');

  it('finds text set to the invisible mode in the page or in a form it draws', () => {
    expect(drawsInvisibleText(objects, 'BT /F1 12 Tf 3 Tr 10 10 Td (hidden) Tj ET /Im1 Do', resources)).toBe(true);
    expect(drawsInvisibleText(withForm, '/Im1 Do /Fm1 Do /Fm1 Do BT (seen) Tj ET', named)).toBe(true);
  });

  it('finds it in hex strings and TJ arrays too', () => {
    expect(drawsInvisibleText(objects, 'BT 3 Tr [<0048> -20 <0069>] TJ ET', resources)).toBe(true);
    expect(drawsInvisibleText(objects, 'BT 3 Tr <4869> Tj ET', resources)).toBe(true);
  });

  it('finds none where invisible text shows only spaces, as Acrobat leaves them in born-digital pages', () => {
    // As the FAA's handbook pages hold them: an artifact of spaces set invisible, then the visible text.
    const spaces = 'BT /TT0 1 Tf 3 Tr 10 0 0 10 116.9 63.8 Tm ( )Tj 24.9 0.2 Td ( )Tj [( ) 5 (\\040)] TJ <0003> Tj <20> Tj ET BT 0 Tr (seen) Tj ET';
    expect(drawsInvisibleText(objects, spaces, resources)).toBe(false);
    expect(drawsInvisibleText(objects, 'BT 3 Tr ( ) Tj 0 Tr (seen) Tj 3 Tr (x) Tj ET', resources)).toBe(true);
  });

  it('finds none in visible text, images or unreadable content', () => {
    for (const content of ['BT 0 Tr (seen) Tj ET /Im1 Do', 'BT 7 Tr (clip) Tj ET', '/Im1 Do', '(unclosed']) {
      expect(drawsInvisibleText(withForm, content, named), content).toBe(false);
    }
  });
});

describe('imageArea', () => {
  it('adds up the area of the images drawn, in the page, in forms scaled where they are drawn, or inline', () => {
    expect(imageArea(objects, 'q 100 0 0 50 0 0 cm /Im1 Do Q q 2 0 0 2 0 0 cm 10 0 0 10 0 0 cm /Im1 Do Q', resources)).toBe(5000 + 400);
    // Turned a quarter, the same area.
    expect(imageArea(objects, '0 100 -50 0 0 0 cm /Im1 Do', resources)).toBe(5000);
    expect(imageArea(objects, 'q 3 0 0 3 0 0 cm BI /W 1 /H 1 ID x EI Q', resources)).toBe(9);
    // The form draws its image in the unit square; the page draws the form twice, once scaled.
    const withForm = objectsWithForm('/Im1 Do');
    expect(imageArea(withForm, '/Fm1 Do q 10 0 0 20 0 0 cm /Fm1 Do Q', named)).toBe(1 + 200);
  });

  it('finds none on a page of strokes and text, as a CAD plotter draws a sheet with its searchable text invisible', () => {
    // KiCad's schematics: lettering stroked, the same text set invisible over it.
    expect(imageArea(objects, '0 0 m 10 10 l S BT /F1 9 Tf 3 Tr 5 5 Td (R5 0.1uF) Tj ET', resources)).toBe(0);
    expect(imageArea(objects, '/GS1 gs (unclosed', resources)).toBe(0);
  });

  it('counts a form that draws itself once', () => {
    expect(imageArea(objectsWithForm('/Im1 Do /Fm1 Do'), '/Fm1 Do', named)).toBe(1);
  });
});
