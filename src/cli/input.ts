/** Reading raw bytes: a single page, and the gzip detection every input shares. */

import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** A path that cannot be read, found before the run; the CLI reports it in one line and exits 2. */
export class InputError extends Error {
  override name = 'InputError';
}

/** A page over `--max-bytes`. */
export class TooLargeError extends Error {
  override name = 'TooLargeError';
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'no such file (a parent is not a directory)',
  ENOSPC: 'no space left on device',
  EROFS: 'read-only file system',
  Z_DATA_ERROR: 'not valid gzip data',
  Z_BUF_ERROR: 'truncated gzip data',
};

/** A short reason for a file-system or zlib error ("no such file"). */
export function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  return REASONS[code] ?? (e instanceof Error ? e.message : String(e));
}

/** Whether `bytes` start with the gzip magic number. */
export const isGzip = (bytes: Uint8Array): boolean => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

const gunzipAsync = promisify(zlib.gunzip);

/**
 * `bytes`, gunzipped when they are gzip (by their magic number, whatever the
 * file is called). Throws {@link TooLargeError} past `maxBytes` (uncompressed),
 * which also stops a decompression bomb early.
 */
export async function maybeGunzip(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  if (!isGzip(bytes)) {
    if (bytes.length > maxBytes) throw new TooLargeError(`the page has ${bytes.length} bytes, over --max-bytes ${maxBytes}`);
    return bytes;
  }
  try {
    return await gunzipAsync(bytes, { maxOutputLength: maxBytes });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new TooLargeError(`the page unpacks to more than --max-bytes ${maxBytes} bytes`);
    }
    throw e;
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks);
}

/**
 * The bytes of `file` (or of standard input for `-`), gunzipped if need be
 * and otherwise undecoded: copydesk decodes them itself from the page's
 * charset declarations. Throws {@link InputError} or {@link TooLargeError}.
 */
export async function readInput(file: string, maxBytes: number): Promise<Uint8Array> {
  const what = file === '-' ? 'standard input' : file;
  let raw: Uint8Array;
  try {
    raw = file === '-' ? await readStdin() : await readFile(file);
  } catch (e) {
    throw new InputError(`cannot read ${what}: ${reasonOf(e)}`);
  }
  try {
    return await maybeGunzip(raw, maxBytes);
  } catch (e) {
    if (e instanceof TooLargeError) throw e;
    throw new InputError(`cannot read ${what}: ${reasonOf(e)}`);
  }
}
