import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DocumentError } from './errors.ts';
import { requireFormat } from './format.ts';
import { describeUnsupported } from './unsupported-format.ts';

const bytes = (text: string) => Buffer.from(text, 'latin1');

/** The local file headers a ZIP starts with (stored entries), as Office writes its parts. */
function zipStart(entries: Array<[string, string]>): Buffer {
  return Buffer.concat(
    entries.flatMap(([name, content]) => {
      const header = Buffer.alloc(30);
      header.write('PK\x03\x04', 0, 'latin1');
      header.writeUInt16LE(20, 4);
      header.writeUInt32LE(content.length, 18);
      header.writeUInt32LE(content.length, 22);
      header.writeUInt16LE(name.length, 26);
      return [header, Buffer.from(name), Buffer.from(content)];
    }),
  );
}

const contentTypes = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

describe('describeUnsupported', () => {
  it('names the formats people send that are not read, with what to send instead', async () => {
    const cases: Array<[Uint8Array, RegExp]> = [
      [bytes('AC1032\0\0\0\0\0\x06\x01'), /AutoCAD DWG/],
      [bytes('  0\r\nSECTION\r\n  2\r\nHEADER\r\n'), /DXF/],
      [zipStart([['[Content_Types].xml', contentTypes], ['word/document.xml', '<w:document/>']]), /Word document/],
      [zipStart([['[Content_Types].xml', contentTypes], ['xl/workbook.xml', '<workbook/>']]), /Excel workbook/],
      [zipStart([['drawing-1.pdf', '%PDF-1.7']]), /ZIP archive/],
      [bytes('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0'), /older Microsoft Office/],
      [bytes('<?xml version="1.0" encoding="UTF-8"?>\n<!-- made by hand -->\n<svg xmlns="http://www.w3.org/2000/svg"/>'), /SVG/],
      [bytes('%!PS-Adobe-3.0 EPSF-3.0\n'), /PostScript or EPS/],
      [bytes('8BPS\0\x01\0\0'), /Photoshop/],
      [bytes('P7\nWIDTH 2\nHEIGHT 1\nDEPTH 1\nMAXVAL 255\nTUPLTYPE GRAYSCALE\nENDHDR\n\0\xff'), /PAM image/],
      [gzipSync(Buffer.from('%PDF-1.7')), /compressed archive/],
      [bytes('AT&TFORM\0\0\x12\x34DJVMDIRM'), /DjVu/],
      [bytes('AT&TFORM\0\0\x0a\x00DJVUINFO'), /DjVu/],
      [zipStart([['FixedDocSeq.fdseq', '<FixedDocumentSequence/>'], ['Documents/1/FixedDoc.fdoc', '<FixedDocument/>']]), /XPS/],
      [zipStart([['[Content_Types].xml', contentTypes], ['Documents/1/Pages/1.fpage', '<FixedPage/>']]), /XPS/],
      [zipStart([['mimetype', 'application/vnd.oasis.opendocument.text'], ['content.xml', '<office:document-content/>']]), /OpenDocument/],
      [zipStart([['[Content_Types].xml', contentTypes], ['visio/document.xml', '<VisioDocument/>']]), /Visio/],
      [bytes('ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION((\'\'),\'2;1\');'), /STEP/],
      [bytes('<!DOCTYPE html>\n<html><head><title>Spec</title>'), /HTML/],
      [bytes('<html>\n<body>drawing list</body>'), /HTML/],
      [bytes('{\\rtf1\\ansi\\deff0 {\\fonttbl'), /Rich Text/],
    ];
    for (const [file, name] of cases) expect(describeUnsupported(file)?.name).toMatch(name);
  });

  it('names nothing it does not know: text, an XML that is not SVG, an MP4', () => {
    expect(describeUnsupported(bytes('just some notes\n'))).toBeUndefined();
    expect(describeUnsupported(bytes('<?xml version="1.0"?><part/>'))).toBeUndefined();
    expect(describeUnsupported(bytes('\0\0\0\x20ftypisom\0\0\x02\0'))).toBeUndefined();
  });
});

describe('requireFormat on an unread format', () => {
  it('is a 415 that says what the file is and what to send instead', () => {
    const refusal = (() => {
      try {
        requireFormat(bytes('AC1027\0\0\0\0'));
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(DocumentError);
    expect(refusal).toMatchObject({ code: 'unsupported_format', status: 415 });
    expect((refusal as Error).message).toBe(
      'The file is an AutoCAD DWG drawing, which is not read: plot it to PDF (DWG To PDF) and send the PDF. ' +
        'The service reads JPEG, PNG, BMP, TIFF, WebP, GIF, AVIF, HEIC, JPEG 2000, PNM (PBM, PGM, PPM) and PDF, judged by content, not name.',
    );
  });
});
