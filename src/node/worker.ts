/**
 * The worker thread of `copydesk/node` (built to dist/worker.cjs and loaded by
 * the pool): extracts one page per task. Every outcome is a reply, never a
 * throw, so that the kind of a failure survives the trip to the main thread.
 * For the CLI it also parses raw JSONL lines and writes the output line as
 * UTF-8 bytes (moved to the main thread, not copied), which leaves the main
 * thread little to do but split and write bytes.
 */
import { parentPort } from 'node:worker_threads';
import { extract } from '../extract.js';
import { InvalidArgumentError } from '../errors.js';
import type { ExtractOptions } from '../types.js';
import { articleLine, errorLine } from './fields.js';
import { parseJsonlLine } from './jsonl.js';
import { STARTED, type WorkerReply, type WorkerTask } from './protocol.js';
import type { PageError } from './types.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** The first line of an error's message, for one-line error records. */
function oneLine(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.split('\n', 1)[0]!.slice(0, 500);
}

function run(input: string | Uint8Array, options: ExtractOptions): ReturnType<typeof extract> | PageError {
  try {
    return extract(input, options);
  } catch (e) {
    return { kind: e instanceof InvalidArgumentError ? 'invalid-input' : 'extract-failed', message: oneLine(e) };
  }
}

const isError = (r: ReturnType<typeof extract> | PageError): r is PageError => 'kind' in r && 'message' in r;

/** A JSONL line as bytes, with its newline, moved back to the main thread; `noArticle` when the page has no body (the CLI counts them). */
function bytesOf(line: string, errorKind: string | null, noArticle = false): WorkerReply {
  return { line: encoder.encode(`${line}\n`), errorKind, ...(noArticle ? { noArticle } : {}) };
}

/** Extracts the page of `task`. */
export default function work(task: WorkerTask): WorkerReply {
  if (task.seq !== undefined) parentPort?.postMessage({ [STARTED]: task.seq });

  if (task.jsonl) {
    const j = task.jsonl;
    const record = parseJsonlLine(decoder.decode(j.bytes), j.lineNo, j.label, j.names, j);
    if (record === null) return { line: null, errorKind: null };
    if (record.error) return bytesOf(errorLine(record.id, record.url, record.error), record.error.kind);
    const options: ExtractOptions = {};
    if (j.fallback) options.fallback = j.fallback;
    if (j.timeBudgetMs != null) options.limits = { timeBudgetMs: j.timeBudgetMs };
    if (record.url !== null) options.url = record.url;
    if (record.contentType) options.contentType = record.contentType;
    const article = run(record.html!, options);
    if (isError(article)) return bytesOf(errorLine(record.id, record.url, article), article.kind);
    return bytesOf(articleLine(record.id, record.url, article, j.fields), null, article.body.text === '');
  }

  const input = task.html ?? task.bytes;
  if (input === undefined) return { error: { kind: 'invalid-input', message: 'the page has neither html nor bytes' } };
  const article = run(input, task.options ?? {});
  if (task.line) {
    const { id, url, fields } = task.line;
    return isError(article)
      ? bytesOf(errorLine(id, url, article), article.kind)
      : bytesOf(articleLine(id, url, article, fields), null, article.body.text === '');
  }
  return isError(article) ? { error: article } : { article };
}
