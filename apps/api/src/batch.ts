import type { BatchView, OcrOptions } from '@ocr/contracts';
import { newBatchId, type BatchRecord, type JobLookup } from '@ocr/queue';
import { ServiceError } from '@ocr/contracts';
import { DocumentError, sanitiseFilename } from '@ocr/documents';
import type { Services } from './services.ts';
import { lookup, submitDocument } from './submission.ts';
import type { FilePart } from './multipart.ts';
import { acceptFile } from './upload.ts';

/** A file the cheap checks refused; anything else (Redis down) is the service's failure, not the file's. */
function refusal(error: unknown): { code: string; message: string; status: number } {
  if (error instanceof ServiceError || error instanceof DocumentError) {
    return { code: error.code, message: error.message, status: error.status };
  }
  throw error;
}

/** Accepts each file on its own: a refused file becomes an error entry and never fails the others. */
export async function submitBatch(services: Services, files: FilePart[], options: OcrOptions): Promise<BatchRecord> {
  const { config } = services;
  const id = newBatchId();
  const maxBytes = config.MAX_FILE_SIZE_MB * 2 ** 20;
  const items: BatchRecord['items'] = [];
  for (const [index, file] of files.entries()) {
    try {
      const upload = acceptFile(file, maxBytes, services.limits);
      const jobId = await submitDocument(services, upload, options, 'batch', { id, index });
      items.push({ index, filename: upload.filename, job_id: jobId });
    } catch (error) {
      items.push({ index, filename: sanitiseFilename(file.filename), job_id: null, error: refusal(error) });
    }
  }
  const record: BatchRecord = { id, created_at: new Date().toISOString(), items };
  await services.batches.save(record);
  return record;
}

async function lookupItems(services: Services, record: BatchRecord): Promise<Array<JobLookup | null>> {
  return Promise.all(record.items.map((item) => (item.job_id ? lookup(services, item.job_id) : null)));
}

/** Counts and per-item state of a batch. */
export async function batchView(services: Services, record: BatchRecord): Promise<BatchView> {
  const found = await lookupItems(services, record);
  const counts = { waiting: 0, active: 0, completed: 0, failed: 0, rejected: 0 };
  const items: BatchView['items'] = record.items.map((item, i) => {
    const f = found[i];
    if (!f) {
      counts.rejected++;
      return { index: item.index, filename: item.filename, job_id: null, status: 'rejected' as const, ...(item.error ? { error: item.error } : {}) };
    }
    if (!f.found) {
      counts.failed++;
      return { index: item.index, filename: item.filename, job_id: item.job_id, status: 'failed' as const, error: { code: 'job_expired', message: 'the result is no longer kept' } };
    }
    counts[f.view.status]++;
    return {
      index: item.index,
      filename: item.filename,
      job_id: item.job_id,
      status: f.view.status,
      ...(f.view.result ? { result: f.view.result } : {}),
      ...(f.view.error ? { error: f.view.error } : {}),
    };
  });
  const open = counts.waiting + counts.active;
  return { id: record.id, status: open === 0 ? 'completed' : 'pending', total: items.length, counts, items };
}
