/**
 * The worker-thread pool behind `extractMany` and the batch CLI (internal),
 * on piscina. One pool per run; every page goes to a free worker, and a page
 * that overruns its time or kills its worker becomes an error reply (piscina
 * replaces the worker), so one bad page never stops a run.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Piscina from 'piscina';
import { STARTED, type WorkerReply, type WorkerTask } from './protocol.js';

/**
 * The worker script, built beside this module as CommonJS (dist/worker.cjs):
 * a worker stopped while it is still loading (a run that ends at once) must
 * not be instantiating ES modules, which aborts the process.
 *
 * Found, in order: written as `new URL('./worker.cjs', import.meta.url)`,
 * the form bundlers recognise (webpack 5, Vite, Parcel emit the file beside
 * the bundle); beside this module under CommonJS; through the package's own
 * export `copydesk/worker` (a bundle that left node_modules in place). A
 * bundle that has none of these gets an error that says what to do
 * (docs/install.md), not a run of crashed workers.
 */
export function workerFile(): string {
  const tried: string[] = [];
  const candidates: Array<() => string> = [
    () => fileURLToPath(new URL('./worker.cjs', import.meta.url)),
    () => path.join(path.dirname(__filename), 'worker.cjs'),
    () => createRequire(typeof __filename === 'string' ? __filename : (import.meta as { url: string }).url).resolve('copydesk/worker'),
  ];
  for (const candidate of candidates) {
    let file: string;
    try {
      file = candidate();
    } catch {
      continue; // import.meta.url or __filename is not there in this module format
    }
    if (fs.existsSync(file)) return file;
    tried.push(file);
  }
  throw new Error(
    `copydesk/node: the worker file worker.cjs was not found (looked at ${tried.join(', ') || 'nothing'}). ` +
      'A bundle must ship it beside itself: build copydesk/worker as a second entry point named worker.cjs (see docs/install.md).',
  );
}

/** Idle workers are kept this long: a run keeps them busy, so this only matters between bursts. */
const IDLE_TIMEOUT_MS = 30_000;

/**
 * Young generation of each worker's heap, in MB (V8 makes its semi-spaces a
 * third of it). An extraction allocates a few MB per page, and the page's
 * tree lives through the whole call, so with V8's default (16 MB semi-spaces
 * at most, less at first) a scavenge runs every page or two and copies what
 * survives of the tree, on the worker and on the GC helper threads it shares
 * with the other worker. 96 MB let a worker run about 30% more pages per
 * second and two workers scale better (issue #14, docs/speed.md); it costs at
 * most that much memory per worker, returned when the pool closes.
 */
export const WORKER_YOUNG_GENERATION_MB = 96;

/** The number of cores this process may use: the default number of workers. */
export function defaultConcurrency(): number {
  const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, n);
}

/** Settings of a pool. */
export interface PoolSettings {
  /** Worker threads (>= 1). */
  threads: number;
  /** Milliseconds one page may take; 0 for no limit. */
  timeout: number;
}

function describe(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n', 1)[0]!.slice(0, 500);
}

/** A timed page in flight: its abort, and its timer once the worker has started it. */
interface Timed {
  controller: AbortController;
  timer: ReturnType<typeof setTimeout> | null;
}

/** A pool of extraction workers. */
export class ExtractPool {
  readonly #piscina: Piscina;
  readonly #timeout: number;
  /** Timed pages in flight, by sequence number. */
  readonly #timed = new Map<number, Timed>();
  #seq = 0;
  #closed = false;

  constructor(settings: PoolSettings) {
    this.#timeout = settings.timeout;
    this.#piscina = new Piscina({
      filename: workerFile(),
      minThreads: settings.threads,
      maxThreads: settings.threads,
      concurrentTasksPerWorker: 1,
      idleTimeout: IDLE_TIMEOUT_MS,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    // A worker says when it starts a timed page; the clock starts then.
    this.#piscina.on('message', (message: unknown) => {
      const seq = (message as Record<string, unknown> | null)?.[STARTED];
      const timed = typeof seq === 'number' ? this.#timed.get(seq) : undefined;
      if (timed && timed.timer === null) timed.timer = setTimeout(() => timed.controller.abort(), this.#timeout);
    });
  }

  /**
   * Extracts one page in a worker. Resolves to the worker's reply, or to a
   * `timeout` / `worker-crashed` error; rejects only once the pool is closed.
   * `transfer` lists buffers that belong to the task alone (moved, not copied).
   */
  async run(task: WorkerTask, transfer?: ArrayBuffer[]): Promise<WorkerReply> {
    if (this.#closed) throw new Error('the extraction pool is closed');
    let timed: Timed | null = null;
    let seq = -1;
    if (this.#timeout > 0) {
      seq = this.#seq++;
      timed = { controller: new AbortController(), timer: null };
      this.#timed.set(seq, timed);
      task = { ...task, seq };
    }
    try {
      return (await this.#piscina.run(task, { signal: timed?.controller.signal ?? null, transferList: transfer })) as WorkerReply;
    } catch (e) {
      if (this.#closed) throw e;
      if (timed?.controller.signal.aborted) {
        return { error: { kind: 'timeout', message: `the page took longer than ${this.#timeout} ms; its worker was replaced` } };
      }
      return { error: { kind: 'worker-crashed', message: `the worker thread died on this page: ${describe(e)}` } };
    } finally {
      if (timed) {
        if (timed.timer !== null) clearTimeout(timed.timer);
        this.#timed.delete(seq);
      }
    }
  }

  /** Stops every worker at once; pending pages reject. Safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const timed of this.#timed.values()) if (timed.timer !== null) clearTimeout(timed.timer);
    this.#timed.clear();
    await this.#piscina.destroy();
  }
}
