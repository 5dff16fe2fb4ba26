import type { PageImage, PageResult, PageRotation, PageTextChar, Point, Quad } from '@ocr/contracts';
import type { Engine, EngineInfo, RecognizeOptions } from '../engine.ts';
import { findColourInk, liftColourInk } from './colour-ink.ts';
import { chineseNumberMarks } from './chinese-numbers.ts';
import { readsMoreWhole, unreadBesideLines, withoutEchoes } from './line-heads.ts';
import { restoreLonePositionSymbols } from './frame-symbols.ts';
import { mergeLiftedReading } from './colour-readings.ts';
import type { ReadLine } from './readings.ts';
import type { DirectionClassifier } from './direction-classifier.ts';
import { boundsQuad, quadArea, quadBounds, quadOverlap, rotateQuad180 } from './geometry.ts';
import { inkBounds, type PixelRect } from './ink-bounds.ts';
import { levelled } from './levelled.ts';
import { crossedAxes, crossedTurn, pageSkew, pageTurn, showsAxis, turnPageUpright, turnPointUpright, turnWeight, type BoxReading, type QuarterTurns } from './page-turn.ts';
import { detectBoxes } from './page-detection.ts';
import { PAPER_MARGIN, isTightCrop, offPaperMargin, withPaperMargin } from './paper-margin.ts';
import { borneOutByPdfText, preferPdfText } from './pdf-text.ts';
import { pinZeros } from './pin-names.ts';
import { readingOrder } from './reading-order.ts';
import type { Recognizer } from './recognizer.ts';
import type { OrtSession } from './session.ts';
import { acrossQuad, downwardDoubt, findSidewaysLines, hasGlyphStack, holdsGlyphs, mergeSidewaysReading, readsAsDrawing, readsUpOrDown, runsUpOrDown, slantedGlyphs, splitCellColumns } from './sideways-text.ts';
import { findSlantedLines, mergeSlantedReading, withoutSizeLineEnds } from './slanted-text.ts';
import { MAX_SHOW_THROUGH_PIXELS, boxesToTry, faintBoxes, keepsPrint, mirroredQuad, paperColour, readsMirrored, readsNearlyMirrored, readsSurelyMirrored, withoutShowThrough, type FaintBox } from './show-through.ts';
import { isDrawnPattern, isSpecks } from './specks.ts';
import { withoutColumnSlices } from './column-slices.ts';
import { countedRowTries, numberRows, readsAsCount, readsAsNumbers, readsBetterAcross, stackedRows, withCountedRows } from './stacked-rows.ts';
import { tableDashes } from './table-dashes.ts';
import { tableDollars } from './table-dollars.ts';
import { doubtfulZeros, tableZeros } from './table-zeros.ts';
import { unboxedText, withUnboxedRuns } from './unboxed-text.ts';
import { withoutUnderlines } from './underlines.ts';
import { onWhitePaper } from './white-paper.ts';
import { onLevelledGround } from './coloured-ground.ts';
import { withoutPowerArrows } from './power-arrows.ts';
import { LONE_NUMBER, LONE_NUMBER_CONFIDENCE, loneGlyphBoxes } from './lone-glyphs.ts';
import { agreeingIdentifiers } from './snake-case.ts';
import { seriesDigits } from './series-digits.ts';
import { spelledWords } from './spelled-words.ts';
import { StageClock } from './stage-clock.ts';
import { sidewaysDashes } from './sideways-dashes.ts';
import { typeCodes } from './type-codes.ts';
import { tickMarks } from './tick-marks.ts';
import { bitValues } from './bit-values.ts';

/** PaddleOCR's `drop_score`: lines read with less confidence are noise (rules, specks). */
const MIN_LINE_CONFIDENCE = 0.5;
/** A line a box grown over unread glyphs (see `withUnreadHeads`) covers this much of is read again in it. */
const READ_AGAIN = 0.5;
/** A stack's row another box covers this share of is read there: the stack is read as it is (see `readBoxes`). */
const READ_ELSEWHERE = 0.3;
/**
 * A page whose lines run further off level than this (radians: 10°), photographed or fed in
 * askew, is turned level and detected again: the detector cuts lines at 20–45° into pieces and
 * runs them together (OCRmyPDF's Linn page turned 30°: word recall 0.68, levelled 0.96).
 */
const MAX_SKEW = (10 * Math.PI) / 180;
/**
 * Pages of up to this many pixels are levelled (A4 at 600 dpi: 35 M). Levelled, a page takes up to
 * twice its pixels again; a large drawing askew (A0 at 300 dpi: 140 M) is read as it is.
 */
const MAX_LEVELLED_PIXELS = 40_000_000;
/**
 * A glyph or two boxed at a slant (see `slantedGlyphs`) takes its reading upright where that is
 * sure, and surer by this much: a contents page's `4` read `x` at 0.90 slanted and 1.00 upright, a
 * scan's `kΩ` read `ko` upright about as surely as slanted.
 */
const UPRIGHT = { sure: 0.9, surerBy: 0.05 };
/** At most this many boxes are read both ways to tell a page's turn (see `readWays`): the longest tell it best. */
const READ_WAYS = 32;
/** ...and one tells its way only where it reads at least this surely, and this many characters, one way or the other. */
const WAY_SURE = { confidence: 0.8, characters: 2 };
/** A line read down or up the page that may be a column of counted numbers: digits only, two or more. */
const COUNTED_COLUMN = /^\d{2,}$/;

/** The PDF's text, which lies on the page as rendered, on the page turned upright with it. */
function placedText(pdfText: readonly PageTextChar[], scanned: PageImage, turns: QuarterTurns): readonly PageTextChar[] {
  if (turns === 0) return pdfText;
  return pdfText.map((c) => {
    const [x, y] = turnPointUpright([c.x, c.y], scanned.width, scanned.height, turns);
    return { ...c, x, y };
  });
}

/** The PP-OCR pipeline over loaded sessions: detect, orient, recognise, order. */
export class PpocrEngine implements Engine {
  constructor(
    readonly info: EngineInfo,
    private readonly detector: OrtSession,
    private readonly classifier: DirectionClassifier,
    private readonly recognizer: Recognizer,
    private readonly sessions: readonly OrtSession[],
  ) {}

  async recognize(given: PageImage, options: RecognizeOptions = {}): Promise<PageResult> {
    const { signal, onProgress, pdfText, logger } = options;
    const clock = new StageClock();
    // Print on coloured or grey ground is read levelled to white (see `onLevelledGround`), on pages
    // that may take their pixels again (see MAX_LEVELLED_PIXELS); a PDF page's own text tells what
    // its detector misses there, and its title's bold strokes levelled read worse.
    const white = onWhitePaper(given);
    const scanned = pdfText || white.width * white.height > MAX_LEVELLED_PIXELS ? white : onLevelledGround(white);
    // A crop cut to its print is read on paper (see PAPER_MARGIN); its boxes are put back after.
    // A PDF page's own text lies on the page as rendered: such a page is read as it is.
    const margin = !pdfText && isTightCrop(scanned) ? PAPER_MARGIN : 0;
    const input = margin ? withPaperMargin(scanned, margin) : scanned;
    let page = input;
    const first = await this.detectOn(page, signal);
    if (!first) return { text: '', confidence: 0, lines: [], imagePatches: 1, rotation: 0 };
    let { area, boxes, upsideDown } = first;
    clock.lap('detection');
    // A page scanned sideways or upside down is turned upright and detected again (the detector
    // knows upright text best), then reads like an upright scan, as an EXIF turn would.
    const classified = boxes.map((box, i) => ({ box: upsideDown[i] ? rotateQuad180(box) : box, weight: turnWeight(box) }));
    const ways = crossedAxes(classified) ? await this.readWays(page, classified) : undefined;
    let turns = (ways && crossedTurn(ways)) ?? pageTurn(classified);
    if (turns !== 0) {
      page = turnPageUpright(input, turns);
      // The same pixels turned: the same ink.
      ({ area, boxes, upsideDown } = (await this.detectOn(page, signal))!);
    }
    clock.lap('turn');
    // A scan's show-through (the other side's print) is cleared away and the page detected again.
    const cleared = pdfText ? undefined : await this.withoutShowThrough(page, boxes);
    if (cleared) {
      const again = await this.detectOn(cleared.page, signal);
      if (again && keepsPrint(boxes, cleared.faint, again.boxes)) {
        page = cleared.page;
        ({ area, boxes, upsideDown } = again);
      }
    }
    clock.lap('showThrough');
    // Read on the levelled page (see MAX_SKEW); the lines' boxes are put back on the page after.
    const turned = page;
    let toTurned: ((point: Point) => Point) | undefined;
    const skew = pdfText ? 0 : pageSkew(boxes);
    if (Math.abs(skew) > MAX_SKEW && page.width * page.height <= MAX_LEVELLED_PIXELS) {
      // Bicubic: bilinear blurred small print (edocr2's drawings turned 15° and 25°, levelled:
      // word recall 0.83–0.97, bicubic 0.85–0.98).
      const level = await levelled(page, { left: 0, top: 0, right: page.width, bottom: page.height }, skew, 'bicubic');
      // Print barely darker than the ink level can come out lighter turned: such a page is read as it is.
      const again = await this.detectOn(level.image, signal);
      if (again) {
        page = level.image;
        toTurned = level.toPage;
        ({ area, boxes, upsideDown } = again);
      }
    }
    clock.lap('levelling');
    onProgress?.(0.3);
    const doubtful: ReadLine[] = [];
    // Read with the lines under links and underlined words painted out (see `withoutUnderlines`).
    const reading = withoutUnderlines(page, boxes) ?? page;
    let lines = await this.readBoxes(
      reading,
      boxes,
      upsideDown,
      (done) => {
        signal?.throwIfAborted();
        onProgress?.(0.35 + 0.6 * done);
      },
      { doubtful, stacks: true },
    );
    // A table's column of one-glyph cells that the detector took for one line down the page is read a row at a time.
    const columns = splitCellColumns(lines);
    if (columns.split.size > 0) {
      const cells = await this.readBoxes(reading, columns.boxes, columns.boxes.map(() => false), () => signal?.throwIfAborted(), { doubtful });
      lines = [...lines.filter((line) => !columns.split.has(line)), ...cells];
    }
    lines = await this.withUnreadHeads(page, boxes, withoutEchoes(lines));
    // Before the passes sideways: a table's cells kept here leave no gap for them to misread.
    lines = [...lines, ...(pdfText ? borneOutByPdfText(doubtful, placedText(pdfText, scanned, turns)) : doubtfulZeros(doubtful, lines))];
    clock.lap('reading');
    // Lines up or down the page (a drawing's vertical dimensions) are looked for again sideways,
    // on pages that show some or read as a drawing.
    const drawing = readsAsDrawing(lines, area);
    if (runsUpOrDown(lines) || hasGlyphStack(boxes) || drawing) {
      const detect = (part: PageImage, where: PixelRect) => detectBoxes(this.detector, part, where);
      const found = await findSidewaysLines(detect, page, area);
      const foundUpsideDown = await this.classifier.upsideDown(page, found);
      lines = mergeSidewaysReading(lines, await this.readBoxes(page, found, foundUpsideDown, () => signal?.throwIfAborted()));
      // Short lines at a slant (an angle's size along its arc) the detector missed or cut short.
      const slanted = await findSlantedLines(detect, page, lines);
      const slantedUpsideDown = await this.classifier.upsideDown(page, slanted.boxes);
      lines = mergeSlantedReading(lines, await this.readBoxes(page, slanted.boxes, slantedUpsideDown, () => signal?.throwIfAborted()), slanted.pieces);
    }
    if (drawing) lines = withoutSizeLineEnds(lines);
    clock.lap('sideways');
    // Before counting a column's rows: a slice through a column of labels is no column of cells.
    lines = await this.withCountedColumns(page, withoutColumnSlices(lines));
    // A PDF's own text stands for glyphs the detector missed there (see `readUnboxedText`).
    if (!pdfText) lines = [...lines, ...(await this.readLoneNumbers(page, lines, signal))];
    clock.lap('numbers');
    // Text under a seal or a highlighter is read again with the coloured ink lifted.
    const colour = findColourInk(page, area);
    if (colour) {
      const lifted = liftColourInk(page, colour.bands);
      const liftedBoxes: Quad[] = [];
      for (const band of colour.bands) {
        liftedBoxes.push(...(await detectBoxes(this.detector, lifted, band)).filter((box) => colour.touches(box)));
      }
      signal?.throwIfAborted();
      const liftedUpsideDown = await this.classifier.upsideDown(lifted, liftedBoxes);
      const liftedLines = await this.readBoxes(lifted, liftedBoxes, liftedUpsideDown, () => signal?.throwIfAborted());
      // Slices and counted columns again: the lines read with coloured ink lifted can hold more
      // (blue names among red wires, a connector's pin numbers on its coloured body).
      lines = await this.withCountedColumns(page, withoutColumnSlices(mergeLiftedReading(lines, liftedLines)), { giveWay: true });
    }
    clock.lap('colourInk');
    lines = tableDashes(page, sidewaysDashes(page, lines));
    if (toTurned) lines = lines.map((line) => ({ ...line, box: line.box.map(toTurned) as Quad }));
    // The classifier can take every line of a page for upside down (a blurred fax, print 7 px
    // high), which turns the page over; each line then reads surer turned back, as on the page
    // as scanned, which is upright.
    if (pageTurn(lines.map(({ box }) => ({ box, weight: turnWeight(box) }))) === 2) {
      const { width, height } = turned;
      lines = lines.map((line) => ({ ...line, box: line.box.map((point) => turnPointUpright(point, width, height, 2)) as Quad }));
      turns = ((turns + 2) % 4) as QuarterTurns;
    }
    if (margin) lines = lines.map((line) => ({ ...line, box: line.box.map((point) => offPaperMargin(point, margin, turned)) as Quad }));
    lines = spelledWords(agreeingIdentifiers(seriesDigits(pinZeros(chineseNumberMarks(lines)))));
    if (pdfText) {
      const read = lines;
      const chars = placedText(pdfText, scanned, turns);
      lines = preferPdfText(read, chars);
      const taken = lines.filter((line) => !read.includes(line)).length;
      const unboxed = await this.readUnboxedText(scanned, turns, chars, lines, signal);
      lines = withUnboxedRuns(lines, unboxed);
      logger?.debug({ lines: lines.length, takenFromPdfText: taken, addedFromPdfText: unboxed.length }, 'reading checked against the PDF text');
    }
    lines = withoutPowerArrows(tickMarks(typeCodes(tableDollars(bitValues(tableZeros(restoreLonePositionSymbols(lines)))))));
    const characters = lines.reduce((n, line) => n + line.characters, 0);
    const weighted = lines.reduce((sum, line) => sum + line.confidence * line.characters, 0);
    const ordered = readingOrder(lines.map(({ text, confidence, box }) => ({ text, confidence, box })));
    clock.lap('checks');
    logger?.debug({ stageMs: clock.laps() }, 'page stages timed');
    onProgress?.(1);
    return {
      text: ordered.text,
      confidence: characters === 0 ? 0 : weighted / characters,
      lines: ordered.lines,
      imagePatches: 1,
      // Turned for boxes none of which read (specks along a ruled page's lines), the page stands as it came.
      rotation: (ordered.lines.length === 0 ? 0 : turns * 90) as PageRotation,
    };
  }

  /**
   * The lines, each read again whole with the unread boxes beside it (see `line-heads`) where that
   * reads it and more; lines inside the grown box are left out.
   */
  private async withUnreadHeads(page: PageImage, boxes: readonly Quad[], lines: ReadLine[]): Promise<ReadLine[]> {
    const heads = unreadBesideLines(page, boxes, lines);
    if (heads.length === 0) return lines;
    const wholes = await this.recognizer.read(page, heads.map(({ box }) => box));
    const grown = new Map<ReadLine, ReadLine>();
    heads.forEach(({ line, box }, i) => {
      const whole = { ...wholes[i]!, box };
      if (readsMoreWhole(line, whole)) grown.set(line, whole);
    });
    // A line the grown box covers was read again in it: the mark beside a heading's number read alone as `85`.
    const covered = (line: ReadLine) => [...grown.values()].some(({ box }) => quadOverlap(line.box, box) >= READ_AGAIN * quadArea(line.box));
    return lines.flatMap((line) => grown.get(line) ?? (covered(line) ? [] : [line]));
  }

  /**
   * Runs of the PDF's text no line lies on (see `unboxed-text`), read where they print on the page
   * turned upright by `turns`: those the reading bears out, with the PDF's text.
   */
  private async readUnboxedText(scanned: PageImage, turns: QuarterTurns, chars: readonly PageTextChar[], lines: readonly ReadLine[], signal?: AbortSignal): Promise<ReadLine[]> {
    const boxes = unboxedText(chars, lines, turns % 2 === 0 ? scanned : { width: scanned.height, height: scanned.width });
    if (boxes.length === 0) return [];
    const upright = turns === 0 ? scanned : turnPageUpright(scanned, turns);
    const unsure: ReadLine[] = [];
    const read = await this.readBoxes(upright, boxes, boxes.map(() => false), () => signal?.throwIfAborted(), { doubtful: unsure });
    return borneOutByPdfText([...read, ...unsure], chars);
  }

  /** The page cleared of show-through, with the faint boxes it was judged by, or undefined where they do not read as it (see show-through.ts). */
  private async withoutShowThrough(page: PageImage, boxes: readonly Quad[]): Promise<{ page: PageImage; faint: FaintBox[] } | undefined> {
    if (page.width * page.height > MAX_SHOW_THROUGH_PIXELS) return undefined;
    const paper = paperColour(page);
    if (!paper) return undefined;
    const faint = faintBoxes(page, paper, boxes);
    const tried = boxesToTry(faint);
    // Mirrored first: a page's own faint print reads as gibberish mirrored, and needs no second reading.
    const mirrored = await this.recognizer.read(page, tried.map(({ box }) => mirroredQuad(box)), undefined, { crowded: false });
    const nearly = tried.flatMap((_, i) => (readsNearlyMirrored(mirrored[i]!) ? [i] : []));
    const again = await this.recognizer.read(page, nearly.map((i) => mirroredQuad(tried[i]!.box)));
    nearly.forEach((i, k) => (mirrored[i] = again[k]!));
    const sure = tried.flatMap((faint, i) => (readsSurelyMirrored(mirrored[i]!) ? [{ ...faint, mirrored: mirrored[i]! }] : []));
    if (sure.length === 0) return undefined;
    const asIs = await this.recognizer.read(page, sure.map(({ box }) => box), undefined, { crowded: false });
    const through = sure.filter((faint, k) => readsMirrored(asIs[k]!, faint.mirrored));
    if (through.length === 0) return undefined;
    return { page: withoutShowThrough(page, paper, Math.max(...through.map(({ peak }) => peak))), faint };
  }

  /**
   * The readings with each box that shows its axis (see `showsAxis`; the heaviest READ_WAYS)
   * turned the way it reads surer, for a page whose turn the way its text reads decides (see
   * `crossedAxes`): the classifier leaves a vertical size it cannot tell reading down the page
   * (`D2=93` at 0.52), and a drawing of as many vertical sizes as level ones was turned sideways;
   * read, it goes up surer (0.99, against `6=20` at 0.71 down).
   */
  private async readWays(page: PageImage, readings: readonly BoxReading[]): Promise<BoxReading[]> {
    const shown = readings
      .map((reading, index) => ({ reading, index }))
      .filter(({ reading }) => showsAxis(reading.box))
      .sort((a, b) => b.reading.weight - a.reading.weight)
      .slice(0, READ_WAYS);
    const boxes = shown.map(({ reading }) => reading.box);
    const read = await this.recognizer.read(page, [...boxes, ...boxes.map(rotateQuad180)], undefined, { crowded: false });
    const ways = [...readings];
    shown.forEach(({ reading, index }, i) => {
      const [as, turned] = [read[i]!, read[shown.length + i]!];
      const surer = turned.confidence > as.confidence ? turned : as;
      // A box read surely neither way (a drawing's hatching, an arrowhead read `②` or `K`) tells no way.
      if (surer.confidence < WAY_SURE.confidence || surer.characters < WAY_SURE.characters) ways[index] = { ...reading, weight: 0 };
      else if (surer === turned) ways[index] = { ...reading, box: rotateQuad180(reading.box) };
    });
    return ways;
  }

  /** The inked part of `page`, the boxes detected in it and which of them read upside down; undefined for a page without ink. */
  private async detectOn(page: PageImage, signal?: AbortSignal): Promise<{ area: PixelRect; boxes: Quad[]; upsideDown: boolean[] } | undefined> {
    const area = inkBounds(page);
    if (!area) return undefined;
    const boxes = await detectBoxes(this.detector, page, area, { wholeFirst: true });
    const upsideDown = await this.classifier.upsideDown(page, boxes);
    signal?.throwIfAborted();
    return { area, boxes, upsideDown };
  }

  /** Numbers standing alone that the detector missed and the lines read leave unboxed, read surely (see `loneGlyphBoxes`). */
  private async readLoneNumbers(page: PageImage, lines: readonly ReadLine[], signal?: AbortSignal): Promise<ReadLine[]> {
    const found = loneGlyphBoxes(page, lines);
    if (found.length === 0) return [];
    // Read the way the page's lines read: a lone 6 read both ways can come out a 9 as surely.
    const upsideDown = pageTurn(lines.map(({ box }) => ({ box, weight: turnWeight(box) }))) === 2;
    const boxes = upsideDown ? found.map(rotateQuad180) : found;
    const read = await this.readBoxes(page, boxes, boxes.map(() => false), () => signal?.throwIfAborted());
    return read.filter((line) => LONE_NUMBER.test(line.text) && line.confidence >= LONE_NUMBER_CONFIDENCE);
  }

  /**
   * The lines, each read down or up the page as a run of digits (a connector's pin numbers `1` to
   * `11`, found sideways and read `12345678901`) read again a row at a time where its ink stands in
   * rows that count one by one (see `readsAsCount`, `countedRowTries`); no line beside them need
   * stand level with them. With `giveWay`, after the coloured-ink pass, the lines the rows stand
   * on give way to them (see `withCountedRows`); before it they stay, as the lifted reading's
   * merge weighs them (Espressif's ESP32-C5 sheet: its pins' `40` and `38` read `4C` and `3e`
   * lifted, which won once the printed rows' duplicates were gone).
   */
  private async withCountedColumns(page: PageImage, lines: ReadLine[], { giveWay = false } = {}): Promise<ReadLine[]> {
    const columns = lines.flatMap((line) => {
      if (!readsUpOrDown(line.box) || holdsGlyphs(line.box) || !COUNTED_COLUMN.test(line.text)) return [];
      const tries = countedRowTries(page, line.box, line.text.length);
      return tries.length > 0 ? [{ line, tries }] : [];
    });
    if (columns.length === 0) return lines;
    const reads = await this.recognizer.read(page, columns.flatMap(({ tries }) => tries.flat()));
    const counted = new Map<ReadLine, ReadLine[]>();
    let next = 0;
    for (const { line, tries } of columns) {
      for (const rows of tries) {
        const rowReads = reads.slice(next, (next += rows.length));
        if (!counted.has(line) && readsAsCount(rows, rowReads)) {
          counted.set(line, rowReads.map((read, k) => ({ text: read.text, confidence: read.confidence, box: rows[k]!, characters: read.characters })));
        }
      }
    }
    return giveWay ? withCountedRows(lines, counted) : lines.flatMap((line) => counted.get(line) ?? [line]);
  }

  /**
   * Reads the detected boxes, some also other ways (see below), keeping the surest reading.
   * Lines read as noise are left out; those read too unsurely, characters and not specks, go
   * into `doubtful` where it is given. With `stacks`, the page's own detection: a long box up or
   * down it over rows that no other box reads is also read a row at a time (see `stackedRows`);
   * a pass sideways finds a table's column of numbers as such a box, whose rows the upright boxes read.
   */
  private async readBoxes(
    page: PageImage,
    boxes: readonly Quad[],
    upsideDown: readonly boolean[],
    onDone: (done: number) => void,
    { doubtful, stacks = false }: { doubtful?: ReadLine[]; stacks?: boolean } = {},
  ): Promise<ReadLine[]> {
    // Lines up or down the page, whose glyphs the detector boxes apart at a slant now and then (a
    // package drawing's `2.8 MAX`, its `2` boxed alone): such a glyph is read as its line runs.
    const sideways = boxes.filter((box) => readsUpOrDown(box) && !holdsGlyphs(box)).map(quadBounds);
    const besideSideways = (box: Quad) => {
      const b = quadBounds(box);
      const reach = (b.bottom - b.top) / 2;
      return sideways.some((s) => s.left < b.right + reach && b.left - reach < s.right && s.top < b.bottom + reach && b.top - reach < s.bottom);
    };
    // Other ways to read a box, each kept where it reads more surely: turned round where the
    // classifier says so, and for any box read up or down the page (turned, digits are digits
    // still: `9.30` read downwards is `08'6`, and the classifier judges them no better); and
    // across, for a glyph or two whose box is tall (a table's `6` read downwards came out `9`),
    // where it reads no fewer characters (a small vertical `15` reads `5` across, surely); and
    // upright, for a glyph or two boxed at a slant (see `slantedGlyphs`). Read downwards is
    // doubted a little: `90` turned round reads `06` as surely.
    const others = boxes.map((box, i) => {
      const ways: Array<{ box: Quad; across: boolean; upright?: boolean }> = [];
      const vertical = readsUpOrDown(box);
      if (upsideDown[i] || vertical) ways.push({ box: rotateQuad180(box), across: false });
      if (vertical && holdsGlyphs(box)) ways.push({ box: acrossQuad(box), across: true });
      if (slantedGlyphs(box) && !besideSideways(box)) ways.push({ box: boundsQuad(quadBounds(box)), across: false, upright: true });
      return ways;
    });
    // A stack's rows wider than high, or else a column of numbers level with the lines beside it.
    const stacked = boxes.map((box): { rows: Quad[]; numbers: boolean } | undefined => {
      if (!stacks || !readsUpOrDown(box) || holdsGlyphs(box)) return undefined;
      const wide = stackedRows(page, box);
      const rows = wide ?? numberRows(page, box, boxes);
      const elsewhere = rows?.some((row) => boxes.some((other) => other !== box && quadOverlap(row, other) > READ_ELSEWHERE * quadArea(row)));
      return rows && !elsewhere ? { rows, numbers: !wide } : undefined;
    });
    const decoded = await this.recognizer.read(page, [...boxes, ...others.flat().map((way) => way.box), ...stacked.flatMap((stack) => stack?.rows ?? [])], onDone);
    const lines: ReadLine[] = [];
    const keep = (line: ReadLine) => {
      if (line.confidence >= MIN_LINE_CONFIDENCE) lines.push(line);
      else doubtful?.push(line);
    };
    let next = boxes.length;
    let nextRow = next + others.reduce((n, ways) => n + ways.length, 0);
    boxes.forEach((box, i) => {
      let best = { box, read: decoded[i]! };
      for (const other of others[i]!) {
        const read = decoded[next++]!;
        const surer = read.confidence - downwardDoubt(other.box) > best.read.confidence - downwardDoubt(best.box);
        const upright = !other.upright || (read.confidence >= UPRIGHT.sure && read.confidence >= best.read.confidence + UPRIGHT.surerBy);
        if (surer && upright && (!other.across || read.characters >= best.read.characters)) best = { box: other.box, read };
      }
      const rows = stacked[i]?.rows ?? [];
      const rowReads = decoded.slice(nextRow, (nextRow += rows.length));
      if (rows.length > 0 && (stacked[i]!.numbers ? readsAsNumbers(rowReads) : readsBetterAcross(rowReads, best.read))) {
        rowReads.forEach((read, k) => {
          if (!isSpecks(read.text)) keep({ text: read.text, confidence: read.confidence, box: rows[k]!, characters: read.characters });
        });
        return;
      }
      if (best.read.characters === 0 || isSpecks(best.read.text) || isDrawnPattern(best.read)) return;
      keep({ text: best.read.text, confidence: best.read.confidence, box: best.box, characters: best.read.characters });
    });
    return lines;
  }

  async dispose(): Promise<void> {
    await Promise.all(this.sessions.map((session) => session.release()));
  }
}
