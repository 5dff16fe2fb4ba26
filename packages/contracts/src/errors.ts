import { z } from 'zod';

/**
 * Every error answer: `{status: "error", error: {code, message}}`, and the message again as
 * `detail`, where the old FastAPI service put it and its clients read it.
 */
export const errorBodySchema = z
  .object({
    status: z.literal('error'),
    error: z.object({
      code: z.string().meta({ description: 'Stable machine-readable code, e.g. unsupported_format' }),
      message: z.string().meta({ description: 'What went wrong and what to do about it' }),
    }),
    detail: z.string().meta({ description: 'error.message again, where the old FastAPI service put its error text' }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A failure a client can act on, with the HTTP status to answer. */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export function errorBody(code: string, message: string): ErrorBody {
  return { status: 'error', error: { code, message }, detail: message };
}
