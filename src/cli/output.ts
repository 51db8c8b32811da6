/**
 * Writing the JSONL output, and reading it back for `--resume`.
 *
 * Lines go out whole, in order, gathered into writes of about 64 KiB; a
 * killed run leaves whole lines and at most one cut-off last line.
 * `--resume` reads the ids of the whole lines, cuts the broken tail off, and
 * appends: together each id ends up in the file exactly once.
 */

import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat, truncate } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { lines } from './sources/streams.js';

/** A JSONL destination. */
export interface LineWriter {
  /**
   * Queues one line: a string (a newline is added) or UTF-8 bytes that end
   * with their newline. Waits when the destination is slow (back-pressure).
   */
  write(line: string | Uint8Array): Promise<void>;
  /** Flushes and closes (standard output is flushed, not closed). */
  close(): Promise<void>;
}

/**
 * Lines are gathered into writes of about this many bytes: one system call
 * per line costs the main thread more than the line itself. The gathered
 * lines go out at the latest when the event loop has nothing else to do, so
 * a slow input still streams out line by line.
 */
export const WRITE_BATCH_BYTES = 64 * 1024;

const encoder = new TextEncoder();

function writerOf(stream: Writable, closeStream: boolean): LineWriter {
  let failed: Error | null = null;
  stream.on('error', (e) => {
    failed = e;
  });
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let flushScheduled = false;

  /** Set while the stream is full: one wait for 'drain', shared by every caller. */
  let draining: Promise<void> | null = null;
  const waitForDrain = (): Promise<void> => {
    draining ??= new Promise<void>((resolve, reject) => {
      const onDrain = () => {
        stream.off('error', onError);
        draining = null;
        resolve();
      };
      const onError = (e: Error) => {
        stream.off('drain', onDrain);
        draining = null;
        reject(e);
      };
      stream.once('drain', onDrain);
      stream.once('error', onError);
    });
    return draining;
  };

  /** Writes what is gathered; resolves when the stream can take more. */
  const flush = (): Promise<void> => {
    if (failed) return Promise.reject(failed);
    if (draining) return draining; // the gathered lines wait for the next flush
    if (pendingBytes === 0) return Promise.resolve();
    const chunk = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    return stream.write(chunk) ? Promise.resolve() : waitForDrain();
  };

  return {
    write(line) {
      if (failed) return Promise.reject(failed);
      const bytes = typeof line === 'string' ? encoder.encode(`${line}\n`) : line;
      pending.push(bytes);
      pendingBytes += bytes.length;
      if (pendingBytes >= WRITE_BATCH_BYTES) return flush();
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(() => {
          flushScheduled = false;
          flush().catch(() => {}); // a failure surfaces at the next write or at close
        });
      }
      return Promise.resolve();
    },
    async close() {
      if (draining) await draining;
      await flush();
      if (!closeStream) return new Promise((resolve) => stream.write('', () => resolve()));
      return new Promise((resolve, reject) => {
        stream.once('error', reject);
        stream.end(() => resolve());
      });
    },
  };
}

/**
 * The destination: `file` (truncated, or appended to with `append`), or
 * standard output for null. Resolves once the file is open, so that an
 * unwritable path fails before any page is read.
 */
export async function openOutput(file: string | null, append: boolean): Promise<LineWriter> {
  if (file === null) return writerOf(process.stdout, false);
  const stream = createWriteStream(file, { flags: append ? 'a' : 'w' });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  return writerOf(stream, true);
}

/**
 * The id at the start of a line written by copydesk (`{"id":...,`), read
 * without parsing the whole line; null when the line does not start so.
 */
export function leadingId(line: string): string | null {
  const m = /^\{"id":("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)[,}]/.exec(line);
  if (!m) return null;
  try {
    const id = JSON.parse(m[1]!) as unknown;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
  } catch {
    return null;
  }
}

/** The key `--resume` compares ids by: numbers and strings alike by their text. */
export const idKey = (id: string | number): string => String(id);

/**
 * The ids already written to `file`, for `--resume`. A last line without its
 * newline (a run killed mid-write) is cut off the file first, so that its
 * page is done again and the file stays valid JSONL. A missing file has no ids.
 * Lines that are not copydesk's (no leading id) are parsed whole as a fallback.
 */
export async function readDoneIds(file: string): Promise<Set<string>> {
  const done = new Set<string>();
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return done;
    throw e;
  }
  if (size === 0) return done;

  const keep = await lastNewlineEnd(file, size);
  if (keep < size) await truncate(file, keep);
  if (keep === 0) return done;

  for await (const line of lines(createReadStream(file, { end: keep - 1 }))) {
    const id = leadingId(line) ?? wholeLineId(line);
    if (id !== null) done.add(id);
  }
  return done;
}

function wholeLineId(line: string): string | null {
  try {
    const parsed = JSON.parse(line) as { id?: unknown };
    return typeof parsed.id === 'string' || typeof parsed.id === 'number' ? String(parsed.id) : null;
  } catch {
    return null;
  }
}

/** The offset just past the file's last newline (0 when it has none), read backwards in blocks. */
async function lastNewlineEnd(file: string, size: number): Promise<number> {
  const handle = await open(file, 'r');
  try {
    const block = Buffer.alloc(64 * 1024);
    for (let end = size; end > 0; ) {
      const start = Math.max(0, end - block.length);
      const { bytesRead } = await handle.read(block, 0, end - start, start);
      const nl = block.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (nl >= 0) return start + nl + 1;
      end = start;
    }
    return 0;
  } finally {
    await handle.close();
  }
}
