/**
 * `queue results`: the queue's results stream written out as JSONL, one line
 * per id. The output file is read first (as `extract --resume` reads it, a
 * cut-off last line dropped) and the ids it holds are skipped, so the command
 * can be re-run or resumed and never writes an id twice; `follow` keeps
 * writing results as they come; `trim` deletes from Redis the results that
 * are safely on disk.
 */

import { open } from 'node:fs/promises';
import zlib from 'node:zlib';
import { openOutput, readDoneIds, type LineWriter } from '../output.js';
import { queueKeys } from './keys.js';
import { connect, disconnect, reach } from './redis.js';

/** Options of {@link writeResults}. */
export interface ResultsOptions {
  redis: string;
  queue: string;
  /** The JSONL file (appended to), or null for standard output. */
  file: string | null;
  /** Keep waiting for new results until `signal` aborts. */
  follow?: boolean;
  /** Stops a `follow` (the lines read are written first). */
  signal?: AbortSignal;
  /**
   * Delete each batch of results from Redis once it is written and synced to
   * `file` (which must be given): Redis then holds only the results not yet
   * written out, however long the run.
   */
  trim?: boolean;
  /** Called after each batch of lines with the count written so far. */
  onProgress?: (written: number) => void;
}

/** Entries read from the stream in one round trip. */
const READ_BATCH = 1000;
/** How long one wait for new results blocks, in ms (then the signal is checked). */
const FOLLOW_BLOCK_MS = 1000;

type Entry = [id: Buffer, fields: Buffer[]];

/** The smallest stream id after `id` (`ms-seq`): XTRIM MINID keeps it and what follows. */
function nextStreamId(id: string): string {
  const [ms, seq] = id.split('-');
  return `${ms}-${BigInt(seq ?? '0') + 1n}`;
}

/** An output file written in batches, each synced to disk before the batch counts as written. */
async function syncedFile(file: string): Promise<LineWriter & { sync(): Promise<void> }> {
  const handle = await open(file, 'a');
  let pending: Buffer[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const chunk = Buffer.concat(pending);
    pending = [];
    await handle.write(chunk);
  };
  return {
    async write(line) {
      pending.push(typeof line === 'string' ? Buffer.from(`${line}\n`) : Buffer.from(line));
    },
    async sync() {
      await flush();
      await handle.datasync();
    },
    async close() {
      await flush();
      await handle.close();
    },
  };
}

/** The id and line of one stream entry. */
function lineOf(fields: Buffer[]): { id: string; line: Buffer } | null {
  let id: string | null = null;
  let z: Buffer | null = null;
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const name = fields[i]!.toString();
    if (name === 'id') id = fields[i + 1]!.toString();
    else if (name === 'z') z = fields[i + 1]!;
  }
  return id === null || z === null ? null : { id, line: zlib.gunzipSync(z) };
}

/**
 * Writes every result of the queue not yet in `options.file`; resolves to the
 * number of lines written.
 */
export async function writeResults(options: ResultsOptions): Promise<number> {
  const keys = queueKeys(options.queue);
  if (options.trim && options.file === null) throw new Error('writeResults: trim needs a file (results are deleted once they are on disk)');
  const written = options.file === null ? new Set<string>() : await readDoneIds(options.file);
  const synced = options.trim && options.file !== null ? await syncedFile(options.file) : null;
  const out = synced ?? (await openOutput(options.file, true));
  const redis = await connect(options.redis, 'copydesk-results');
  await reach(redis, options.redis);
  let count = 0;
  const take = async (entries: Entry[]) => {
    for (const [, fields] of entries) {
      const entry = lineOf(fields);
      if (!entry || written.has(entry.id)) continue;
      written.add(entry.id);
      await out.write(entry.line);
      count++;
    }
    if (synced && entries.length > 0) {
      await synced.sync();
      await redis.xtrim(keys.results, 'MINID', nextStreamId(entries.at(-1)![0].toString()));
    }
    options.onProgress?.(count);
  };
  try {
    let after = '-';
    for (;;) {
      const entries = (await redis.xrangeBuffer(keys.results, after === '-' ? '-' : `(${after}`, '+', 'COUNT', READ_BATCH)) as Entry[];
      if (entries.length === 0) break;
      await take(entries);
      after = entries.at(-1)![0].toString();
    }
    while (options.follow && !options.signal?.aborted) {
      const reply = (await redis.xreadBuffer('COUNT', READ_BATCH, 'BLOCK', FOLLOW_BLOCK_MS, 'STREAMS', keys.results, after === '-' ? '0' : after)) as
        | [Buffer, Entry[]][]
        | null;
      const entries = reply?.[0]?.[1] ?? [];
      if (entries.length === 0) continue;
      await take(entries);
      after = entries.at(-1)![0].toString();
    }
  } finally {
    await out.close();
    await disconnect(redis);
  }
  return count;
}
