import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@ocr/contracts';
import { convertCheckpoint } from './convert.ts';
import { checkpointDigest } from './digest.ts';
import type { ConvertSettings } from './emitter.ts';

/** Bumped whenever the emitted graphs change, so older caches are not reused. */
export const converterVersion = 1;

/** Written last inside a finished conversion; a folder without it (or with another key) is never trusted. */
export const completionMarker = 'conversion-complete.json';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isComplete(folder: string, key: string): Promise<boolean> {
  const marker = await readFile(join(folder, completionMarker), 'utf8').then(JSON.parse, () => undefined);
  return (marker as { key?: string } | undefined)?.key === key;
}

/** Removes work folders of conversions whose process has died (killed or crashed). */
async function removeAbandoned(cacheDir: string, logger: Logger): Promise<void> {
  for (const name of await readdir(cacheDir)) {
    const match = /^\.converting-.+-(\d+)-[0-9a-f]+$/.exec(name);
    if (match && !isAlive(Number(match[1]))) {
      logger.warn({ folder: name }, 'removing an interrupted InternVL3 conversion');
      await rm(join(cacheDir, name), { recursive: true, force: true });
    }
  }
}

/** Renames the finished work folder to `target`, which only ever appears complete. */
async function moveIntoPlace(work: string, target: string, key: string): Promise<void> {
  try {
    await rename(work, target);
  } catch {
    // Another process finished the same conversion first: keep theirs.
    if (await isComplete(target, key)) return;
    // A folder there without a valid marker was not made by a finished conversion: replace it.
    await rm(target, { recursive: true, force: true });
    await rename(work, target);
  }
}

/**
 * Returns the cache folder holding `source` converted with `settings`, converting first when no
 * complete one exists. The key covers the checkpoint's content, the settings and the converter
 * version; a conversion is written into a work folder and renamed into place only when finished.
 */
export async function ensureConverted(source: string, cacheDir: string, settings: ConvertSettings, logger: Logger): Promise<string> {
  await mkdir(cacheDir, { recursive: true });
  const digest = await checkpointDigest(source, cacheDir);
  const key = `v${converterVersion}-${settings.dtype}-${settings.fusedOps ? 'fused' : 'plain'}-${digest.slice(0, 32)}`;
  const target = join(cacheDir, `internvl-${key}`);
  if (await isComplete(target, key)) {
    logger.info({ folder: target }, 'using converted InternVL3 model from cache');
    return target;
  }
  await removeAbandoned(cacheDir, logger);

  const work = join(cacheDir, `.converting-${key}-${process.pid}-${randomBytes(4).toString('hex')}`);
  logger.info({ source, target, ...settings }, 'converting InternVL3 checkpoint to ONNX (first start)');
  const started = Date.now();
  try {
    await convertCheckpoint(source, work, settings, logger);
    await writeFile(join(work, completionMarker), JSON.stringify({ key, source, settings, converterVersion, finishedAt: new Date().toISOString() }));
    await moveIntoPlace(work, target, key);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  logger.info({ folder: target, seconds: Math.round((Date.now() - started) / 1000) }, 'InternVL3 conversion finished');
  return target;
}
