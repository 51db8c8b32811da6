/** Reading the page `copydesk extract` works on, as raw bytes. */

import { readFile } from 'node:fs/promises';

/** A page that cannot be read; the CLI reports it in one line and exits 2. */
export class InputError extends Error {
  override name = 'InputError';
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks);
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'no such file (a parent is not a directory)',
};

/**
 * The bytes of `file` (or of standard input for `-`), undecoded: copydesk
 * decodes them itself from the page's charset declarations.
 */
export async function readInput(file: string): Promise<Uint8Array> {
  try {
    return file === '-' ? await readStdin() : await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const what = file === '-' ? 'standard input' : file;
    throw new InputError(`cannot read ${what}: ${REASONS[code] ?? (e as Error).message}`);
  }
}
