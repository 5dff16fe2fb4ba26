import type { BatchResult, BatchView } from '@ocr/contracts';

/**
 * The `POST /ocr/batch` answer for a batch that was followed to its end through
 * `GET /v1/batches/{id}`, built the way the API builds it (apps/api/src/batch.ts), so a caller
 * gets the same shape whether the service answered at once or with 202.
 */
export function batchResultFrom(view: BatchView): BatchResult {
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
