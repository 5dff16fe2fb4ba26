/** An image's size as a PDF's image dictionary states it. */
export interface EmbeddedImageSize {
  width: number;
  height: number;
}

// How far around "/Subtype /Image" an image dictionary's /Width and /Height are looked for.
const DICTIONARY_REACH = 4096;

function statedNumber(dictionary: string, key: 'Width' | 'Height'): number | null {
  // A direct integer only: "/Width 12 0 R" is a reference, which only pdfjs resolves.
  const found = new RegExp(`/${key}\\s+(\\d+)(?!\\s+\\d+\\s+R)(?![\\d.])`).exec(dictionary);
  return found ? Number(found[1]) : null;
}

/**
 * The largest image a PDF embeds, by pixels, read from the image dictionaries in its bytes
 * (`text`: the file as latin1): an image is a stream, and streams never sit inside compressed
 * object streams, so their dictionaries are plain in the file (encryption covers only stream
 * data and strings). A few
 * hundred KB of PDF can hold a 20,000 × 20,000 image that pdfjs would decode whole (gigabytes):
 * checked before anything is decoded. Inline images (inside content streams) are not seen here.
 */
export function largestEmbeddedImage(text: string): EmbeddedImageSize | null {
  let largest: EmbeddedImageSize | null = null;
  for (const match of text.matchAll(/\/Subtype\s*\/Image(?![A-Za-z])/g)) {
    const objectStart = text.lastIndexOf(' obj', match.index);
    const start = Math.max(objectStart, match.index - DICTIONARY_REACH, 0);
    const streamStart = text.indexOf('stream', match.index);
    const end = Math.min(streamStart < 0 ? text.length : streamStart, match.index + DICTIONARY_REACH);
    const dictionary = text.slice(start, end);
    const width = statedNumber(dictionary, 'Width');
    const height = statedNumber(dictionary, 'Height');
    if (width === null || height === null) continue;
    if (!largest || width * height > largest.width * largest.height) largest = { width, height };
  }
  return largest;
}
