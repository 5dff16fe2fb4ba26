// Writes the tiny InternVL3 model folder:
//   pnpm exec tsx packages/engines/src/internvl-tiny/write.ts <dir> [--all-logits] [--fp16]
// --fp16 adds the MODEL_DTYPE=fp16 variant (onnx/*_fp16.onnx) beside the fp32 graphs.
import { resolve } from 'node:path';
import { writeTinyInternVL } from './write-tiny-model.ts';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: tsx packages/engines/src/internvl-tiny/write.ts <dir> [--all-logits] [--fp16]\n');
  process.exit(2);
}
await writeTinyInternVL(resolve(dir), {
  allLogits: process.argv.includes('--all-logits'),
  dtypes: process.argv.includes('--fp16') ? ['fp32', 'fp16'] : ['fp32'],
});
process.stdout.write(`tiny InternVL3 model written to ${resolve(dir)}\n`);
