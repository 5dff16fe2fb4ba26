/** A page ready for an engine: raw RGB pixels, orientation applied, transparency flattened onto white. */
export interface PageImage {
  width: number;
  height: number;
  /** Always 3 (RGB), row-major, top-left origin. */
  channels: 3;
  data: Uint8Array;
}

/** A point in page pixel coordinates. */
export type Point = [x: number, y: number];

/** Four corners, clockwise from the top-left corner of the text as read. */
export type Quad = [Point, Point, Point, Point];

/**
 * One character of a PDF page's own text (its text layer), placed where it prints on the rendered
 * page: the middle of its glyph, in page pixels. Positions within a run of text are estimated
 * (the run's width shared evenly), good enough to tell which line box a character lies in.
 */
export interface PageTextChar {
  char: string;
  x: number;
  y: number;
  /** Its font size in page pixels, where the text layer tells. */
  size?: number;
}

/** One recognised line of text. */
export interface OcrLine {
  text: string;
  confidence: number;
  box: Quad;
}

/** What an engine returns for one page. */
export interface PageResult {
  text: string;
  /** 0..1, computed from the engine's own probabilities. */
  confidence: number;
  /** Line boxes where the engine has them (the CPU engine does, a VLM does not). */
  lines?: OcrLine[];
  /** Image tiles the engine looked at (InternVL3); 1 for engines that see the page whole. */
  imagePatches?: number;
  /** Tokens generated (VLM engines). */
  generatedTokens?: number;
  /**
   * Degrees clockwise the page was scanned at, where the engine can tell (the CPU engine can): the
   * lines are then given in the pixels of the page turned upright.
   */
  rotation?: PageRotation;
}

export type PageRotation = 0 | 90 | 180 | 270;
