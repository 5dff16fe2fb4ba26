/**
 * Any failure of a client call: the service's own error answer (`status` and `code` as it sent
 * them), a job that failed (the status a waiting caller would have got), or a failure on the
 * client's side, which has `status` 0 and one of the codes `network_error`, `timeout`,
 * `invalid_response` (a body that does not match the contract; `status` is then the HTTP status).
 *
 * @example
 * try { await client.process(file); }
 * catch (e) { if (e instanceof OcrApiError && e.code === 'unsupported_format') console.error(e.message); }
 */
export class OcrApiError extends Error {
  override readonly name = 'OcrApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
