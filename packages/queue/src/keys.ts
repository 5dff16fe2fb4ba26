/** Every Redis key the service writes besides BullMQ's own, under one deployment prefix. */
export function keysFor(prefix: string) {
  return {
    blob: (sha256: string) => `${prefix}:blob:${sha256}`,
    blobRefs: (blobKey: string) => `${blobKey}:refs`,
    result: (jobId: string) => `${prefix}:result:${jobId}`,
    batch: (batchId: string) => `${prefix}:batch:${batchId}`,
    idempotency: (digest: string) => `${prefix}:idempotency:${digest}`,
    worker: (workerId: string) => `${prefix}:worker:${workerId}`,
    workerPattern: `${prefix}:worker:*`,
    controlChannel: `${prefix}:control`,
    finishedChannel: `${prefix}:finished`,
    replyChannel: (instanceId: string) => `${prefix}:replies:${instanceId}`,
    reloadAcks: (requestId: string) => `${prefix}:reload:${requestId}`,
  };
}
export type Keys = ReturnType<typeof keysFor>;

/** The one BullMQ queue of the service. */
export const OCR_QUEUE_NAME = 'ocr';
