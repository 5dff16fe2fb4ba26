export { loadReferenceModel, type ReferenceModel } from './model.ts';
export { referenceImageFeatures } from './vision.ts';
export { ReferenceDecoder } from './language.ts';
