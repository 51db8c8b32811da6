/**
 * Names in Redis: BullMQ's queue, and copydesk's own keys beside it. All of
 * a queue's keys share one hash tag (`{NAME}`): in Redis Cluster they sit in
 * one slot, as BullMQ's scripts and the result script need, and different
 * queues spread over the cluster's nodes.
 */

import { createHash } from 'node:crypto';
import type { PageId } from '../../node/types.js';

/** copydesk's keys of queue `name`. */
export interface QueueKeys {
  /** Set of the ids ever added: `queue add` skips them. */
  ids: string;
  /** Set of the ids whose result is stored. */
  done: string;
  /** Set of the ids whose result is an error line. */
  errors: string;
  /** Stream of results: one entry per id, fields `id` and `z` (the JSONL line, gzip). */
  results: string;
}

/** A queue name BullMQ accepts (no `:`) and that reads well in keys. */
export const QUEUE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * BullMQ's key prefix for queue `name`: its keys are then
 * `bull:{NAME}:NAME:wait` and so on, in the slot of `{NAME}`.
 */
export function bullPrefix(name: string): string {
  return `bull:{${name}}`;
}

export function queueKeys(name: string): QueueKeys {
  const base = `copydesk:{${name}}`;
  return { ids: `${base}:ids`, done: `${base}:done`, errors: `${base}:errors`, results: `${base}:results` };
}

/** How ids are compared (as in `--resume`): numbers and strings by their text. */
export const idKey = (id: PageId): string => String(id);

/**
 * The BullMQ job id of a record: a digest of its id. BullMQ refuses ids that
 * contain `:` (file paths on Windows, WARC record ids `<urn:uuid:...>`) or
 * that are whole numbers, and the digest keeps every id the same length; the
 * record's own id travels in the job.
 */
export function jobIdOf(id: PageId): string {
  return `p${createHash('sha1').update(idKey(id)).digest('hex')}`;
}
