/**
 * Formats people send that are not read, told by their content, with what to do instead: the
 * 415 then says "this is a DWG drawing: plot it to PDF", not only what is read.
 */
interface KnownFormat {
  /** What the file is, as the sentence "The file is …" goes on. */
  name: string;
  /** What to send instead. */
  instead: string;
  matches(head: string): boolean;
}

const ZIP = 'PK\x03\x04';

const knownFormats: readonly KnownFormat[] = [
  {
    name: 'an AutoCAD DWG drawing',
    instead: 'plot it to PDF (DWG To PDF) and send the PDF',
    matches: (head) => /^AC10\d\d/.test(head),
  },
  {
    name: 'a DXF drawing',
    instead: 'plot it to PDF and send the PDF',
    matches: (head) => /^\s*0\r?\n\s*SECTION\r?\n/.test(head) || head.startsWith('AutoCAD Binary DXF'),
  },
  {
    name: 'a Word document',
    instead: 'save it as PDF and send the PDF',
    matches: (head) => head.startsWith(ZIP) && head.includes('word/'),
  },
  {
    name: 'an Excel workbook',
    instead: 'save it as PDF and send the PDF',
    matches: (head) => head.startsWith(ZIP) && head.includes('xl/'),
  },
  {
    name: 'a PowerPoint presentation',
    instead: 'save it as PDF and send the PDF',
    matches: (head) => head.startsWith(ZIP) && head.includes('ppt/'),
  },
  {
    name: 'an XPS document',
    instead: 'print it to PDF (Microsoft Print to PDF) and send the PDF',
    matches: (head) => head.startsWith(ZIP) && /FixedDocSeq|\.fdseq|Documents\/\d+\/Pages\//.test(head),
  },
  {
    name: 'an OpenDocument file (LibreOffice, OpenOffice)',
    instead: 'export it to PDF and send the PDF',
    // Its first entry, stored uncompressed, is "mimetype" holding the document's type.
    matches: (head) => head.startsWith(ZIP) && head.includes('mimetypeapplication/vnd.oasis.opendocument.'),
  },
  {
    name: 'a Visio drawing',
    instead: 'save it as PDF and send the PDF',
    matches: (head) => head.startsWith(ZIP) && head.includes('visio/'),
  },
  {
    name: 'a ZIP archive',
    instead: 'send the documents in it one by one, or together to POST /ocr/batch',
    matches: (head) => head.startsWith(ZIP),
  },
  {
    name: 'an older Microsoft Office file (.doc, .xls, .ppt)',
    instead: 'save it as PDF and send the PDF',
    matches: (head) => head.startsWith('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1'),
  },
  {
    name: 'an SVG drawing',
    instead: 'export it to PDF or PNG',
    matches: (head) => /^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head),
  },
  {
    name: 'a PostScript or EPS file',
    instead: 'convert it to PDF',
    matches: (head) => head.startsWith('%!PS') || head.startsWith('\xc5\xd0\xd3\xc6'),
  },
  {
    name: 'a Photoshop document',
    instead: 'export it to PNG or JPEG',
    matches: (head) => head.startsWith('8BPS'),
  },
  {
    name: 'a PAM image (Netpbm P7)',
    instead: 'convert it to PNG (pamtopng) or to PBM, PGM or PPM',
    // "P7" and a line break could open any note; a PAM header always ends with ENDHDR.
    matches: (head) => /^P7\s/.test(head) && /\sENDHDR\s/.test(head),
  },
  {
    name: 'a DjVu document (as scanned books and manuals are often shared)',
    instead: 'convert it to PDF (ddjvu -format=pdf) or TIFF (ddjvu -format=tiff)',
    matches: (head) => head.startsWith('AT&TFORM') && /^DJV[UMI]/.test(head.slice(12)),
  },
  {
    name: 'a STEP 3D model',
    instead: 'export a drawing of it to PDF from the CAD program',
    matches: (head) => /^(?:\xef\xbb\xbf)?\s*ISO-10303-21;/.test(head),
  },
  {
    name: 'a web page (HTML)',
    instead: 'print it to PDF and send the PDF',
    matches: (head) => /^(?:\xef\xbb\xbf)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype html|html)[\s>]/i.test(head),
  },
  {
    name: 'a Rich Text document',
    instead: 'save it as PDF and send the PDF',
    matches: (head) => head.startsWith('{\\rtf'),
  },
  {
    name: 'a compressed archive',
    instead: 'send the documents in it one by one, or together to POST /ocr/batch',
    matches: (head) => head.startsWith('Rar!\x1a\x07') || head.startsWith("7z\xbc\xaf'\x1c") || head.startsWith('\x1f\x8b'),
  },
];

/** How far into a file its signature is looked for: an Office file's ZIP names its `word/`, `xl/` or `ppt/` parts within this. */
const HEAD_BYTES = 4096;

/**
 * What an unread file is and what to send instead, where its content tells; undefined otherwise.
 *
 * @example
 * describeUnsupported(dwgBytes); // { name: 'an AutoCAD DWG drawing', instead: 'plot it to PDF …' }
 */
export function describeUnsupported(bytes: Uint8Array): { name: string; instead: string } | undefined {
  const head = Buffer.from(bytes.subarray(0, HEAD_BYTES)).toString('latin1');
  const known = knownFormats.find((format) => format.matches(head));
  return known && { name: known.name, instead: known.instead };
}
