// ms/page of our PDF rasterisation (pdfjs-dist + @napi-rs/canvas, raw RGB out; scanned pages
// decoded natively) beside Debian's pdftoppm (poppler-utils) on the same generated PDFs, in the
// same run: vector drawing sheets, and scanned pages (one 300 dpi JPEG, G4 or lossless image each).
// Usage: pnpm exec tsx test/bench/documents/run.ts [pages] [rounds]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { openDocument } from '@ocr/documents';
import { drawingSheetPdf, flatePage, g4Page, scannedPdf } from '@ocr/documents/fixtures';
import { renderPage } from '@ocr/testkit';

const pages = Number(process.argv[2] ?? 12);
const rounds = Number(process.argv[3] ?? 3);
const dpis = [150, 300];

interface Timing {
  /** Wall-clock ms. */
  wall: number;
  /** CPU ms (user + system): what the work costs, even when other processes share the cores. */
  cpu: number;
}

try {
  execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
} catch {
  console.error('pdftoppm not found: apt-get install -y poppler-utils');
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'documents-bench-'));

type ScanKind = 'jpeg' | 'bitonal' | 'lossless';

/**
 * Scanned A4 pages at 300 dpi (3520 px high: G4 data is cut from one 16-px-aligned tile): lines of
 * text, one image per page as a scanner writes them: a JPEG, bitonal CCITT G4, or lossless grey
 * (deflated with PNG predictors, as img2pdf embeds a PNG).
 */
async function scannedPages(count: number, kind: ScanKind): Promise<Uint8Array> {
  const [width, height] = [2480, 3520];
  const images = [];
  for (let page = 1; page <= count; page++) {
    const blocks = Array.from({ length: 30 }, (_, line) => ({ x: 200, y: 200 + line * 100, text: `Page ${page} line ${line + 1}: 技术要求 Ø12 H7 Ra 1.6`, fontSize: 42 }));
    const png = sharp(renderPage({ width, height, blocks })).flatten({ background: '#ffffff' });
    const rgba = { width, height, rgba: await png.clone().ensureAlpha().raw().toBuffer(), text: '', textBox: { left: 0, top: 0, width, height } };
    const image =
      kind === 'bitonal' ? await g4Page(rgba) : kind === 'lossless' ? await flatePage(rgba, { grey: true, predictor: true }) : await png.jpeg({ quality: 85 }).toBuffer();
    images.push({ jpeg: image, width, height });
  }
  const options = { jpeg: {}, bitonal: { ccitt: {} }, lossless: { flate: { predictor: true }, colourSpace: 'DeviceGray' as const } }[kind];
  return scannedPdf(images, 300, options);
}

const documents = [
  { label: 'A4-landscape drawing sheets (vector rules, Helvetica, non-embedded STSong-Light)', name: 'sheets', pdf: drawingSheetPdf(pages) },
  { label: 'scanned A4 pages (a 300 dpi JPEG each)', name: 'scans', pdf: await scannedPages(pages, 'jpeg') },
  { label: 'bitonal scanned A4 pages (300 dpi, CCITT G4)', name: 'bitonal', pdf: await scannedPages(pages, 'bitonal') },
  { label: 'lossless grey scanned A4 pages (300 dpi, deflated with PNG predictors)', name: 'lossless', pdf: await scannedPages(pages, 'lossless') },
].map((d) => ({ ...d, path: join(dir, `${d.name}.pdf`) }));
for (const d of documents) writeFileSync(d.path, d.pdf);

/** Every page rendered to raw RGB in this process, opening included. */
async function ours(pdf: Uint8Array, dpi: number): Promise<Timing> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const doc = await openDocument(pdf, { dpi });
  let rendered = 0;
  for await (const { image } of doc.pageImages()) rendered += image.width > 0 ? 1 : 0;
  await doc.close();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (rendered !== pages) throw new Error(`rendered ${rendered} of ${pages} pages`);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** pdftoppm writing every page as PPM (raw pixels, like ours), process start included. */
function poppler(pdfPath: string, dpi: number): Timing {
  const t0 = performance.now();
  // bash's `times` prints the CPU its children used: the second line, user then system.
  const out = execFileSync('bash', ['-c', `pdftoppm -r ${dpi} "$0" "$1" && times`, pdfPath, join(dir, `p${dpi}`)], { encoding: 'utf8' });
  const wall = performance.now() - t0;
  const seconds = [...out.trim().split('\n')[1]!.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { wall, cpu: (seconds[0]! + seconds[1]!) * 1000 };
}

const best = (a: Timing, b: Timing): Timing => ({ wall: Math.min(a.wall, b.wall), cpu: Math.min(a.cpu, b.cpu) });
const none: Timing = { wall: Infinity, cpu: Infinity };
const perPage = (ms: number): string => (ms / pages).toFixed(1).padStart(7);

// pdfjs loads its worker module and fonts on first use: once per worker process, not per job.
await ours(documents[0]!.pdf, 72);

for (const document of documents) {
  console.log(`${pages} ${document.label}, best of ${rounds}`);
  console.log('         ------ wall ms/page ------    ------ CPU ms/page -------');
  console.log('dpi        ours  pdftoppm   ratio        ours  pdftoppm   ratio');
  for (const dpi of dpis) {
    let our = none;
    let theirs = none;
    // Alternate the two so a busy machine slows both alike.
    for (let round = 0; round < rounds; round++) {
      our = best(our, await ours(document.pdf, dpi));
      theirs = best(theirs, poppler(document.path, dpi));
    }
    const ratio = (key: keyof Timing): string => `${(our[key] / theirs[key]).toFixed(2)}×`.padStart(8);
    console.log(
      `${String(dpi).padEnd(5)} ${perPage(our.wall)}   ${perPage(theirs.wall)} ${ratio('wall')}     ${perPage(our.cpu)}   ${perPage(theirs.cpu)} ${ratio('cpu')}`,
    );
  }
}
rmSync(dir, { recursive: true, force: true });
