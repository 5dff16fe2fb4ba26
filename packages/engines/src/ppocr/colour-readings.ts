import { mergeReadings, surelyRead, type ReadLine } from './readings.ts';

/**
 * Where the two readings hold about as much, the lifted one is kept: the coloured ink it lifted
 * was in the way. The printed one is kept only where it holds clearly more (coloured text that
 * lifting took away): its duplicated characters at a fragment's edges must not win it a group.
 */
const PRINTED_MARGIN = 1.25;

/**
 * A line only the lifted reading found is kept when read at least this surely: lifted to grey, a
 * coloured photo or a hatched area can look like print to the detector.
 */
const LIFTED_ALONE_CONFIDENCE = 0.8;

/**
 * Merges a page's lines read as printed with the lines read again where coloured ink is, with
 * that ink lifted (`lifted`). Lines of the two readings at one place form a group, and each group
 * keeps one reading: under a seal the lifted one, where the coloured ink is the text (a red
 * warning) the printed one, which holds more. Lines only one reading found are kept: coloured text
 * that lifting removed, and black text a seal hid from the detector where it reads surely.
 */
export function mergeLiftedReading(printed: readonly ReadLine[], lifted: readonly ReadLine[]): ReadLine[] {
  return mergeReadings(printed, lifted, {
    secondWins: (printedLines, liftedLines) => !colourLiftedAway(printedLines, liftedLines) && surelyRead(printedLines) <= PRINTED_MARGIN * surelyRead(liftedLines),
    keepAlone: (line) => line.confidence >= LIFTED_ALONE_CONFIDENCE,
  });
}

/** Digits lifting may take away from a line, no more: a citation's or a footnote's number. */
const LIFTED_DIGITS = 3;

/**
 * Whether one printed line is the lifted line with a few digits added, and nothing else changed in
 * its letters and digits: coloured numbers in black print (a paper's green citations, `PixelLink
 * [4]`) that lifting took away, too few for the line to hold clearly more. Under a seal the printed
 * line differs by more than that, its words garbled by the seal's strokes.
 */
function colourLiftedAway(printed: readonly ReadLine[], lifted: readonly ReadLine[]): boolean {
  if (printed.length !== 1 || lifted.length !== 1) return false;
  const own = lettersAndDigits(printed[0]!.text);
  const bare = lettersAndDigits(lifted[0]!.text);
  const added: string[] = [];
  let at = 0;
  for (const char of own) {
    if (at < bare.length && char === bare[at]) at++;
    else added.push(char);
  }
  return at === bare.length && added.length > 0 && added.length <= LIFTED_DIGITS && added.every((char) => /\d/.test(char));
}

function lettersAndDigits(text: string): string[] {
  return [...text].filter((char) => /[\p{L}\p{N}]/u.test(char));
}
