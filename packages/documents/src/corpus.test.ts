import { describe, expect, it } from 'vitest';
import { DocumentError, documentErrorStatus } from './errors.ts';
import { CORPUS_RENDER_BUDGET, allPages, latinTextPdf, malformedCorpus, type MalformedCase } from './fixtures/index.ts';
import { inspectUpload } from './inspect.ts';
import { openDocument } from './open.ts';
import { validateDocumentOptions } from './options.ts';

/** Runs a case the way the service does: API checks, then the worker's open and decode. */
async function refusal(c: MalformedCase): Promise<{ stage: MalformedCase['stage']; error: unknown }> {
  try {
    validateDocumentOptions(c.options);
    inspectUpload(c.bytes, c.filename);
  } catch (error) {
    return { stage: 'upload', error };
  }
  try {
    await allPages(await openDocument(c.bytes, { ...c.options, renderBudget: CORPUS_RENDER_BUDGET }));
  } catch (error) {
    return { stage: 'document', error };
  }
  throw new Error(`"${c.name}" was accepted`);
}

const corpus = await malformedCorpus();

describe('malformed corpus', () => {
  it('has at least 25 cases covering every code a client can see', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(25);
    const clientCodes = Object.keys(documentErrorStatus).filter((code) => code !== 'invalid_limits');
    expect(new Set(corpus.map((c) => c.code))).toEqual(new Set(clientCodes));
  });

  it.each(corpus.map((c) => [c.name, c] as const))('%s → its code, status and stage', async (_, c) => {
    const { stage, error } = await refusal(c);
    expect(error).toBeInstanceOf(DocumentError);
    expect(error).toMatchObject({ code: c.code, status: c.status });
    expect(stage).toBe(c.stage);
  });

  it('leaves the decoders working for a good file afterwards', async () => {
    const pages = await allPages(await openDocument(latinTextPdf(2), { dpi: 72 }));
    expect(pages.map((p) => p.image.width)).toEqual([595, 595]);
  });
});
