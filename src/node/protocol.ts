/**
 * What the main thread and a worker thread send each other (internal). Both
 * sides are plain data, copied by structured clone.
 */
import type { Article, ExtractOptions } from '../types.js';
import type { PageError, PageId } from './types.js';

/** Ask the worker for the page's JSONL line instead of its Article (the CLI's path). */
export interface LineRequest {
  id: PageId;
  url: string | null;
  /** Field paths to keep ("headline", "body.text"), or null for the whole Article. */
  fields: readonly string[] | null;
}

/** One page for a worker: exactly one of `html` and `bytes`. */
export interface WorkerTask {
  html?: string;
  bytes?: Uint8Array;
  options: ExtractOptions;
  line?: LineRequest;
  /**
   * Set when the pool times pages: the worker reports `{ [STARTED]: seq }`
   * when it starts the page, so that the time limit counts the page's own
   * time, not its wait for a free (or a newly started) worker.
   */
  seq?: number;
}

/** The key of the message a worker sends when it starts a timed page. */
export const STARTED = 'copydeskStarted';

/** A worker's answer: the Article, its JSONL line, or why there is none. */
export type WorkerReply = { article: Article } | { line: string } | { error: PageError };
