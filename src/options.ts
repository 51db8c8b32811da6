/**
 * The one place options are checked and defaults are set.
 */
import { InvalidArgumentError } from './errors.js';
import type { ExtractOptions } from './types.js';

/** Options after validation, with defaults applied. */
export interface NormalisedOptions {
  url: string | null;
  contentType: string | undefined;
  referenceDate: Date;
}

/** Validates `extract`'s arguments; throws {@link InvalidArgumentError} on a wrong type. */
export function normaliseOptions(input: unknown, options: ExtractOptions | undefined): NormalisedOptions {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new InvalidArgumentError('input', `extract: input must be a string or a Uint8Array, got ${input === null ? 'null' : typeof input}`);
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
  return { url: url ? url.trim() || null : null, contentType, referenceDate };
}
