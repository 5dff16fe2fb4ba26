import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadWeights, type ReferenceTensor } from './weights.ts';

/** A checkpoint loaded whole for the reference: its raw config sections and weights. */
export interface ReferenceModel {
  config: Record<string, any>;
  vision: Record<string, any>;
  llm: Record<string, any>;
  w(name: string): Float32Array;
  has(name: string): boolean;
}

export async function loadReferenceModel(folder: string): Promise<ReferenceModel> {
  const config = JSON.parse(await readFile(join(folder, 'config.json'), 'utf8')) as Record<string, any>;
  const weights: Map<string, ReferenceTensor> = await loadWeights(folder);
  return {
    config,
    vision: config.vision_config,
    llm: config.llm_config,
    has: (name) => weights.has(name),
    w(name) {
      const tensor = weights.get(name);
      if (!tensor) throw new Error(`reference: weight ${name} missing`);
      return tensor.data;
    },
  };
}
