/**
 * The one place options are checked and defaults are set.
 */
import { InvalidArgumentError } from './errors.js';
import type { ExtractOptions } from './types.js';

/** Options after validation, with defaults applied. */
export interface NormalisedOptions {
  url: string | null;
  contentType: string | undefined;
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
  return { url: url ? url.trim() || null : null, contentType };
}
