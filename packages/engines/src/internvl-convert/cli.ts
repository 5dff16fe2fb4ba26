/**
 * Converts an original InternVL3 checkpoint ahead of time, into the same cache the worker uses.
 *
 *   tsx packages/engines/src/internvl-convert/cli.ts convert <original folder> [--cache-dir DIR] [--dtype fp32|fp16] [--fused|--plain]
 *   tsx packages/engines/src/internvl-convert/cli.ts write-tiny <folder> [--shards N]
 *
 * Progress goes to stderr as JSON lines; the last stdout line is a JSON summary with the folder.
 */
import { parseArgs } from 'node:util';
import type { Logger } from '@ocr/contracts';
import { resolveInternVLModel } from './resolve.ts';
import { writeTinyCheckpoint } from './tiny-checkpoint.ts';

function stderrLogger(bindings: Record<string, unknown> = {}): Logger {
  const log =
    (level: string) =>
    (objOrMsg: object | string, msg?: string): void => {
      const fields = typeof objOrMsg === 'string' ? { msg: objOrMsg } : { ...objOrMsg, msg };
      process.stderr.write(`${JSON.stringify({ level, time: new Date().toISOString(), ...bindings, ...fields })}\n`);
    };
  return { debug: () => {}, info: log('info'), warn: log('warn'), error: log('error'), child: (more) => stderrLogger({ ...bindings, ...more }) };
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    'cache-dir': { type: 'string' },
    dtype: { type: 'string', default: 'fp32' },
    fused: { type: 'boolean' },
    plain: { type: 'boolean' },
    shards: { type: 'string', default: '1' },
  },
});
const [command, folder] = positionals;
if (!folder || (command !== 'convert' && command !== 'write-tiny')) {
  process.stderr.write('usage: cli.ts convert <original folder> [--cache-dir DIR] [--dtype fp32|fp16] [--fused|--plain]\n       cli.ts write-tiny <folder> [--shards N]\n');
  process.exit(2);
}
const started = Date.now();
if (command === 'write-tiny') {
  await writeTinyCheckpoint(folder, { shards: Number(values.shards) });
  process.stdout.write(`${JSON.stringify({ folder })}\n`);
} else {
  const fusedOps = values.fused ? true : values.plain ? false : undefined;
  const logger = stderrLogger();
  const options = { dtype: values.dtype, logger, ...(values['cache-dir'] ? { cacheDir: values['cache-dir'] } : {}), ...(fusedOps === undefined ? {} : { fusedOps }) };
  const converted = await resolveInternVLModel(folder, options);
  // maxRSS is the process's peak resident memory in kB: the memory test reads it from here.
  const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ folder: converted, seconds: (Date.now() - started) / 1000, peakRssMiB })}\n`);
}
