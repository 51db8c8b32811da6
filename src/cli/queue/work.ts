/**
 * `queue work`: a worker process. It takes jobs from the queue, extracts them
 * on copydesk's worker-thread pool (the batch CLI's `extractLine`), and
 * stores each page's JSONL line (the batch CLI's line, errors included) in
 * the queue's results stream, once per id.
 *
 * Failures: a transient one (a fetch that timed out, a 5xx, a WARC file that
 * cannot be read) throws, and BullMQ retries the job with exponential
 * backoff; at the last attempt it is stored as an error line. Bad input (not
 * HTML, too large, a malformed record) and pages that time out or crash their
 * thread are stored as error lines at once: doing them again would fail again.
 * A worker killed mid-job loses nothing: its locks expire and BullMQ's
 * stalled-job check gives its jobs to another worker.
 */

import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { version } from '../../../package.json';
import { DEFAULTS, type FallbackName } from '../args.js';
import { extractLine, type Extraction, type Outcome } from '../batch.js';
import { defaultUserAgent, fetchRecord, type FetchOptions } from '../fetch.js';
import type { SourceContext, SourceRecord } from '../sources/types.js';
import { messageOf } from '../sources/types.js';
import { errorLine } from '../../node/fields.js';
import { ExtractPool, defaultConcurrency } from '../../node/pool.js';
import { bullPrefix, idKey, queueKeys, type QueueKeys } from './keys.js';
import { unpack, type JobData } from './payload.js';
import { connect, disconnect, loadQueueLibs } from './redis.js';
import { readWarcRef, TransientError } from './warcref.js';
import zlib from 'node:zlib';

/** Options of {@link startWorker}. */
export interface WorkOptions {
  redis: string;
  queue: string;
  /** Extraction threads; default one per core. */
  jobs?: number;
  /** Jobs taken at once (fetching, waiting for a thread); default twice `jobs`. */
  concurrency?: number;
  /** Milliseconds one page may take in its thread (default 60 s; 0: none). */
  pageTimeoutMs?: number;
  /** Pages over this many bytes are `too-large` (default 10 MiB). */
  maxBytes?: number;
  /** Article fields written (`--fields`), or null for all. */
  fields?: readonly string[] | null;
  /** The second engine (`--fallback readability`). */
  fallback?: FallbackName | null;
  /** `--time-budget` in milliseconds (`Infinity` for none); absent or null for the library's default. */
  timeBudgetMs?: number | null;
  /** How URL jobs are fetched (defaults as `copydesk fetch`). */
  fetch?: Partial<FetchOptions>;
  /** How long a job's lock lasts without renewal: a killed worker's jobs return after about this long (default 30 s). */
  lockDurationMs?: number;
  /** Stop once the queue has no waiting, delayed or active job. */
  untilEmpty?: boolean;
  /** Called for each stored result. */
  onResult?: (id: string, errorKind: string | null) => void;
}

/** A running worker. */
export interface QueueWorker {
  /** Resolves when the worker has stopped (after {@link QueueWorker.close}, or when the queue is empty with `untilEmpty`). */
  readonly closed: Promise<WorkSummary>;
  /** Takes no new job, finishes the active ones, and stops. */
  close(): Promise<WorkSummary>;
}

/** What a worker did. */
export interface WorkSummary {
  /** Results stored by this worker. */
  stored: number;
  /** Of which error lines. */
  errors: number;
  /** Attempts that failed transiently (retried later). */
  retried: number;
}

/** Fetch failures that another attempt may cure. */
const TRANSIENT_FETCH = new Set(['fetch-failed', 'fetch-timeout']);
/** HTTP statuses that another attempt may cure: rate limits and server errors. */
const TRANSIENT_STATUS = /^HTTP (429|5\d\d)\b/;

/** A job that failed for a reason worth another attempt, with the error line to store if none is left. */
class RetryableError extends TransientError {
  readonly kind: string;
  constructor(kind: string, message: string) {
    super(message);
    this.kind = kind;
  }
}

function isTransient(record: SourceRecord): boolean {
  const e = record.error;
  return e !== undefined && (TRANSIENT_FETCH.has(e.kind) || (e.kind === 'http-status' && TRANSIENT_STATUS.test(e.message)));
}

/**
 * Stores a result once: the id joins the done set, and only if it was not
 * there the line joins the results stream. One script, so that no crash can
 * leave one without the other.
 */
const STORE_SCRIPT = `
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('XADD', KEYS[2], '*', 'id', ARGV[1], 'z', ARGV[2])
if ARGV[3] == '1' then redis.call('SADD', KEYS[3], ARGV[1]) end
return 1`;

interface StoreClient extends Redis {
  copydeskStore(done: string, results: string, errors: string, id: string, z: Buffer, isError: string): Promise<number>;
}

async function storeResult(redis: StoreClient, keys: QueueKeys, id: string, outcome: Outcome): Promise<boolean> {
  const line = typeof outcome.line === 'string' ? Buffer.from(`${outcome.line}\n`) : Buffer.from(outcome.line!);
  const z = zlib.gzipSync(line, { level: 1 });
  return (await redis.copydeskStore(keys.done, keys.results, keys.errors, id, z, outcome.errorKind ? '1' : '0')) === 1;
}

/** The page of a job, ready for the pool; throws {@link RetryableError} for a transient failure. */
async function recordOf(data: JobData, maxBytes: number, fetchOptions: FetchOptions): Promise<SourceRecord> {
  switch (data.kind) {
    case 'error':
      return { id: data.id, url: data.url, error: data.error };
    case 'page': {
      const bytes = unpack(data.z);
      if (data.text) return { id: data.id, url: data.url, html: bytes.toString('utf8'), contentType: data.contentType ?? null };
      return { id: data.id, url: data.url, bytes, contentType: data.contentType ?? null };
    }
    case 'warc':
      try {
        return await readWarcRef(data, maxBytes);
      } catch (e) {
        if (e instanceof TransientError) throw new RetryableError('read-failed', e.message);
        throw e;
      }
    case 'fetch': {
      const record = await fetchRecord({ id: data.id, url: data.url, fetch: true }, fetchOptions);
      if (isTransient(record)) throw new RetryableError(record.error!.kind, record.error!.message);
      return record;
    }
    default:
      return {
        id: (data as JobData).id,
        url: null,
        error: { kind: 'bad-record', message: `unknown job kind ${JSON.stringify((data as { kind?: unknown }).kind)}` },
      };
  }
}

/** Counts of the queue's unfinished jobs. */
async function unfinished(queue: { getJobCounts(...types: string[]): Promise<Record<string, number>> }): Promise<number> {
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/**
 * Starts a worker on queue `options.queue`. It runs until {@link QueueWorker.close}
 * (or, with `untilEmpty`, until the queue is empty).
 */
export async function startWorker(options: WorkOptions): Promise<QueueWorker> {
  const { Worker, Queue } = await loadQueueLibs();
  const keys = queueKeys(options.queue);
  const threads = options.jobs ?? defaultConcurrency();
  const maxBytes = options.maxBytes ?? DEFAULTS.maxBytes;
  const fetchOptions: FetchOptions = {
    userAgent: options.fetch?.userAgent ?? defaultUserAgent(version),
    timeoutMs: options.fetch?.timeoutMs ?? DEFAULTS.fetchTimeoutSeconds * 1000,
    maxBytes: options.fetch?.maxBytes ?? maxBytes,
    maxRedirects: options.fetch?.maxRedirects ?? DEFAULTS.maxRedirects,
    // the same address policy as `copydesk fetch`: public addresses only unless asked
    allowPrivateNetwork: options.fetch?.allowPrivateNetwork ?? false,
  };
  const ctx: SourceContext = { maxBytes, contentType: null, names: DEFAULTS.names, needIds: false, advance: () => {}, skip: () => {} };
  const pool = new ExtractPool({ threads, timeout: options.pageTimeoutMs ?? DEFAULTS.pageTimeoutSeconds * 1000 });
  const extraction: Extraction = { pool, fields: options.fields ?? null, ctx, fallback: options.fallback ?? null, timeBudgetMs: options.timeBudgetMs ?? null };

  const store = (await connect(options.redis, 'copydesk-store')) as StoreClient;
  store.defineCommand('copydeskStore', { numberOfKeys: 3, lua: STORE_SCRIPT });
  const connection = await connect(options.redis, 'copydesk-worker');
  const summary: WorkSummary = { stored: 0, errors: 0, retried: 0 };

  const processJob = async (job: Job<JobData>): Promise<void> => {
    const data = job.data;
    const key = idKey(data.id);
    // A job run again after its result was stored (its worker died before telling BullMQ).
    if ((await store.sismember(keys.done, key)) === 1) return;
    let outcome: Outcome;
    try {
      outcome = await extractLine(await recordOf(data, maxBytes, fetchOptions), extraction);
    } catch (e) {
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (!lastAttempt) {
        summary.retried++;
        throw e; // BullMQ retries after its backoff
      }
      const kind = e instanceof RetryableError ? e.kind : 'queue-failed';
      const message = `${messageOf(e)} (after ${job.attemptsMade + 1} attempts)`;
      outcome = { line: errorLine(data.id, data.url, { kind, message }), errorKind: kind };
    }
    if (outcome.line === null) return;
    if (await storeResult(store, keys, key, outcome)) {
      summary.stored++;
      if (outcome.errorKind) summary.errors++;
      options.onResult?.(key, outcome.errorKind);
    }
  };

  const lockDuration = options.lockDurationMs ?? 30_000;
  const worker = new Worker<JobData>(options.queue, processJob, {
    connection,
    prefix: bullPrefix(options.queue),
    concurrency: options.concurrency ?? threads * 2,
    lockDuration,
    stalledInterval: lockDuration,
    // A job whose worker died this many times is failed (and kept in the failed list for `queue status`).
    maxStalledCount: 5,
    autorun: true,
  });
  worker.on('error', () => {}); // connection errors: the client reconnects by itself

  let closing: Promise<WorkSummary> | null = null;
  let resolveClosed!: (s: WorkSummary) => void;
  const closed = new Promise<WorkSummary>((r) => (resolveClosed = r));
  let emptyTimer: ReturnType<typeof setInterval> | null = null;
  const close = (): Promise<WorkSummary> => {
    closing ??= (async () => {
      if (emptyTimer) clearInterval(emptyTimer);
      await worker.close(); // waits for the active jobs
      await pool.close();
      await Promise.all([disconnect(store), disconnect(connection)]);
      resolveClosed(summary);
      return summary;
    })();
    return closing;
  };

  if (options.untilEmpty) {
    const queue = new Queue(options.queue, { connection: store, prefix: bullPrefix(options.queue) });
    let checking = false;
    emptyTimer = setInterval(() => {
      if (checking) return;
      checking = true;
      unfinished(queue)
        .then((n) => {
          if (n === 0) void queue.close().then(close);
        })
        .catch(() => {}) // Redis away: asked again at the next tick
        .finally(() => (checking = false));
    }, 500);
  }
  return { closed, close };
}
