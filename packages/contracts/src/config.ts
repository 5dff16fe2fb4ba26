import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();
const csv = z
  .string()
  .transform((s) => s.split(',').map((k) => k.trim()).filter((k) => k.length > 0));

/** Settings both processes read: where Redis is and how the queue is named. */
export const sharedConfigSchema = z.object({
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  /** Key prefix for every Redis key of this deployment; tests use their own. */
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only').default('ocr'),
  RESULT_TTL_S: positiveInt.default(86_400),
  /** Uploaded bytes are deleted when their job is final; this bounds what a lost job leaves. */
  BLOB_TTL_S: positiveInt.default(172_800),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Attempts for a job whose failure was not caused by its content (crash, lost worker). */
  JOB_ATTEMPTS: positiveInt.max(20).default(3),
  /** Document limits: the API checks what it cheaply can, the worker the rest. */
  MAX_PAGES: positiveInt.default(500),
  MAX_PIXELS_PER_PAGE: positiveInt.default(100_000_000),
  MAX_TOTAL_PIXELS: positiveInt.default(4_000_000_000),
});

export const apiConfigSchema = sharedConfigSchema.extend({
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port.default(8000),
  MAX_FILE_SIZE_MB: z.coerce.number().positive().max(2048).default(50),
  MAX_BATCH_FILES: positiveInt.max(1000).default(50),
  /** How long `POST /ocr/process` and `/ocr/batch` wait before answering 202. */
  SYNC_TIMEOUT_S: positiveInt.default(300),
  /** Longest `?wait=` a poller may ask for. */
  MAX_POLL_WAIT_S: positiveInt.default(60),
  API_KEYS: csv.optional(),
  /** Origins whose web pages may call the API from a browser (CORS); `*` for any. */
  CORS_ORIGINS: csv.default(['*']),
  ADMIN_USER: z.string().min(1).default('admin'),
  ADMIN_PASSWORD: z.string().min(1).optional(),
});

export const workerConfigSchema = sharedConfigSchema.extend({
  /** The worker's name in the registry and logs; default host-pid-random. Unique per running worker. */
  WORKER_ID: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'letters, digits, ., _ and - only').optional(),
  ENGINE: z.enum(['ppocr', 'internvl']).default('ppocr'),
  MODEL_PATH: z.string().min(1).optional(),
  /** Which ONNX variant of the InternVL3 graphs to load (`onnx/*_{dtype}.onnx`). */
  MODEL_DTYPE: z.enum(['fp32', 'fp16', 'q4f16', 'q8', 'int8', 'uint8', 'q4', 'bnb4']).default('fp32'),
  /** Where converted InternVL3 checkpoints are cached. */
  MODEL_CACHE_DIR: z.string().min(1).default('.cache/models'),
  DEVICE: z.enum(['auto', 'cpu']).default('auto'),
  MAX_PATCHES: positiveInt.max(40).default(12),
  MAX_NEW_TOKENS: positiveInt.default(2048),
  DEFAULT_DPI: positiveInt.min(36).max(600).default(200),
  /** What one PDF page may take to render before it fails with page_too_complex. */
  PAGE_RENDER_TIMEOUT_S: positiveInt.default(120),
  PAGE_RENDER_MEMORY_MB: positiveInt.default(6144),
  /** A worker that stops renewing its job lock for this long is presumed dead; its job runs again. */
  JOB_LOCK_MS: positiveInt.min(1000).default(30_000),
  HEARTBEAT_TTL_S: positiveInt.default(15),
  /** How long SIGTERM waits for the current job before handing it back. */
  SHUTDOWN_GRACE_S: positiveInt.default(60),
});

export type ApiConfig = z.infer<typeof apiConfigSchema>;
export type WorkerConfig = z.infer<typeof workerConfigSchema>;

/** Thrown by `parseConfig`; its message names every bad variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads the process environment through a schema.
 * @example const config = parseConfig(apiConfigSchema, process.env);
 */
export function parseConfig<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
}

/** The document limits of a configuration, in the shape `@ocr/documents` takes. */
export function documentLimitsOf(config: z.infer<typeof sharedConfigSchema>) {
  return { maxPages: config.MAX_PAGES, maxPixelsPerPage: config.MAX_PIXELS_PER_PAGE, maxTotalPixels: config.MAX_TOTAL_PIXELS };
}

/** `parseConfig` for a process entry point: a bad value ends the process (exit 2) with the message. */
export function readConfigOrExit<S extends z.ZodType>(schema: S, processName: string): z.infer<S> {
  try {
    return parseConfig(schema, process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${processName}: ${error.message}\n`);
    process.exit(2);
  }
}
