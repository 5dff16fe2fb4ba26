import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exists } from './files.ts';
import { CheckpointError, readSafetensorsHeader, type TensorLocation } from './safetensors.ts';

/** The tensors of an original checkpoint folder, single-file or sharded, by name. */
export interface Checkpoint {
  folder: string;
  /** Weight files in a stable order (the content hash reads them in this order). */
  files: string[];
  tensors: Map<string, TensorLocation>;
  /** The named tensor's location; throws a CheckpointError naming it when absent. */
  get(name: string): TensorLocation;
}

const indexName = 'model.safetensors.index.json';
const singleName = 'model.safetensors';

/** Opens a checkpoint folder through `model.safetensors.index.json` when present, else `model.safetensors`. */
export async function openCheckpoint(folder: string): Promise<Checkpoint> {
  let files: string[];
  if (await exists(join(folder, indexName))) {
    const index = JSON.parse(await readFile(join(folder, indexName), 'utf8')) as { weight_map?: Record<string, string> };
    if (!index.weight_map) throw new CheckpointError(`${indexName} has no weight_map`);
    files = [...new Set(Object.values(index.weight_map))].sort().map((f) => join(folder, f));
  } else if (await exists(join(folder, singleName))) {
    files = [join(folder, singleName)];
  } else {
    throw new CheckpointError(`${folder}: neither ${indexName} nor ${singleName} found`);
  }
  const tensors = new Map<string, TensorLocation>();
  for (const file of files) {
    for (const tensor of await readSafetensorsHeader(file)) tensors.set(tensor.name, tensor);
  }
  return {
    folder,
    files,
    tensors,
    get(name) {
      const tensor = tensors.get(name);
      if (!tensor) throw new CheckpointError(`${folder}: tensor ${name} not found`);
      return tensor;
    },
  };
}
