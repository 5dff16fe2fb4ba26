import { createHash } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Files of an original folder that change what a conversion produces. */
function isInput(name: string): boolean {
  return name.endsWith('.safetensors') || name.endsWith('.json') || name === 'merges.txt';
}

async function hashFile(path: string, buffer: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(path, 'r');
  try {
    for (let read; (read = (await handle.read(buffer, 0, buffer.byteLength)).bytesRead) > 0; ) hash.update(buffer.subarray(0, read));
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

/**
 * SHA-256 over the contents of every input file of a checkpoint folder. Reading 16 GB takes a
 * while, so file digests are remembered in `memoDir` by path, size and mtime: only the first start
 * after a change pays for the hashing.
 */
export async function checkpointDigest(folder: string, memoDir: string): Promise<string> {
  const memoPath = join(memoDir, 'file-digests.json');
  const memo = (await readFile(memoPath, 'utf8').then(JSON.parse, () => ({}))) as Record<string, string>;
  const names = (await readdir(folder)).filter(isInput).sort();
  const overall = createHash('sha256');
  let changed = false;
  const buffer = new Uint8Array(8 << 20);
  for (const name of names) {
    const path = resolve(folder, name);
    const info = await stat(path);
    const key = `${path}:${info.size}:${info.mtimeMs}`;
    let digest = memo[key];
    if (!digest) {
      digest = await hashFile(path, buffer);
      memo[key] = digest;
      changed = true;
    }
    overall.update(`${name}\0${digest}\n`);
  }
  if (changed) {
    await mkdir(memoDir, { recursive: true });
    const temp = `${memoPath}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(memo));
    await rename(temp, memoPath);
  }
  return overall.digest('hex');
}
