/**
 * `extractMany`: extraction of a stream of pages on a pool of worker threads,
 * with bounded memory whatever the input's size.
 */
import { pMapIterable } from 'p-map';
import { InvalidArgumentError } from '../errors.js';
import { resolveFallback } from '../engines/resolve.js';
import { ExtractPool, defaultConcurrency } from './pool.js';
import { checkRecord } from './record.js';
import type { ExtractManyOptions, PageInput, PageResult } from './types.js';

/**
 * How far ahead of the consumer the input is read, in pages per worker. The
 * window holds the pages in the workers, the pages read ahead for them, and
 * (in input order) the results waiting behind a slow page; past it, reading
 * pauses. Four per worker keeps the workers busy across uneven pages.
 */
export const WINDOW_PER_WORKER = 4;

/** Upper bound of `concurrency`: more threads than this only cost memory. */
const MAX_CONCURRENCY = 1024;

interface Settings {
  threads: number;
  ordered: boolean;
  timeout: number;
  signal: AbortSignal | null;
  shared: NonNullable<ExtractManyOptions['extractOptions']>;
}

function checkOptions(options: ExtractManyOptions | undefined): Settings {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new InvalidArgumentError('options', 'extractMany: options must be an object');
  }
  const o = options ?? {};
  const threads = o.concurrency ?? defaultConcurrency();
  if (!Number.isInteger(threads) || threads < 1 || threads > MAX_CONCURRENCY) {
    throw new InvalidArgumentError('options.concurrency', `extractMany: options.concurrency must be an integer from 1 to ${MAX_CONCURRENCY}`);
  }
  const timeout = o.timeout ?? 0;
  if (typeof timeout !== 'number' || !(timeout >= 0) || !Number.isFinite(timeout)) {
    throw new InvalidArgumentError('options.timeout', 'extractMany: options.timeout must be a number of milliseconds (0 for none)');
  }
  if (o.signal !== undefined && !(o.signal instanceof AbortSignal)) {
    throw new InvalidArgumentError('options.signal', 'extractMany: options.signal must be an AbortSignal');
  }
  if (o.extractOptions !== undefined && (typeof o.extractOptions !== 'object' || o.extractOptions === null)) {
    throw new InvalidArgumentError('options.extractOptions', 'extractMany: options.extractOptions must be an object');
  }
  const { url: _url, contentType: _contentType, ...shared } = (o.extractOptions ?? {}) as Record<string, unknown>;
  return { threads, ordered: o.ordered ?? true, timeout, signal: o.signal ?? null, shared: forWorkers(shared) };
}

/**
 * The fallback options as they can cross to the worker threads: an engine
 * object becomes its name (each worker loads its own copy of jsdom, as
 * `fallback: 'readability'` does, and that is checked here, once); a callback
 * cannot cross at all.
 */
function forWorkers(shared: Record<string, unknown>): Record<string, unknown> {
  if (shared.onFallback !== undefined) {
    throw new InvalidArgumentError(
      'options.extractOptions.onFallback',
      'extractMany: onFallback cannot reach the worker threads (a function cannot cross threads); use extract() in this thread to observe the fallback',
    );
  }
  if (shared.fallback === undefined || shared.fallback === null) return shared;
  resolveFallback(shared.fallback); // a wrong value or a missing package: one typed error now, not one per page
  resolveFallback('readability');
  return { ...shared, fallback: 'readability' };
}

const isIterable = (v: unknown): v is Iterable<unknown> | AsyncIterable<unknown> =>
  typeof v === 'object' && v !== null && (Symbol.iterator in v || Symbol.asyncIterator in v);

/**
 * Extracts every page of `source` on a pool of worker threads and yields one
 * result per page: `{ id, url, article }`, or `{ id, url, error }` for a page
 * that failed (a malformed record, a timeout, a crashed worker). A bad page
 * never stops the run.
 *
 * `source` is any iterable or async iterable of {@link PageInput} (an array,
 * a generator, a stream of parsed records). It is read lazily: at most
 * {@link WINDOW_PER_WORKER} × `concurrency` pages are held at once (in the
 * workers, read ahead, or waiting for the consumer), so memory stays bounded
 * whatever the input's size, and a consumer that stops pulling stops the
 * reading. Breaking out of the loop stops the workers and closes `source`.
 *
 * The pool is created when iteration starts and torn down when it ends.
 * Each page is copied to its worker; the caller's records are not modified.
 * An error thrown by `source` itself ends the run and is rethrown.
 *
 * @example
 * ```ts
 * import { extractMany } from 'copydesk/node';
 *
 * for await (const r of extractMany(pages, { concurrency: 4 })) {
 *   if (r.error) console.error(r.id, r.error.kind, r.error.message);
 *   else console.log(r.id, r.article.headline);
 * }
 * ```
 *
 * @throws {@link InvalidArgumentError} (on the first `next()`) for a wrong
 * `source` or option; the signal's reason when `options.signal` aborts.
 */
export async function* extractMany(
  source: Iterable<PageInput> | AsyncIterable<PageInput>,
  options?: ExtractManyOptions,
): AsyncGenerator<PageResult, void, undefined> {
  if (!isIterable(source)) {
    throw new InvalidArgumentError('source', 'extractMany: source must be an iterable or an async iterable of pages');
  }
  const settings = checkOptions(options);
  const { signal } = settings;
  signal?.throwIfAborted();

  const pool = new ExtractPool({ threads: settings.threads, timeout: settings.timeout });
  // An abort stops the workers at once; the page being awaited then rejects,
  // and the loop below rethrows the signal's reason.
  const onAbort = () => void pool.close();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const results = pMapIterable(
      source as AsyncIterable<unknown>,
      async (record: unknown, index: number): Promise<PageResult> => {
        const checked = checkRecord(record, index, settings.shared);
        if ('error' in checked) return checked;
        const reply = await pool.run(checked.task, checked.transfer);
        if ('error' in reply) return { id: checked.id, url: checked.url, error: reply.error };
        if ('article' in reply) return { id: checked.id, url: checked.url, article: reply.article };
        throw new Error('extractMany: the worker answered with a line, not an article');
      },
      {
        concurrency: settings.threads,
        backpressure: settings.threads * WINDOW_PER_WORKER,
        preserveOrder: settings.ordered,
      },
    );
    try {
      for await (const result of results) {
        signal?.throwIfAborted();
        yield result;
      }
    } catch (e) {
      signal?.throwIfAborted();
      throw e;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await pool.close();
  }
}
