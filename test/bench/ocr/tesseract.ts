import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createWorker } from 'tesseract.js';

/**
 * A tesseract.js worker for English + Simplified Chinese that never touches the network: both
 * gzipped traineddata files (as the @tesseract.js-data packages ship them) are linked into one
 * folder for `langPath`, and `cacheMethod: 'none'` keeps it from writing copies into the cwd.
 */
export async function tesseractReader(): Promise<{ read(bytes: Uint8Array): Promise<string>; close(): Promise<void> }> {
  const require = createRequire(import.meta.url);
  const folder = mkdtempSync(join(tmpdir(), 'tessdata-'));
  for (const lang of ['eng', 'chi_sim']) {
    const pkg = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
    symlinkSync(join(pkg, '4.0.0', `${lang}.traineddata.gz`), join(folder, `${lang}.traineddata.gz`));
  }
  const worker = await createWorker(['eng', 'chi_sim'], 1, { langPath: folder, cacheMethod: 'none', gzip: true });
  return {
    async read(bytes) {
      const { data } = await worker.recognize(Buffer.from(bytes));
      return data.text;
    },
    async close() {
      await worker.terminate();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
