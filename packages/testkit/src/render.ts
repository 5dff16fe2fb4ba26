import { createCanvas, GlobalFonts } from '@napi-rs/canvas';

/** One run of text placed on a rendered page; `x`,`y` are the top-left of the first line. */
export interface TextBlock {
  x: number;
  y: number;
  text: string;
  /** Pixels. */
  fontSize?: number;
  /** Line height as a multiple of the font size. */
  lineHeight?: number;
  bold?: boolean;
  /** A CSS font family in place of the default sans-serif (e.g. `"Noto Serif CJK SC"`, a Song face like SimSun). */
  fontFamily?: string;
  /** Draws the block rotated by 180° inside the same area (an upside-down label). */
  upsideDown?: boolean;
}

export interface PageSpec {
  width: number;
  height: number;
  blocks: TextBlock[];
  /** Straight lines drawn in black, e.g. table rules: [x1, y1, x2, y2]. */
  rules?: Array<[number, number, number, number]>;
}

// Noto Sans CJK covers Latin and Chinese; the test set-up installs fonts-noto-cjk.
const FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans", "DejaVu Sans", sans-serif';
let fontsLoaded = false;

function loadFonts(): void {
  if (fontsLoaded) return;
  GlobalFonts.loadFontsFromDir('/usr/share/fonts');
  fontsLoaded = true;
}

/** Renders black text on white into an RGBA canvas; returns PNG bytes. */
export function renderPage(spec: PageSpec, options: { transparent?: boolean } = {}): Buffer {
  loadFonts();
  const canvas = createCanvas(spec.width, spec.height);
  const ctx = canvas.getContext('2d');
  if (!options.transparent) {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, spec.width, spec.height);
  }
  ctx.fillStyle = '#000000';
  ctx.strokeStyle = '#000000';
  ctx.textBaseline = 'top';
  for (const block of spec.blocks) {
    const size = block.fontSize ?? 28;
    ctx.font = `${block.bold ? 'bold ' : ''}${size}px ${block.fontFamily ?? FONT_FAMILY}`;
    const step = size * (block.lineHeight ?? 1.5);
    const lines = block.text.split('\n');
    ctx.save();
    if (block.upsideDown) {
      const width = Math.max(...lines.map((line) => ctx.measureText(line).width));
      ctx.translate(block.x + width, block.y + (lines.length - 1) * step + size * 1.2);
      ctx.rotate(Math.PI);
    } else {
      ctx.translate(block.x, block.y);
    }
    lines.forEach((line, i) => ctx.fillText(line, 0, i * step));
    ctx.restore();
  }
  ctx.lineWidth = 2;
  for (const [x1, y1, x2, y2] of spec.rules ?? []) {
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
    ctx.stroke();
  }
  return canvas.toBuffer('image/png');
}
