/**
 * Every way a document can be refused, with the HTTP status the API answers.
 * The codes are a public contract: clients match on them, so never rename one.
 */
export const documentErrorStatus = {
  empty_file: 400,
  invalid_page_range: 400,
  page_out_of_range: 400,
  invalid_dpi: 400,
  invalid_limits: 400,
  unsupported_format: 415,
  image_too_large: 413,
  document_too_large: 413,
  too_many_pages: 413,
  corrupt_image: 422,
  corrupt_pdf: 422,
  page_too_complex: 422,
  encrypted_pdf: 422,
  wrong_password: 422,
  unsupported_encryption: 422,
} as const;

export type DocumentErrorCode = keyof typeof documentErrorStatus;

/**
 * A document the service cannot process, for a reason the caller can act on.
 * It is never worth retrying: the same bytes fail the same way.
 *
 * @example
 * throw new DocumentError('empty_file', 'The uploaded file is empty.');
 */
export class DocumentError extends Error {
  override readonly name = 'DocumentError';
  readonly code: DocumentErrorCode;
  readonly status: number;

  constructor(code: DocumentErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.status = documentErrorStatus[code];
  }
}
