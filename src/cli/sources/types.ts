/** What the input readers of the batch CLI produce, and what they are given. */

import type { JsonlNames } from '../args.js';
import type { PageId } from '../../node/types.js';

/**
 * Why a record has no article, for the kinds the CLI adds to those of
 * `extractMany` (see the README's table): `bad-record`, `read-failed`,
 * `too-large`, `fetch-failed`, `fetch-timeout`, `http-status`, `not-html`,
 * `blocked-address` (a fetch refused: a non-public address, see `network.ts`).
 */
export interface RecordError {
  kind: string;
  message: string;
}

/** One record read from an input: a page to extract, a URL to fetch, or a failure to report. */
export interface SourceRecord {
  id: PageId;
  url: string | null;
  html?: string;
  bytes?: Uint8Array;
  contentType?: string | null;
  /** Set for a URL that must be fetched first (URL lists, `copydesk fetch`). */
  fetch?: true;
  /**
   * Set for a JSONL line, which a worker parses: `id` and `url` are then
   * `FILE:LINE` and null, unless the line was parsed here for `--resume`.
   */
  jsonl?: { raw: Uint8Array; lineNo: number; label: string };
  /**
   * Where a WARC record lies in its file (not for standard input): enough to
   * read it again later (`copydesk queue` sends this instead of the page).
   */
  at?: { file: string; offset: number; length: number };
  /** Set when the record failed before extraction: it is written as an error line. */
  error?: RecordError;
}

/** What a reader is given. */
export interface SourceContext {
  /** Pages larger than this (bytes) become `too-large` errors. */
  maxBytes: number;
  /** The Content-Type of pages that come without one (`--content-type`), or null. */
  contentType: string | null;
  /** JSONL field names. */
  names: JsonlNames;
  /** Whether records need their real ids here (`--resume` skips by id); else JSONL lines are parsed by the workers. */
  needIds: boolean;
  /** Reports raw input bytes (or URLs given as arguments) consumed, for the progress bar. */
  advance(units: number): void;
  /** Reports a record passed over on purpose (a WARC request record, a non-HTML response). */
  skip(reason: string): void;
}

/** A one-line message of an error, without a stack. */
export function messageOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n', 1)[0]!.slice(0, 500);
}
