import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi.ts';

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.0, with every $ref resolving, with and without API keys', async () => {
    for (const apiKeys of [false, true]) {
      const document = buildOpenApiDocument({ apiKeys });
      // validate() mutates what it is given: hand it a copy.
      await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
    }
  });

  it('documents every route with the schemas the code validates with', () => {
    const document = buildOpenApiDocument({ apiKeys: true }) as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown>; securitySchemes: unknown } };
    expect(Object.keys(document.paths).sort()).toEqual(
      ['/health', '/model/info', '/model/reload', '/ocr/batch', '/ocr/process', '/v1/batches', '/v1/batches/{id}', '/v1/jobs', '/v1/jobs/{id}'].sort(),
    );
    for (const id of ['OcrResult', 'Job', 'Batch', 'BatchResult', 'Error', 'Health', 'ModelInfo', 'ReloadOutcome']) {
      expect(document.components.schemas).toHaveProperty(id);
    }
    expect(document.components.securitySchemes).toBeDefined();
  });
});
