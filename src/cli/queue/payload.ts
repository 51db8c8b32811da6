/**
 * What a job carries. Small pages travel in the job, gzip-compressed (base64:
 * BullMQ stores job data as JSON); WARC records travel as a reference to
 * their bytes in the file (which every worker must be able to read: a shared
 * or copied file system); URLs are fetched by the worker; a record that
 * failed while it was read travels as its error, so that it gets its one
 * error line like every other page.
 */

import zlib from 'node:zlib';
import type { RecordError } from '../sources/types.js';
import type { PageId } from '../../node/types.js';

interface JobBase {
  id: PageId;
  url: string | null;
}

/** A page in the job: `z` is its gzip bytes in base64; `text` when it was a string (JSONL), decoded as UTF-8. */
export interface InlineJob extends JobBase {
  kind: 'page';
  z: string;
  text?: true;
  contentType?: string | null;
}

/** A WARC record by reference: `length` bytes at `offset` of `file` (an absolute path). */
export interface WarcJob extends JobBase {
  kind: 'warc';
  file: string;
  offset: number;
  length: number;
  contentType?: string | null;
}

/** A URL the worker fetches. */
export interface FetchJob extends JobBase {
  kind: 'fetch';
  url: string;
}

/** A record that failed when it was read (too large, unreadable): stored as its error line. */
export interface ErrorJob extends JobBase {
  kind: 'error';
  error: RecordError;
}

export type JobData = InlineJob | WarcJob | FetchJob | ErrorJob;

/** Bytes, gzip-compressed (level 6: pages shrink about 4 to 6 times) and in base64. */
export function pack(bytes: Uint8Array): string {
  return zlib.gzipSync(bytes).toString('base64');
}

/** The bytes {@link pack} packed. */
export function unpack(z: string): Buffer {
  return zlib.gunzipSync(Buffer.from(z, 'base64'));
}
