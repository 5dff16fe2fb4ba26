import { z } from 'zod';
import {
  batchAcceptedSchema,
  batchResultSchema,
  batchViewSchema,
  errorBodySchema,
  healthSchema,
  jobAcceptedSchema,
  jobViewSchema,
  modelInfoSchema,
  ocrOptionsSchema,
  ocrResultSchema,
  reloadOutcomeSchema,
} from '@ocr/contracts';
import { SERVICE_NAME } from './health.ts';

type Schema = Record<string, unknown>;

const ref = (id: string): Schema => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: Schema, description: string) => ({ description, content: { 'application/json': { schema } } });

function idOf(schema: z.ZodType): string {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error('schema has no id in the registry');
  return id;
}

const error = (description: string) => json(ref(idOf(errorBodySchema)), description);

/** The multipart body of an upload: the file field(s) plus the option fields, from the zod schema. */
function uploadBody(fileField: 'file' | 'files'): Schema {
  const options = z.toJSONSchema(ocrOptionsSchema, { target: 'openapi-3.0', io: 'input' }) as Schema & { properties: Schema };
  const file = { type: 'string', format: 'binary', description: 'JPEG, PNG, BMP, TIFF, WebP, GIF, AVIF, HEIC, JPEG 2000, PNM (PBM, PGM, PPM) or PDF' };
  return {
    required: true,
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          required: [fileField],
          properties: { [fileField]: fileField === 'file' ? file : { type: 'array', items: file }, ...options.properties },
        },
      },
      // The document as the body itself; its options (and `filename`) then go in the query string.
      ...Object.fromEntries(
        ['application/pdf', 'image/*', 'application/octet-stream'].map((type) => [
          type,
          { schema: { type: 'string', format: 'binary', description: 'the document itself (one file); options and `filename` as query parameters' } },
        ]),
      ),
    },
  };
}

const idParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const idempotencyHeader = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  schema: { type: 'string', maxLength: 255 },
  description: 'A retry with the same key gets the first request’s job back instead of a second job',
};
const preferHeader = {
  name: 'Prefer',
  in: 'header',
  required: false,
  schema: { type: 'string', example: 'respond-async' },
  description: 'respond-async: answer 202 at once and poll the Location',
};

/** The OpenAPI 3.0 document, generated from the same zod schemas the code validates with. */
export function buildOpenApiDocument(options: { apiKeys: boolean }): Schema {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: 'openapi-3.0',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Schema> };
  // JSON Schema's `$id` has no place in an OpenAPI 3.0 component.
  for (const schema of Object.values(schemas)) delete schema['$id'];
  const components: Schema = { schemas };
  if (options.apiKeys) {
    components['securitySchemes'] = {
      bearer: { type: 'http', scheme: 'bearer' },
      apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
    };
  }
  const secured = options.apiKeys ? { security: [{ bearer: [] }, { apiKey: [] }] } : {};
  const result = ref(idOf(ocrResultSchema));
  const job = ref(idOf(jobViewSchema));
  return {
    openapi: '3.0.3',
    info: { title: SERVICE_NAME, version: '1.0.0', description: 'OCR for engineering documents: wait on the request or submit and poll.' },
    components,
    paths: {
      '/health': {
        get: { summary: 'Service health', responses: { 200: json(ref(idOf(healthSchema)), 'healthy'), 503: json(ref(idOf(healthSchema)), 'unhealthy, with the reason') } },
      },
      '/model/info': {
        get: { summary: 'Model facts from the live workers', ...secured, responses: { 200: json(ref(idOf(modelInfoSchema)), 'model info'), 503: error('no worker') } },
      },
      '/model/reload': {
        post: {
          summary: 'Every live worker reloads its engine between jobs',
          ...secured,
          responses: { 200: json(ref(idOf(reloadOutcomeSchema)), 'the workers’ new model info'), 500: json(ref(idOf(reloadOutcomeSchema)), 'a worker failed to reload'), 503: error('no worker') },
        },
      },
      '/ocr/process': {
        post: {
          summary: 'OCR one document and wait for the result',
          ...secured,
          parameters: [preferHeader, idempotencyHeader],
          requestBody: uploadBody('file'),
          responses: {
            200: json(result, 'the result'),
            202: json(job, 'still running (or Prefer: respond-async): poll the Location'),
            400: error('missing file, several files (use a batch) or bad parameter'),
            401: error('API key missing or wrong'),
            413: error('file too large, too many pages or pixels'),
            415: error('unsupported format'),
            422: error('corrupt or encrypted document'),
          },
        },
      },
      '/ocr/batch': {
        post: {
          summary: 'OCR several documents and wait for all',
          ...secured,
          parameters: [preferHeader],
          requestBody: uploadBody('files'),
          responses: { 200: json(ref(idOf(batchResultSchema)), 'one entry per file, in upload order'), 202: json(ref(idOf(batchViewSchema)), 'still running'), 400: error('no files') },
        },
      },
      '/v1/jobs': {
        post: {
          summary: 'Submit one document',
          ...secured,
          parameters: [idempotencyHeader],
          requestBody: uploadBody('file'),
          responses: {
            202: json(ref(idOf(jobAcceptedSchema)), 'queued (or the job an earlier request with the same Idempotency-Key made); poll the Location'),
            400: error('bad request'),
            413: error('too large'),
            415: error('unsupported format'),
            422: error('Idempotency-Key already used for another document'),
          },
        },
      },
      '/v1/jobs/{id}': {
        get: {
          summary: 'A job’s state, progress, and result or error',
          ...secured,
          parameters: [idParam('id'), { name: 'wait', in: 'query', required: false, schema: { type: 'number' }, description: 'long-poll up to this many seconds for a final state' }],
          responses: { 200: json(job, 'the job'), 404: error('unknown id (job_not_found) or result expired (job_expired)') },
        },
      },
      '/v1/batches': {
        post: { summary: 'Submit several documents', ...secured, requestBody: uploadBody('files'), responses: { 202: json(ref(idOf(batchAcceptedSchema)), 'queued'), 400: error('no files') } },
      },
      '/v1/batches/{id}': {
        get: { summary: 'A batch’s counts and per-item state', ...secured, parameters: [idParam('id')], responses: { 200: json(ref(idOf(batchViewSchema)), 'the batch'), 404: error('unknown or expired') } },
      },
    },
  };
}
