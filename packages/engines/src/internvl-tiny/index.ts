export { writeTinyInternVL, type TinyModelOptions } from './write-tiny-model.ts';
export { TINY_SIZES } from './tiny-config.ts';
