import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { GraphBuilder } from './graph-builder.ts';

/**
 * Writes a graph to `path`; with `externalDataMinBytes`, initializers of at least that size go to
 * `<path>.data` beside it (needed past protobuf's 2 GB limit).
 */
export async function writeModel(graph: GraphBuilder, path: string, options: { externalDataMinBytes?: number } = {}): Promise<void> {
  const { externalDataMinBytes } = options;
  const encoded = graph.encode(
    externalDataMinBytes === undefined ? {} : { externalData: { location: `${basename(path)}.data`, minBytes: externalDataMinBytes } },
  );
  if (encoded.externalData) await writeFile(`${path}.data`, encoded.externalData);
  await writeFile(path, encoded.model);
}
