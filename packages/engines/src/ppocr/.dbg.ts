import { renderPage, specificationPage, chinesePage, englishManualPage, scanPage, pageImage } from '@ocr/testkit';
import { loadPpocrEngine } from './index.ts';
const engine = await loadPpocrEngine();
for (const p of [specificationPage(), chinesePage(), englishManualPage()]) {
  const png = renderPage(p.spec);
  await engine.recognize(await pageImage(png));
}
