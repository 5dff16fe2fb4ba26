import type { z } from 'zod';
import type { healthSchema, jobAcceptedSchema, modelInfoSchema } from '@ocr/contracts';

export type { BatchAccepted, BatchResult, BatchView, JobStatus, JobView, OcrOptions, OcrResult, ReloadOutcome } from '@ocr/contracts';

export type JobAccepted = z.infer<typeof jobAcceptedSchema>;
export type Health = z.infer<typeof healthSchema>;
export type ModelInfo = z.infer<typeof modelInfoSchema>;
