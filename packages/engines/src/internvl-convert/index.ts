export { resolveInternVLModel, detectModelFolder, type ResolveInternVLOptions } from './resolve.ts';
export { convertCheckpoint, dtypeSuffix } from './convert.ts';
export type { ConvertSettings } from './emitter.ts';
export { writeTinyCheckpoint, tinyTokenIds, type TinyCheckpointOptions } from './tiny-checkpoint.ts';
