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
    secondWins: (printedLines, liftedLines) => surelyRead(printedLines) <= PRINTED_MARGIN * surelyRead(liftedLines),
    keepAlone: (line) => line.confidence >= LIFTED_ALONE_CONFIDENCE,
  });
}
