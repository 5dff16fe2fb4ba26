import { renderPage, characterErrorRate, standardPages, upsideDownPage, scanPage, pageImage, a4Page } from '@ocr/testkit';
import { loadPpocrEngine } from './index.ts';
const engine = await loadPpocrEngine();
const verbose = process.argv.includes('-v');
for (const p of [...standardPages(), upsideDownPage(), a4Page()]) {
  const png = renderPage(p.spec);
  for (const [kind, bytes] of [['clean', png], ['scan', await scanPage(png)]] as const) {
    const page = await pageImage(bytes);
    const t = performance.now();
    const r = await engine.recognize(page);
    const ms = performance.now() - t;
    console.log(p.name.padEnd(20), kind, 'cer', characterErrorRate(p.reference, r.text).toFixed(4), 'ms', ms.toFixed(0), 'conf', r.confidence.toFixed(3));
    if (verbose || characterErrorRate(p.reference, r.text) > 0.02) console.log(r.text);
  }
}
