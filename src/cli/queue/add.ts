/**
 * `queue add`: one job per page of the inputs, read with the batch CLI's
 * readers (HTML files, JSONL, WARC, URL lists). A record's id decides its job
 * (see {@link jobIdOf}); ids added before, to this queue, are skipped, so
 * adding a source twice adds nothing twice.
 */

import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { parseJsonlLine, type JsonlNames } from '../../node/jsonl.js';
import { DEFAULTS } from '../args.js';
import { expandInputs, type SourceKind } from '../plan.js';
import { readRecords, type SourceContext, type SourceRecord } from '../sources/index.js';
import { bullPrefix, idKey, jobIdOf, queueKeys } from './keys.js';
import { pack, type JobData } from './payload.js';
import { connect, disconnect, reach, loadQueueLibs } from './redis.js';

/** How WARC records travel: as a reference to the file (default), or their payload in the job. */
export type PayloadMode = 'reference' | 'inline';

/** Options of {@link addToQueue}. */
export interface AddOptions {
  /** Redis URL (`redis://host:6379`). */
  redis: string;
  /** Queue name. */
  queue: string;
  /** Files, folders, globs, or `-` (standard input). */
  sources: readonly string[];
  /** The kind of every source; default: by each file's name (`.warc[.gz]`, `.jsonl`, else HTML). */
  input?: SourceKind | null;
  /** WARC records by reference (default) or inline. */
  payload?: PayloadMode;
  /** Pages over this many bytes are error results (default 10 MiB, as the batch CLI). */
  maxBytes?: number;
  /** The Content-Type of pages that come without one. */
  contentType?: string | null;
  /** JSONL field names. */
  names?: JsonlNames;
  /** Attempts per job on transient failures (default 5). */
  attempts?: number;
  /** First retry delay in ms, doubled each time (default 1000). */
  backoffMs?: number;
  /** Called after each batch of jobs with the running counts. */
  onProgress?: (summary: AddSummary) => void;
}

/** What {@link addToQueue} did. */
export interface AddSummary {
  /** Jobs added. */
  added: number;
  /** Records whose id the queue had already. */
  known: number;
  /** Records passed over (WARC requests, non-HTML responses), by reason. */
  skipped: Record<string, number>;
  /** Bytes of job data sent. */
  bytes: number;
}

/** Jobs sent to Redis in one round trip. */
const ADD_BATCH = 500;

/** Defaults of the retry policy, named for the help text. */
export const RETRY_DEFAULTS = { attempts: 5, backoffMs: 1000 } as const;

/**
 * Checks that a WARC reference can be read alone: in a gzip WARC each record
 * must be its own gzip member (as crawlers write them), which a reference
 * then starts with. A WARC that is one gzip stream cannot be cut, and its
 * records travel inline.
 */
class ReferenceCheck {
  #file: string | null = null;
  #handle: FileHandle | null = null;
  #gzip = false;
  readonly #head = Buffer.alloc(2);

  async canCut(at: NonNullable<SourceRecord['at']>): Promise<boolean> {
    if (this.#file !== at.file) {
      await this.close();
      this.#file = at.file;
      this.#handle = await open(at.file, 'r');
      this.#gzip = await this.#gzipAt(0);
    }
    return !this.#gzip || (await this.#gzipAt(at.offset));
  }

  async #gzipAt(offset: number): Promise<boolean> {
    const { bytesRead } = await this.#handle!.read(this.#head, 0, 2, offset);
    return bytesRead === 2 && this.#head[0] === 0x1f && this.#head[1] === 0x8b;
  }

  async close(): Promise<void> {
    await this.#handle?.close();
    this.#handle = null;
    this.#file = null;
  }
}

const decoder = new TextDecoder('utf-8');

/** The job of one record. */
async function jobOf(record: SourceRecord, mode: PayloadMode, refs: ReferenceCheck, ctx: SourceContext): Promise<JobData | null> {
  const { id, url } = record;
  if (record.error) return { kind: 'error', id, url, error: record.error };
  if (record.fetch && record.url !== null) return { kind: 'fetch', id, url: record.url };
  if (record.jsonl) {
    // Parsed here, once: the id names the job, and a bad line is an error result now.
    const { raw, lineNo, label } = record.jsonl;
    const parsed = parseJsonlLine(decoder.decode(raw), lineNo, label, ctx.names, ctx);
    if (parsed === null) return null;
    if (parsed.error) return { kind: 'error', id: parsed.id, url: parsed.url, error: parsed.error };
    return { kind: 'page', id: parsed.id, url: parsed.url, z: pack(Buffer.from(parsed.html!, 'utf8')), text: true, contentType: parsed.contentType ?? null };
  }
  if (record.at && mode === 'reference' && (await refs.canCut(record.at))) {
    const { offset, length } = record.at;
    return { kind: 'warc', id, url, file: path.resolve(record.at.file), offset, length, contentType: record.contentType ?? null };
  }
  const bytes = record.bytes ?? Buffer.from(record.html ?? '', 'utf8');
  return { kind: 'page', id, url, z: pack(bytes), contentType: record.contentType ?? null };
}

/**
 * Adds one job per page of `options.sources` to the queue and resolves to
 * what was added. Records whose id this queue has seen before (in an earlier
 * `add`, even if done since) are not added again.
 *
 * @throws an `InputError` for a path that names nothing (before any job is added).
 */
export async function addToQueue(options: AddOptions): Promise<AddSummary> {
  const { Queue } = await loadQueueLibs();
  const kind = options.input ?? null;
  const { inputs } = await expandInputs({ kind: 'extract', paths: [...options.sources], fetchLists: kind === 'urls', input: kind === 'urls' ? null : kind });
  const summary: AddSummary = { added: 0, known: 0, skipped: {}, bytes: 0 };
  const ctx: SourceContext = {
    maxBytes: options.maxBytes ?? DEFAULTS.maxBytes,
    contentType: options.contentType ?? null,
    names: options.names ?? DEFAULTS.names,
    needIds: false,
    advance: () => {},
    skip: (reason) => {
      summary.skipped[reason] = (summary.skipped[reason] ?? 0) + 1;
    },
  };
  const keys = queueKeys(options.queue);
  const redis = await connect(options.redis, 'copydesk-add');
  await reach(redis, options.redis);
  const queue = new Queue(options.queue, { connection: redis, prefix: bullPrefix(options.queue) });
  const jobOptions = {
    attempts: options.attempts ?? RETRY_DEFAULTS.attempts,
    backoff: { type: 'exponential', delay: options.backoffMs ?? RETRY_DEFAULTS.backoffMs },
    // A finished job is removed: its result is in the results stream, its id in the done set.
    removeOnComplete: true,
    removeOnFail: false,
  };
  const refs = new ReferenceCheck();
  const mode = options.payload ?? 'reference';

  const send = async (batch: JobData[]) => {
    if (batch.length === 0) return;
    // Several records of one batch may share an id (a JSONL file with repeated ids): the first wins.
    const inBatch = new Set<string>();
    const unique = batch.filter((job) => !inBatch.has(idKey(job.id)) && inBatch.add(idKey(job.id)));
    const seen = await redis.smismember(keys.ids, ...unique.map((job) => idKey(job.id)));
    const fresh = unique.filter((_, i) => seen[i] === 0);
    summary.known += batch.length - fresh.length;
    if (fresh.length === 0) return;
    const jobs = fresh.map((data) => ({ name: data.kind, data, opts: { ...jobOptions, jobId: jobIdOf(data.id) } }));
    // Jobs first, then their ids: a crash in between leaves ids unmarked, and
    // BullMQ's own id check stops a second add of the jobs still queued.
    await queue.addBulk(jobs);
    await redis.sadd(keys.ids, ...fresh.map((job) => idKey(job.id)));
    summary.added += fresh.length;
    for (const job of jobs) summary.bytes += JSON.stringify(job.data).length;
    options.onProgress?.({ ...summary, skipped: { ...summary.skipped } });
  };

  try {
    let batch: JobData[] = [];
    for await (const record of readRecords(inputs, ctx)) {
      const job = await jobOf(record, mode, refs, ctx);
      if (job === null) continue;
      batch.push(job);
      if (batch.length >= ADD_BATCH) {
        await send(batch);
        batch = [];
      }
    }
    await send(batch);
  } finally {
    await refs.close();
    await queue.close();
    await disconnect(redis);
  }
  return summary;
}
