import { describe, expect, it } from 'vitest';
import { imageBombPdf, latinTextPdf, scannedPdf } from './fixtures/index.ts';
import { largestEmbeddedImage as largestIn } from './pdf-images.ts';

const latin1 = (s: string) => Buffer.from(s, 'latin1');
const largestEmbeddedImage = (bytes: Uint8Array) => largestIn(Buffer.from(bytes).toString('latin1'));

describe('largestEmbeddedImage', () => {
  it('reads the largest image a PDF states, whatever the spacing', () => {
    const jpeg = new Uint8Array(16);
    expect(largestEmbeddedImage(scannedPdf([{ jpeg, width: 300, height: 200 }, { jpeg, width: 1200, height: 900 }]))).toEqual({ width: 1200, height: 900 });
    expect(largestEmbeddedImage(latin1('4 0 obj\n<</Type/XObject/Subtype/Image/Width 640/Height 480/BitsPerComponent 8>>stream\n'))).toEqual({ width: 640, height: 480 });
    expect(largestEmbeddedImage(imageBombPdf(50_000, 40_000))).toEqual({ width: 50_000, height: 40_000 });
  });

  it('finds none in a PDF without images, and skips sizes given by reference', () => {
    expect(largestEmbeddedImage(latinTextPdf(2))).toBeNull();
    expect(largestEmbeddedImage(imageBombPdf(50_000, 50_000, { sizeByReference: true }))).toBeNull();
  });

  it('does not take a form XObject or another stream’s numbers for an image’s', () => {
    const bytes = latin1('5 0 obj\n<< /Type /XObject /Subtype /Form /BBox [0 0 9000 9000] >>\nstream\n/Width 90000 /Height 90000\nendstream\nendobj\n');
    expect(largestEmbeddedImage(bytes)).toBeNull();
  });
});
