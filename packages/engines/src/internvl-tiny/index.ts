export { writeTinyInternVL } from './write-tiny-model.ts';
export { TINY_SIZES } from './tiny-config.ts';
