import type { BatchResult, BatchView } from './jobs.ts';

/**
 * The `POST /ocr/batch` answer from a finished batch's view: one entry per file in upload order,
 * each the result or its error. The API answers with it, and a client that followed a 202 to
 * `GET /v1/batches/{id}` rebuilds the same shape with it.
 */
export function batchResultFromView(view: BatchView): BatchResult {
  const results: BatchResult['results'] = view.items.map((item) =>
    item.result
      ? { ...item.result, filename: item.filename }
      : { status: 'error' as const, filename: item.filename, error: item.error ?? { code: 'processing_failed', message: 'no result' } },
  );
  const succeeded = view.counts.completed;
  const failed = view.total - succeeded;
  return {
    status: failed === 0 ? 'success' : succeeded === 0 ? 'error' : 'partial',
    total: view.total,
    succeeded,
    failed,
    results,
  };
}
