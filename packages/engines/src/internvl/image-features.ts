import * as ort from 'onnxruntime-node';
import { toFloat16 } from '../onnx/index.ts';
import type { EmbeddingData } from './kv-cache-decoder.ts';
import type { PixelValues } from './preprocess.ts';
import type { SessionLayout } from './session-layout.ts';

/** Tiles per vision-encoder run: InternViT's attention over 1,025 tokens makes whole pages costly in one batch. */
const VISION_BATCH = 4;

export interface ImageFeatureMerge {
  session: ort.InferenceSession;
  layout: SessionLayout['vision'];
  hiddenSize: number;
  /** Positions of the `<IMG_CONTEXT>` tokens in the prompt, in order. */
  contextPositions: Int32Array;
  signal?: AbortSignal | undefined;
  /** Called after each batch with the tiles done so far. */
  onBatch?: ((tilesDone: number) => void) | undefined;
}

/** Indices of `tokenId` in `ids`. */
export function positionsOf(ids: ArrayLike<number>, tokenId: number): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < ids.length; i++) if (ids[i] === tokenId) out.push(i);
  return Int32Array.from(out);
}

/**
 * Runs the vision encoder over the tiles in batches and writes the features over the
 * `<IMG_CONTEXT>` token embeddings in order: tile 0's tokens first, the thumbnail's last.
 */
export async function mergeImageFeatures(pixels: PixelValues, embeds: EmbeddingData, merge: ImageFeatureMerge): Promise<void> {
  const { session, layout, hiddenSize, contextPositions, signal } = merge;
  const [tiles, , height, width] = pixels.dims;
  const tileFloats = 3 * height * width;
  let next = 0;
  for (let first = 0; first < tiles; first += VISION_BATCH) {
    signal?.throwIfAborted();
    const count = Math.min(VISION_BATCH, tiles - first);
    const batch = pixels.data.subarray(first * tileFloats, (first + count) * tileFloats);
    const input = new ort.Tensor(layout.inputType, layout.inputType === 'float16' ? toFloat16(batch) : batch, [count, 3, height, width]);
    const features = (await session.run({ [layout.input]: input }))[layout.output]!;
    const data = features.data as EmbeddingData;
    for (let k = 0; k * hiddenSize < data.length; k++) {
      const position = contextPositions[next++];
      if (position === undefined) throw new RangeError(`vision encoder gave more image tokens than the prompt's ${contextPositions.length}`);
      embeds.set(data.subarray(k * hiddenSize, (k + 1) * hiddenSize), position * hiddenSize);
    }
    merge.onBatch?.(first + count);
  }
  if (next !== contextPositions.length) throw new RangeError(`vision encoder gave ${next} image tokens, the prompt has ${contextPositions.length}`);
}
