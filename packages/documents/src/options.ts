import type { DocumentOptions } from './document.ts';
import { resolveDpi } from './dpi.ts';
import { checkLimits, checkPositive, defaultDocumentLimits, type DocumentLimits } from './limits.ts';
import { parsePageSelection } from './page-range.ts';

/**
 * Checks the request options alone (dpi, page selection syntax, limits), so the API can refuse
 * a bad request before enqueueing and the worker reports option mistakes whatever the file.
 * Returns the options with the limits filled in. Throws DocumentError.
 *
 * @example
 * validateDocumentOptions({ pages: '1-3', dpi: 300 });
 */
export function validateDocumentOptions(options: DocumentOptions = {}): DocumentOptions & { limits: DocumentLimits } {
  resolveDpi(options.dpi);
  parsePageSelection(options.pages ?? '');
  if (options.renderBudget) checkPositive('Render budget', options.renderBudget);
  return { ...options, limits: checkLimits(options.limits ?? defaultDocumentLimits) };
}
