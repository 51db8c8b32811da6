/**
 * copydesk: separate a news page's headline, dateline, byline, body, captions
 * and source from the boilerplate around them.
 *
 * @packageDocumentation
 */
export type * from './types.js';
export { extract } from './extract.js';
export { CopydeskError, InvalidArgumentError } from './errors.js';
export { DEFAULT_LIMITS } from './limits.js';
