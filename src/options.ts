/**
 * The one place options are checked and defaults are set.
 */
import { DEFAULT_FALLBACK_THRESHOLD } from './body/confidence.js';
import { resolveFallback } from './engines/resolve.js';
import type { ReadabilityEngine } from './engines/readability/types.js';
import { InvalidArgumentError } from './errors.js';
import { DEFAULT_LIMITS } from './limits.js';
import { isUint8Array, parsedDocument } from './input.js';
import type { ExtractLimits, ExtractOptions, FallbackReport } from './types.js';

/** Options after validation, with defaults applied. */
export interface NormalisedOptions {
  url: string | null;
  contentType: string | undefined;
  referenceDate: Date;
  limits: ExtractLimits;
  /** The fallback engine, loaded; null when the fallback is off. */
  fallback: ReadabilityEngine | null;
  fallbackThreshold: number;
  onFallback: ((report: FallbackReport) => void) | null;
}

const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as Array<keyof ExtractLimits>;

/** Limits are positive numbers; `Infinity` lifts one. Counts are whole numbers. */
function normaliseLimits(raw: unknown): ExtractLimits {
  const limits: ExtractLimits = { ...DEFAULT_LIMITS };
  if (raw === undefined) return limits;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InvalidArgumentError('options.limits', 'extract: options.limits must be an object');
  }
  for (const key of Object.keys(raw)) {
    if (!(LIMIT_NAMES as string[]).includes(key)) {
      throw new InvalidArgumentError(`options.limits.${key}`, `extract: unknown limit "${key}" (known: ${LIMIT_NAMES.join(', ')})`);
    }
  }
  for (const key of LIMIT_NAMES) {
    const value = (raw as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
      throw new InvalidArgumentError(`options.limits.${key}`, `extract: options.limits.${key} must be a positive number (Infinity for none)`);
    }
    limits[key] = key === 'timeBudgetMs' ? value : Math.max(1, Math.floor(value));
  }
  return limits;
}

/**
 * Validates `extract`'s arguments; throws {@link InvalidArgumentError} on a wrong type, and the
 * fallback's typed errors when it is asked for but cannot be loaded.
 */
export function normaliseOptions(input: unknown, options: ExtractOptions | undefined): NormalisedOptions {
  if (typeof input !== 'string' && !isUint8Array(input) && parsedDocument(input) === null) {
    throw new InvalidArgumentError(
      'input',
      `extract: input must be a string, a Uint8Array, a cheerio document or a domhandler Document, got ${input === null ? 'null' : typeof input}`,
    );
  }
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new InvalidArgumentError('options', 'extract: options must be an object');
  }
  const url = options?.url;
  if (url !== undefined && url !== null && typeof url !== 'string') {
    throw new InvalidArgumentError('options.url', 'extract: options.url must be a string');
  }
  const contentType = options?.contentType;
  if (contentType !== undefined && typeof contentType !== 'string') {
    throw new InvalidArgumentError('options.contentType', 'extract: options.contentType must be a string');
  }
  const ref = options?.referenceDate;
  let referenceDate = new Date();
  if (ref !== undefined && ref !== null) {
    const d = ref instanceof Date ? new Date(ref.getTime()) : typeof ref === 'string' || typeof ref === 'number' ? new Date(ref) : null;
    if (!d || Number.isNaN(d.getTime())) {
      throw new InvalidArgumentError('options.referenceDate', 'extract: options.referenceDate must be a valid Date, date string or epoch milliseconds');
    }
    referenceDate = d;
  }
  const threshold = options?.fallbackThreshold ?? DEFAULT_FALLBACK_THRESHOLD;
  if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1)) {
    throw new InvalidArgumentError('options.fallbackThreshold', 'extract: options.fallbackThreshold must be a number from 0 to 1');
  }
  const onFallback = options?.onFallback ?? null;
  if (onFallback !== null && typeof onFallback !== 'function') {
    throw new InvalidArgumentError('options.onFallback', 'extract: options.onFallback must be a function');
  }
  const fallbackOption = options?.fallback;
  const fallback = fallbackOption === undefined || fallbackOption === null ? null : resolveFallback(fallbackOption);
  return {
    url: url ? url.trim() || null : null,
    contentType,
    referenceDate,
    limits: normaliseLimits(options?.limits),
    fallback,
    fallbackThreshold: threshold,
    onFallback,
  };
}
