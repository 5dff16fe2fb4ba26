import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';

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
  /** A CSS colour in place of black. */
  colour?: string;
}

/**
 * A round ink seal stamped over the print, as on Chinese drawings and controlled copies: a ring,
 * its text along the upper arc, a star and a line across the middle. The ink multiplies with the
 * print below, as stamp ink on paper does.
 */
export interface Seal {
  /** Centre, pixels. */
  x: number;
  y: number;
  radius: number;
  /** Along the upper arc, left to right. */
  text: string;
  /** Straight, below the star. */
  centre?: string;
  /** A CSS colour, e.g. `#d42a2a` (red) or `#2f4fb5` (blue). */
  colour: string;
}

export interface PageSpec {
  width: number;
  height: number;
  blocks: TextBlock[];
  /** Straight lines drawn in black, e.g. table rules: [x1, y1, x2, y2]. */
  rules?: Array<[number, number, number, number]>;
  /** Stamped over everything else, in order. */
  seals?: Seal[];
  /** A CSS colour for the paper in place of white (a yellowed newspaper's `#e7d2a5`). */
  paper?: string;
}

// Noto Sans CJK covers Latin and Chinese; the test set-up installs fonts-noto-cjk.
const FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans", "DejaVu Sans", sans-serif';
let fontsLoaded = false;

/**
 * Faces Skia knows only by their typographic family (`DejaVu Sans` at weight 200, `DejaVu Serif`
 * condensed), registered under the names tests give them: asked for by a name it does not know,
 * Skia draws whatever face it falls back on, which changes with the fonts installed (DejaVu Sans
 * here, Liberation Sans where Chromium brought it in).
 */
const NAMED_FACES: Readonly<Record<string, string>> = {
  'DejaVu Sans Light': '/usr/share/fonts/truetype/dejavu/DejaVuSans-ExtraLight.ttf',
  'DejaVu Serif Condensed': '/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed.ttf',
};

function loadFonts(): void {
  if (fontsLoaded) return;
  GlobalFonts.loadFontsFromDir('/usr/share/fonts');
  for (const [name, path] of Object.entries(NAMED_FACES)) GlobalFonts.registerFromPath(path, name);
  fontsLoaded = true;
}

/** Where `text`'s ink starts and ends along its line, in pixels from the point it is drawn at. */
export function inkExtent(text: string, fontSize: number, fontFamily = FONT_FAMILY, bold = false): { left: number; right: number } {
  loadFonts();
  const ctx = createCanvas(1, 1).getContext('2d');
  ctx.font = `${bold ? 'bold ' : ''}${fontSize}px ${fontFamily}`;
  const metrics = ctx.measureText(text);
  return { left: -metrics.actualBoundingBoxLeft, right: metrics.actualBoundingBoxRight };
}

/**
 * Renders black text on white (or `spec.paper`) into an RGBA canvas; returns PNG bytes.
 * `subpixel`: as a Windows screenshot shows it (see `fromStripes`).
 */
export function renderPage(spec: PageSpec, options: { transparent?: boolean; subpixel?: boolean } = {}): Buffer {
  loadFonts();
  // Subpixel smoothing draws three columns for each pixel, one for each of its stripes.
  const stripes = options.subpixel ? 3 : 1;
  const canvas = createCanvas(spec.width * stripes, spec.height);
  const ctx = canvas.getContext('2d');
  ctx.scale(stripes, 1);
  if (!options.transparent) {
    ctx.fillStyle = spec.paper ?? '#ffffff';
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
    ctx.fillStyle = block.colour ?? '#000000';
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
  for (const seal of spec.seals ?? []) stamp(ctx, seal);
  return stripes === 1 ? canvas.toBuffer('image/png') : fromStripes(ctx.getImageData(0, 0, canvas.width, spec.height), spec.width, spec.height);
}

/** FreeType's default LCD filter, over five stripes: what ClearType's and FreeType's smoothing spread a stripe's light by. */
const LCD_FILTER = [8, 77, 86, 77, 8].map((w) => w / 256);

/**
 * The page as a screen with subpixel smoothing (ClearType) shows it: each pixel's red, green and
 * blue stripe lit as the columns drawn over and beside it (see `LCD_FILTER`), so black strokes
 * get coloured edges.
 */
function fromStripes(drawn: { data: Uint8ClampedArray }, width: number, height: number): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(width, height);
  const columns = width * 3;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) {
        let light = 0;
        LCD_FILTER.forEach((w, k) => {
          const column = Math.min(columns - 1, Math.max(0, x * 3 + c + k - 2));
          light += w * drawn.data[(y * columns + column) * 4 + c]!;
        });
        image.data[at + c] = Math.round(light);
      }
      image.data[at + 3] = drawn.data[(y * columns + x * 3 + 1) * 4 + 3]!;
    }
  }
  ctx.putImageData(image, 0, 0);
  return canvas.toBuffer('image/png');
}

function stamp(ctx: SKRSContext2D, seal: Seal): void {
  const { x, y, radius, text, centre, colour } = seal;
  ctx.save();
  ctx.globalCompositeOperation = 'multiply';
  ctx.globalAlpha = 0.9;
  ctx.fillStyle = colour;
  ctx.strokeStyle = colour;
  ctx.lineWidth = radius * 0.05;
  ctx.beginPath();
  ctx.arc(x, y, radius, 0, 2 * Math.PI);
  ctx.stroke();
  const size = radius * 0.24;
  ctx.font = `bold ${size}px ${FONT_FAMILY}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  // The text spans 240° of the ring, centred on its top; each character stands on the ring, upright towards the centre.
  const span = (4 / 3) * Math.PI;
  [...text].forEach((char, i, chars) => {
    const angle = -Math.PI / 2 - span / 2 + (span * (i + 0.5)) / chars.length;
    ctx.save();
    ctx.translate(x + Math.cos(angle) * radius * 0.75, y + Math.sin(angle) * radius * 0.75);
    ctx.rotate(angle + Math.PI / 2);
    ctx.fillText(char, 0, 0);
    ctx.restore();
  });
  ctx.font = `${radius * 0.5}px ${FONT_FAMILY}`;
  ctx.fillText('★', x, y);
  if (centre) {
    ctx.font = `bold ${size * 0.85}px ${FONT_FAMILY}`;
    ctx.fillText(centre, x, y + radius * 0.5);
  }
  ctx.restore();
}
