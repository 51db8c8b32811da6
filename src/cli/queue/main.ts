/**
 * `copydesk queue ...`: the CLI of `copydesk/queue`. Loaded by the CLI only
 * for `copydesk queue`, so that other commands never load BullMQ.
 */

import { CopydeskError } from '../../errors.js';
import { resolveFallback } from '../../engines/resolve.js';
import { addToQueue, RETRY_DEFAULTS } from './add.js';
import { writeResults } from './results.js';
import { queueStatus, type QueueStatus } from './status.js';
import { startWorker } from './work.js';
import { DEFAULTS, UsageError } from '../args.js';
import { InputError } from '../input.js';
import { formatRate } from '../summary.js';
import { DEFAULT_REDIS, parseQueueArgs, type QueueStatusCommand } from './args.js';

export function queueHelp(): string {
  return `usage:
  copydesk queue add --redis URL --queue NAME [--input jsonl|warc|html|urls] SOURCE...
  copydesk queue work --redis URL --queue NAME [--jobs N]
  copydesk queue results --redis URL --queue NAME -o FILE [--follow]
  copydesk queue status --redis URL --queue NAME [--json] [--watch]

Runs copydesk on many machines through a BullMQ queue in Redis.

every command:
  --redis URL         redis://[user:password@]host:port[/db] (rediss:// for TLS);
                      default $COPYDESK_REDIS, else ${DEFAULT_REDIS}
  --queue NAME        the queue (letters, digits, . _ -)

add SOURCE...         one job per page; the job is named by the record's id (file
                      path, JSONL id, WARC-Record-ID), and ids added before are
                      skipped. SOURCEs are files, folders, globs or -
  -i, --input KIND    html, jsonl, warc, or urls (a list of URLs the workers fetch);
                      default: by each file's name
  --payload reference|inline
                      WARC records travel as (file, offset, length), which every
                      worker must be able to read (default), or inline
  --max-bytes SIZE    pages over SIZE are error results (default ${DEFAULTS.maxBytes / 1024 / 1024}M)
  --content-type TYPE, --id-field, --url-field, --html-field, --content-type-field
                      as for copydesk extract
  --attempts N        tries per job on transient failures (default ${RETRY_DEFAULTS.attempts})
  --backoff SECONDS   first retry delay, doubled each time (default ${RETRY_DEFAULTS.backoffMs / 1000})

work                  take jobs and extract them until stopped; SIGTERM or Ctrl-C
                      finishes the jobs in hand, then exits 0
  -j, --jobs N        extraction threads (default: one per core)
  --concurrency N     jobs held at once (default 2 x --jobs; raise it for URLs)
  --page-timeout S, --max-bytes SIZE, --fields LIST, --fallback readability,
  --time-budget S,
  --user-agent UA, --timeout S, --max-redirects N
                      as for copydesk extract and copydesk fetch
  --lock-duration S   a dead worker's jobs go back to the queue after about S
                      seconds (default 30)
  --until-empty       exit once no job is waiting, delayed or active
  --allow-private-network  URL jobs may fetch from loopback and private addresses (refused by default)

results               write each finished page's JSONL line, once per id
  -o FILE             the file (appended to; ids already in it are skipped, so
                      it can be re-run or resumed); - for standard output
  -f, --follow        keep writing results as they come, until Ctrl-C/SIGTERM
  --trim              delete results from Redis once they are synced to FILE
                      (long runs: Redis then holds only what is not yet written)

status                counts, pages per second, and a progress bar on a terminal
  --json              one JSON object
  --interval S        the rate is measured over S seconds (default 1; 0: no rate)
  -w, --watch         refresh every --interval seconds until no job is left
`;
}

/** One line of status. */
function statusLine(s: QueueStatus): string {
  return `${s.queue}: ${s.completed}/${s.total} done (${s.errors} errors) | ${s.waiting} waiting | ${s.active} active | ${s.failed} failed | ${formatRate(s.pagesPerSecond)} pages/s`;
}

const isDone = (s: QueueStatus) => s.waiting === 0 && s.active === 0;

async function showStatus(command: QueueStatusCommand): Promise<number> {
  const ask = () =>
    queueStatus({ redis: command.redis, queue: command.queue, sampleMs: command.watch ? Math.max(command.intervalMs, 200) : command.intervalMs });
  if (command.json) {
    for (;;) {
      const s = await ask();
      process.stdout.write(`${JSON.stringify(s)}\n`);
      if (!command.watch || isDone(s)) break;
    }
    return 0;
  }
  if (!process.stdout.isTTY) {
    for (;;) {
      const s = await ask();
      process.stdout.write(`${statusLine(s)}\n`);
      if (!command.watch || isDone(s)) break;
    }
    return 0;
  }
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      format: '{bar} {percentage}% | {value}/{total} done | {errors} errors | {waiting} waiting | {active} active | {failed} failed | {rate} pages/s',
      stream: process.stdout,
      barsize: 24,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  for (;;) {
    const s = await ask();
    const payload = { errors: s.errors, waiting: s.waiting, active: s.active, failed: s.failed, rate: formatRate(s.pagesPerSecond) };
    if (!started) bar.start(Math.max(1, s.total), s.completed, payload);
    else {
      bar.setTotal(Math.max(1, s.total));
      bar.update(s.completed, payload);
    }
    started = true;
    if (!command.watch || isDone(s)) break;
  }
  bar.stop();
  return 0;
}

/** Runs `until` on SIGTERM or SIGINT (once); the returned function removes the handlers. */
function onStop(until: () => void): () => void {
  const handler = () => until();
  process.once('SIGTERM', handler);
  process.once('SIGINT', handler);
  return () => {
    process.off('SIGTERM', handler);
    process.off('SIGINT', handler);
  };
}

/** Runs `copydesk queue ...`; resolves to the exit status. */
export async function runQueue(argv: readonly string[], fail: (message: string) => void): Promise<number> {
  try {
    const command = parseQueueArgs(argv, process.env);
    switch (command.action) {
      case 'help':
        process.stdout.write(queueHelp());
        return 0;
      case 'add': {
        const summary = await addToQueue({ ...command, sources: command.sources });
        if (!command.quiet) {
          const skipped = Object.entries(summary.skipped)
            .map(([why, n]) => `, ${n} skipped (${why})`)
            .join('');
          process.stderr.write(
            `copydesk: ${summary.added} jobs added to ${command.queue} (${summary.bytes} bytes of job data), ${summary.known} already known${skipped}\n`,
          );
        }
        return 0;
      }
      case 'work': {
        if (command.fallback) resolveFallback(command.fallback);
        const worker = await startWorker({
          redis: command.redis,
          queue: command.queue,
          ...(command.jobs !== null && { jobs: command.jobs }),
          ...(command.concurrency !== null && { concurrency: command.concurrency }),
          pageTimeoutMs: command.pageTimeoutMs,
          maxBytes: command.maxBytes,
          fields: command.fields,
          fallback: command.fallback,
          timeBudgetMs: command.timeBudgetMs,
          fetch: {
            ...(command.userAgent !== null && { userAgent: command.userAgent }),
            timeoutMs: command.fetchTimeoutMs,
            maxRedirects: command.maxRedirects,
            allowPrivateNetwork: command.allowPrivateNetwork,
          },
          lockDurationMs: command.lockDurationMs,
          untilEmpty: command.untilEmpty,
        });
        const off = onStop(() => void worker.close());
        const summary = await worker.closed;
        off();
        if (!command.quiet)
          process.stderr.write(`copydesk: worker stopped: ${summary.stored} results stored (${summary.errors} errors), ${summary.retried} attempts to retry\n`);
        return 0;
      }
      case 'results': {
        const controller = new AbortController();
        const off = onStop(() => controller.abort());
        const n = await writeResults({
          redis: command.redis,
          queue: command.queue,
          file: command.file,
          follow: command.follow,
          trim: command.trim,
          signal: controller.signal,
        });
        off();
        if (command.file !== null) process.stderr.write(`copydesk: ${n} results written to ${command.file}\n`);
        return 0;
      }
      case 'status':
        return await showStatus(command);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      fail(`${e.message} (see copydesk queue --help)`);
      return 2;
    }
    if (e instanceof InputError || (e instanceof CopydeskError && (e.code === 'ERR_MISSING_PEER_DEPENDENCY' || e.code === 'ERR_REDIS_UNREACHABLE'))) {
      fail(e.message);
      return 2;
    }
    throw e;
  }
}
