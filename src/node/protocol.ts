/**
 * What the main thread and a worker thread send each other (internal). Both
 * sides are plain data: structured clone copies it, buffers are transferred.
 */
import type { Article, ExtractOptions } from '../types.js';
import type { JsonlLimits, JsonlNames } from './jsonl.js';
import type { PageError, PageId } from './types.js';

/** Ask the worker for the page's JSONL line instead of its Article (the CLI's path). */
export interface LineRequest {
  id: PageId;
  url: string | null;
  /** Field paths to keep ("headline", "body.text"), or null for the whole Article. */
  fields: readonly string[] | null;
}

/** A raw JSONL input line, parsed by the worker (the CLI's path for `--input jsonl`). */
export interface JsonlTask extends JsonlLimits {
  /** The line's UTF-8 bytes. */
  bytes: Uint8Array;
  lineNo: number;
  /** The input's name, for fallback ids (`FILE:LINE`). */
  label: string;
  names: JsonlNames;
  fields: readonly string[] | null;
  /** The fallback engine's name (`--fallback`), or null/absent for none. */
  fallback?: 'readability' | null;
  /** `--time-budget` in milliseconds (`Infinity` for none), or null/absent for the library's default. */
  timeBudgetMs?: number | null;
}

/**
 * One page for a worker: `html` or `bytes` (with `options`, and `line` to get
 * a JSONL line back instead of the Article), or a raw JSONL line (`jsonl`).
 */
export interface WorkerTask {
  html?: string;
  bytes?: Uint8Array;
  options?: ExtractOptions;
  line?: LineRequest;
  jsonl?: JsonlTask;
  /**
   * Set when the pool times pages: the worker reports `{ [STARTED]: seq }`
   * when it starts the page, so that the time limit counts the page's own
   * time, not its wait for a free (or a newly started) worker.
   */
  seq?: number;
}

/** The key of the message a worker sends when it starts a timed page. */
export const STARTED = 'copydeskStarted';

/**
 * A worker's answer: the Article; a written JSONL line (UTF-8, with its
 * newline; null for a blank input line) and the kind of its error if it is an
 * error line; or, for an Article request, why there is none.
 */
export type WorkerReply = { article: Article } | { line: Uint8Array | null; errorKind: string | null; noArticle?: boolean } | { error: PageError };
