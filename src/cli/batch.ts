/**
 * A batch run: read records from the inputs, skip the ids already written
 * (`--resume`), fetch URLs, extract on the worker pool, write one JSONL line
 * per page, and print a summary. Every stage pulls from the one before it
 * through a bounded window, so memory stays flat whatever the input's size.
 *
 *   inputs -> records -> (fetch) -> worker pool -> JSONL lines -> output
 */

import { pMapIterable } from 'p-map';
import { errorLine } from '../node/fields.js';
import { WINDOW_PER_WORKER } from '../node/many.js';
import { ExtractPool, defaultConcurrency } from '../node/pool.js';
import { ownedBytes } from '../node/record.js';
import type { WorkerTask } from '../node/protocol.js';
import type { ExtractOptions } from '../types.js';
import type { FallbackName, RunCommand } from './args.js';
import { defaultUserAgent, fetchRecord, type FetchOptions } from './fetch.js';
import { InputError, reasonOf } from './input.js';
import { idKey, openOutput, readDoneIds } from './output.js';
import type { BatchPlan } from './plan.js';
import { progressWanted, startProgress } from './progress.js';
import { readRecords, type SourceContext, type SourceRecord } from './sources/index.js';
import { idOfLine } from './sources/jsonl.js';
import { formatSummary, RunStats } from './summary.js';
import { render } from './formats.js';
import { PageFiles } from './pagefiles.js';
import { EXIT_NO_ARTICLE } from './single.js';
import type { Article } from '../types.js';

const lineDecoder = new TextDecoder('utf-8');

/**
 * `--output-dir`: the page's Article, from its JSONL line, written to its own
 * file in the chosen format; the line that goes to the JSONL stream is then
 * the page's index entry `{"id","url","file"}`. Error lines go through as
 * they are.
 */
async function toPageFile(outcome: Outcome, files: PageFiles, format: BatchPlan['format'], command: RunCommand): Promise<Outcome> {
  if (outcome.line === null || outcome.errorKind !== null) return outcome;
  const text = typeof outcome.line === 'string' ? outcome.line : lineDecoder.decode(outcome.line);
  const { id, url, ...article } = JSON.parse(text) as { id: string | number; url: string | null } & Article;
  const file = await files.write(String(id), render(article, format, command.fields, command.withMetadata));
  return { ...outcome, line: JSON.stringify({ id, url, file }) };
}

/** A line to write (null: a blank input line, nothing to write), the kind of its error if any, and whether it held no article. */
export interface Outcome {
  line: string | Uint8Array | null;
  errorKind: string | null;
  noArticle?: boolean;
}

/** Exit status of a run stopped by Ctrl-C (128 + SIGINT), as shells report it. */
const EXIT_INTERRUPTED = 130;

/** How pages are extracted: the pool, and what every task carries. */
export interface Extraction {
  pool: ExtractPool;
  fields: readonly string[] | null;
  ctx: SourceContext;
  /** `--fallback`: its name crosses to the worker threads (an engine object cannot); each loads jsdom itself. */
  fallback: FallbackName | null;
  /** `--time-budget` in milliseconds (`Infinity` for none), or null for the library's default. */
  timeBudgetMs: number | null;
}

/** The task of one record, and the buffers it owns. */
function taskOf(record: SourceRecord, { fields, ctx, fallback, timeBudgetMs }: Extraction): { task: WorkerTask; transfer: ArrayBuffer[] } {
  if (record.jsonl) {
    const bytes = ownedBytes(record.jsonl.raw);
    const { lineNo, label } = record.jsonl;
    const jsonl = { bytes, lineNo, label, names: ctx.names, maxBytes: ctx.maxBytes, contentType: ctx.contentType, fields, fallback, timeBudgetMs };
    return { task: { jsonl }, transfer: [bytes.buffer] };
  }
  const { id, url } = record;
  const options: ExtractOptions = {};
  if (fallback) options.fallback = fallback;
  if (timeBudgetMs !== null) options.limits = { timeBudgetMs };
  if (url !== null) options.url = url;
  if (record.contentType) options.contentType = record.contentType;
  const task: WorkerTask = { options, line: { id, url, fields } };
  if (record.bytes !== undefined) {
    const bytes = ownedBytes(record.bytes);
    task.bytes = bytes;
    return { task, transfer: [bytes.buffer] };
  }
  task.html = record.html ?? '';
  return { task, transfer: [] };
}

/** Extracts one record on the pool, as a JSONL line. */
export async function extractLine(record: SourceRecord, extraction: Extraction): Promise<Outcome> {
  if (record.error) return { line: errorLine(record.id, record.url, record.error), errorKind: record.error.kind };
  const { task, transfer } = taskOf(record, extraction);
  const reply = await extraction.pool.run(task, transfer);
  if ('line' in reply) return reply;
  if ('error' in reply) {
    // A timeout or a crashed worker: the line's id is read here, as the worker would have.
    const { id, url } = record.jsonl ? idOfLine(record.jsonl.raw, record.jsonl.lineNo, record.jsonl.label, extraction.ctx) : record;
    return { line: errorLine(id, url, reply.error), errorKind: reply.error.kind };
  }
  throw new Error('copydesk: the worker answered with an Article, not a line');
}

/** `records` without those whose id is in `done`, each counted as skipped. */
async function* withoutDone(records: AsyncIterable<SourceRecord>, done: ReadonlySet<string>, stats: RunStats, file: string): AsyncGenerator<SourceRecord> {
  for await (const record of records) {
    if (done.size > 0 && done.has(idKey(record.id))) stats.skip(`already in ${file}`);
    else yield record;
  }
}

/** `records` until `stopped()` says so (Ctrl-C): the pages in flight finish, no new one starts. */
async function* untilStopped(records: AsyncIterable<SourceRecord>, stopped: () => boolean): AsyncGenerator<SourceRecord> {
  for await (const record of records) {
    if (stopped()) return;
    yield record;
  }
}

/** Runs a batch; resolves to the exit status (0 all pages done, 1 some failed, 130 interrupted). */
export async function runBatch(command: RunCommand, plan: BatchPlan, version: string): Promise<number> {
  const out = command.outputFile;
  let done: Set<string> = new Set();
  if (command.resume && out !== null) {
    try {
      done = await readDoneIds(out);
    } catch (e) {
      throw new InputError(`cannot read ${out} to resume: ${reasonOf(e)}`);
    }
  }
  let writer: Awaited<ReturnType<typeof openOutput>>;
  try {
    writer = await openOutput(out, command.resume);
  } catch (e) {
    throw new InputError(`cannot write ${out}: ${reasonOf(e)}`);
  }

  /** A failed write (a full disk) ends the run: the output can no longer be trusted. */
  const cannotWrite = (e: unknown): never => {
    throw new InputError(`cannot write ${out ?? 'standard output'}: ${reasonOf(e)}`);
  };
  const stats = new RunStats();
  const started = Date.now();
  const progress = await startProgress(progressWanted(command.progress, process.env, process.stderr.isTTY === true), stats, plan.total);
  const ctx: SourceContext = {
    maxBytes: command.maxBytes,
    contentType: command.contentType,
    names: command.names,
    advance: (n) => {
      stats.consumed += n;
    },
    skip: (reason) => stats.skip(reason),
    needIds: done.size > 0,
  };

  let interrupted = false;
  const onSigint = () => {
    if (interrupted) process.exit(EXIT_INTERRUPTED); // a second Ctrl-C: stop now
    interrupted = true;
  };
  process.on('SIGINT', onSigint);

  let records: AsyncIterable<SourceRecord> = untilStopped(withoutDone(readRecords(plan.inputs, ctx), done, stats, out ?? ''), () => interrupted);
  if (plan.inputs.some((i) => i.source === 'args' || i.kind === 'urls')) {
    const fetchOptions: FetchOptions = {
      userAgent: command.fetch.userAgent ?? defaultUserAgent(version),
      timeoutMs: command.fetch.timeoutMs,
      maxBytes: command.maxBytes,
      maxRedirects: command.fetch.maxRedirects,
      allowPrivateNetwork: command.fetch.allowPrivateNetwork,
    };
    records = pMapIterable(records, (r) => fetchRecord(r, fetchOptions), {
      concurrency: command.fetch.jobs,
      backpressure: command.fetch.jobs * 2,
      preserveOrder: command.ordered,
    });
  }

  const jobs = command.jobs ?? defaultConcurrency();
  const pool = new ExtractPool({ threads: jobs, timeout: command.pageTimeoutMs });
  // With --output-dir the whole Article comes back: --fields applies to the files' JSON, not to the line.
  const files = command.outputDir === null ? null : new PageFiles(command.outputDir, plan.format);
  const extraction: Extraction = { pool, fields: files ? null : command.fields, ctx, fallback: command.fallback, timeBudgetMs: command.timeBudgetMs };
  try {
    const outcomes = pMapIterable(records, (r) => extractLine(r, extraction), {
      concurrency: jobs,
      backpressure: jobs * WINDOW_PER_WORKER,
      preserveOrder: command.ordered,
    });
    for await (const extracted of outcomes) {
      if (extracted.line === null) continue;
      const outcome = files
        ? await toPageFile(extracted, files, plan.format, command).catch((e: unknown) => {
            throw new InputError(`cannot write in ${command.outputDir}: ${reasonOf(e)}`);
          })
        : extracted;
      await writer.write(outcome.line!).catch(cannotWrite);
      stats.page(outcome.errorKind, outcome.noArticle === true);
      progress.update();
    }
    await writer.close().catch(cannotWrite);
  } finally {
    process.off('SIGINT', onSigint);
    progress.stop();
    await pool.close();
  }
  if (!command.quiet) process.stderr.write(formatSummary(stats, (Date.now() - started) / 1000, interrupted));
  if (interrupted) return EXIT_INTERRUPTED;
  if (stats.pages === 0 && stats.skipped.size === 0) {
    // Nothing to read is worth saying even with --quiet: an empty folder, a glob of the wrong files.
    process.stderr.write(`copydesk: no pages found in ${command.paths.join(', ')} (a folder yields its .html, .htm, .jsonl, .ndjson and .warc files)\n`);
    return EXIT_NO_ARTICLE;
  }
  return stats.errors > 0 ? 1 : 0;
}
