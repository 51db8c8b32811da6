/**
 * copydesk: separate a news page's headline, dateline, byline, body, captions
 * and source from the boilerplate around them.
 *
 * @packageDocumentation
 */
export type * from './types.js';
export type { ReadabilityEngine, ReadabilityRun, ReadabilityRunOptions } from './engines/readability/types.js';
export { extract } from './extract.js';
export { CONFIDENCE_SIGNALS, DEFAULT_FALLBACK_THRESHOLD, NOT_AN_ARTICLE_CONFIDENCE, AGREED_CONFIDENCE } from './body/confidence.js';
export { COMPARISON } from './engines/compare.js';
export { READABILITY_LIMITS } from './engines/readability/limits.js';
export { DENSE_SCRIPT_WEIGHT } from './body/signals.js';
export { CopydeskError, FallbackUnavailableError, InvalidArgumentError, MissingPeerDependencyError } from './errors.js';
export { DEFAULT_LIMITS } from './limits.js';
