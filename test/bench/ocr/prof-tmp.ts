import { loadPpocrEngine } from '@ocr/engines';
import { pageImage } from '@ocr/testkit';
import { benchPages } from './pages.ts';
const e = await loadPpocrEngine();
const pages = await benchPages();
const a4 = pages.find((p) => p.name === 'A4 200 dpi')!;
const img = await pageImage(a4.bytes);
await e.recognize(img);
for (let i = 0; i < 3; i++) { const t = performance.now(); await e.recognize(img); console.log('ms', (performance.now() - t) | 0); }
await e.dispose();
