import { parseArgs } from 'node:util';
import type { OcrOptions } from '@ocr/contracts';
import { OcrApiError } from './errors.ts';
import { readOcrFile } from './files.ts';
import { OcrClient } from './ocr-client.ts';

const USAGE = `usage: node --import tsx packages/client/src/cli.ts [--url U] [--key K] <command> [--json]

commands:
  process <file> [--pages 1-3] [--prompt Q] [--dpi N] [--password P] [--max-patches N]
                        OCR one document and wait; prints its text
  submit <file> [same options]
                        queue one document; prints the job id
  job <id> [--wait N]   a job's state; prints its text once completed
  batch <files…> [same options]
                        OCR several documents and wait; prints each text under its file name
  health                the service's health (exit 1 when unhealthy)
  model-info            the loaded model and its device

--url defaults to $OCR_URL or http://127.0.0.1:8000, --key to $OCR_API_KEY.
--json prints the service's JSON instead of the text. Failures print "error: <code>: <message>"
on stderr and exit 1; a bad command line exits 2.`;

class UsageError extends Error {}

const out = (text: string): void => {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
};
const printJson = (value: unknown): void => out(JSON.stringify(value, null, 2));
const printError = (code: string, message: string): void => {
  process.stderr.write(`error: ${code}: ${message}\n`);
};

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`--${name} takes a whole number, not "${value}"`);
  return n;
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        key: { type: 'string' },
        json: { type: 'boolean', default: false },
        pages: { type: 'string' },
        prompt: { type: 'string' },
        dpi: { type: 'string' },
        password: { type: 'string' },
        'max-patches': { type: 'string' },
        wait: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // parseArgs throws a TypeError naming the unknown or malformed option.
    throw new UsageError((error as Error).message);
  }
}

/** Runs one command; resolves with the exit code. */
async function run(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parse(argv);
  const [command, ...args] = positionals;
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const client = new OcrClient({ baseUrl: values.url ?? env['OCR_URL'] ?? 'http://127.0.0.1:8000', apiKey: values.key ?? env['OCR_API_KEY'] });
  const options: OcrOptions = {
    pages: values.pages,
    prompt: values.prompt,
    dpi: integer('dpi', values.dpi),
    password: values.password,
    max_patches: integer('max-patches', values['max-patches']),
  };
  const single = async () => {
    if (args.length !== 1) throw new UsageError(`${command} takes exactly one file`);
    return readOcrFile(args[0]!);
  };

  switch (command) {
    case 'process': {
      const result = await client.process(await single(), options);
      if (values.json) printJson(result);
      else out(result.raw_text);
      return 0;
    }
    case 'submit': {
      const accepted = await client.submit(await single(), options);
      if (values.json) printJson(accepted);
      else out(accepted.id);
      return 0;
    }
    case 'job': {
      if (args.length !== 1) throw new UsageError('job takes exactly one id');
      const view = await client.job(args[0]!, { wait: integer('wait', values.wait) });
      if (values.json) printJson(view);
      else if (view.result) out(view.result.raw_text);
      else if (view.status !== 'failed') out(`${view.id} ${view.status}${view.progress ? ` ${view.progress.pages_done}/${view.progress.pages_total} pages` : ''}`);
      if (view.status !== 'failed') return 0;
      printError(view.error?.code ?? 'job_failed', view.error?.message ?? `job ${view.id} failed`);
      return 1;
    }
    case 'batch': {
      if (args.length === 0) throw new UsageError('batch takes one or more files');
      const batch = await client.processBatch(await Promise.all(args.map(readOcrFile)), options);
      if (values.json) printJson(batch);
      for (const item of batch.results) {
        if (item.status === 'error') printError(item.error.code, `${item.filename}: ${item.error.message}`);
        else if (!values.json) out(`==> ${item.filename} <==\n${item.raw_text}`);
      }
      return batch.failed > 0 ? 1 : 0;
    }
    case 'health': {
      const health = await client.health();
      if (values.json) printJson(health);
      else out(health.reason ? `${health.status}: ${health.reason}` : health.status);
      return health.status === 'healthy' ? 0 : 1;
    }
    case 'model-info': {
      const info = await client.modelInfo();
      if (values.json) printJson(info);
      else out(`${info.model_name} on ${info.device} (${info.is_loaded ? 'loaded' : 'not loaded'})`);
      return 0;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
}

try {
  process.exitCode = await run(process.argv.slice(2), process.env);
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
  } else if (error instanceof OcrApiError) {
    printError(error.code, error.message);
    process.exitCode = 1;
  } else {
    // A file that cannot be read, say: still one line on stderr, no stack trace.
    printError((error as NodeJS.ErrnoException).code ?? 'failed', (error as Error).message);
    process.exitCode = 1;
  }
}
