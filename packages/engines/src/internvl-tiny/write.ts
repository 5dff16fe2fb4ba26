// Writes the tiny InternVL3 model folder:
//   pnpm exec tsx packages/engines/src/internvl-tiny/write.ts <dir> [--all-logits]
import { resolve } from 'node:path';
import { writeTinyInternVL } from './write-tiny-model.ts';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: tsx packages/engines/src/internvl-tiny/write.ts <dir> [--all-logits]\n');
  process.exit(2);
}
await writeTinyInternVL(resolve(dir), { allLogits: process.argv.includes('--all-logits') });
process.stdout.write(`tiny InternVL3 model written to ${resolve(dir)}\n`);
