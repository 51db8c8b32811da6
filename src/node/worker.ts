/**
 * The worker thread of `copydesk/node` (built to dist/worker.js and loaded by
 * the pool): extracts one page per task. Every outcome is a reply, never a
 * throw, so that the kind of a failure survives the trip to the main thread.
 */
import { parentPort } from 'node:worker_threads';
import { extract } from '../extract.js';
import { InvalidArgumentError } from '../errors.js';
import { articleLine } from './fields.js';
import { STARTED, type WorkerReply, type WorkerTask } from './protocol.js';

/** The first line of an error's message, for one-line error records. */
function oneLine(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.split('\n', 1)[0]!.slice(0, 500);
}

/** Extracts the page of `task`. */
export default function work(task: WorkerTask): WorkerReply {
  if (task.seq !== undefined) parentPort?.postMessage({ [STARTED]: task.seq });
  const input = task.html ?? task.bytes;
  if (input === undefined) return { error: { kind: 'invalid-input', message: 'the page has neither html nor bytes' } };
  let article;
  try {
    article = extract(input, task.options);
  } catch (e) {
    const kind = e instanceof InvalidArgumentError ? 'invalid-input' : 'extract-failed';
    return { error: { kind, message: oneLine(e) } };
  }
  if (task.line) return { line: articleLine(task.line.id, task.line.url, article, task.line.fields) };
  return { article };
}
