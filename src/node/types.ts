/**
 * The public shapes of `copydesk/node`: what {@link extractMany} takes and
 * yields. Node only (the core `copydesk` entry stays browser-safe).
 *
 * @packageDocumentation
 */
import type { Article, ExtractOptions } from '../types.js';

/** A page's identifier, echoed back in its result. */
export type PageId = string | number;

/**
 * One page for {@link extractMany}: its HTML as text (`html`) or as raw bytes
 * (`bytes`, decoded by copydesk from `contentType` and the page's own charset
 * declarations). Exactly one of the two must be given.
 */
export interface PageInput {
  /** Echoed back in the result. Default: the page's position in the input, from 0. */
  id?: PageId;
  /** The page's URL (see {@link ExtractOptions.url}); echoed back in the result. */
  url?: string | null;
  /** The page as HTML text. */
  html?: string;
  /** The page as raw bytes, undecoded. */
  bytes?: Uint8Array;
  /** The HTTP `Content-Type` header the page was served with (see {@link ExtractOptions.contentType}). */
  contentType?: string | null;
}

/**
 * Why a page has no article:
 * - `invalid-input`: the record is malformed (not an object, no `html` or
 *   `bytes`, both, or a field of the wrong type); nothing was extracted;
 * - `extract-failed`: `extract` threw on this page (a copydesk bug: please report it);
 * - `timeout`: the page took longer than the `timeout` option; its worker was
 *   stopped and replaced;
 * - `worker-crashed`: the worker thread died on this page (for instance out
 *   of memory); it was replaced.
 */
export type PageErrorKind = 'invalid-input' | 'extract-failed' | 'timeout' | 'worker-crashed';

/** What went wrong with one page. */
export interface PageError {
  /** A stable, machine-readable kind. */
  kind: PageErrorKind;
  /** A one-line human-readable explanation. */
  message: string;
}

/** A page that was extracted. */
export interface PageSuccess {
  /** The page's `id`, or its position in the input. */
  id: PageId;
  /** The page's `url`, or `null`. */
  url: string | null;
  /** The extracted article. */
  article: Article;
  error?: undefined;
}

/** A page that failed; the run goes on. */
export interface PageFailure {
  /** The page's `id` (when it was a string or a number), or its position in the input. */
  id: PageId;
  /** The page's `url` (when it was a string), or `null`. */
  url: string | null;
  /** Why the page has no article. */
  error: PageError;
  article?: undefined;
}

/** One result of {@link extractMany}: a page's article, or why it has none. */
export type PageResult = PageSuccess | PageFailure;

/** Options of {@link extractMany}. Every option is optional. */
export interface ExtractManyOptions {
  /**
   * How many worker threads extract in parallel. Default: the number of
   * cores the process may use (`os.availableParallelism()`).
   */
  concurrency?: number;
  /**
   * `true` (default): results come in input order; a slow page holds back
   * the results after it (up to the read-ahead window, then reading pauses).
   * `false`: each result comes as soon as it is ready.
   */
  ordered?: boolean;
  /**
   * Longest time, in milliseconds, one page may take in its worker; a page
   * over it yields a `timeout` error and its worker is replaced. Default: no limit.
   */
  timeout?: number;
  /** Stops the run: the iteration throws the signal's reason (an `AbortError`). */
  signal?: AbortSignal;
  /**
   * Options given to every {@link extract} call (for instance
   * `referenceDate`). `url` and `contentType` come from each page instead.
   * `fallback` reaches the workers by name (each loads its own jsdom, which
   * needs Node 20.16 or later); `onFallback` cannot cross threads and is
   * refused with an `InvalidArgumentError`.
   */
  extractOptions?: Omit<ExtractOptions, 'url' | 'contentType'>;
}
