/**
 * Folder walks for the batch CLI. A folder of a million pages is read one
 * directory at a time, never as a list of every file: the run holds the
 * entries of the directories on its current path, whatever the folder's size.
 *
 * Files come in path order, the order a sort of their full paths gives (a
 * directory's name is compared as if it ended with `/`, so `a-b/x.html`
 * comes before `a/x.html`, as the strings sort). Hidden entries (a leading
 * dot) are skipped; symbolic links to directories are not followed, those to
 * files are taken.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pMapIterable } from 'p-map';

/** An entry of a directory, with the key it sorts by. */
interface Entry {
  name: string;
  isDir: boolean;
  /** A symbolic link (to a file: links to directories are not walked). */
  isLink: boolean;
  key: string;
}

async function isFileLink(full: string): Promise<boolean> {
  try {
    return (await stat(full)).isFile();
  } catch {
    return false; // a dangling link
  }
}

/** The visible entries of a directory (files, directories, links to files), in path order. */
async function sortedEntries(dir: string): Promise<Entry[]> {
  const dirents: Dirent[] = await readdir(dir, { withFileTypes: true });
  const out: Entry[] = [];
  for (const d of dirents) {
    if (d.name.startsWith('.')) continue;
    const isDir = d.isDirectory();
    if (!isDir && !d.isFile() && !(d.isSymbolicLink() && (await isFileLink(path.join(dir, d.name))))) continue;
    out.push({ name: d.name, isDir, isLink: d.isSymbolicLink(), key: isDir ? `${d.name}/` : d.name });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The files under `root` (recursive) that `take` accepts, in path order, as
 * paths that start with `root`. Lazy: a directory is listed when the walk
 * reaches it.
 */
export async function* walkFiles(root: string, take: (file: string) => boolean): AsyncGenerator<string> {
  for await (const { file } of walkBelow(root, take, await sortedEntries(root))) yield file;
}

/** The files of {@link walkFiles} that are symbolic links (to files elsewhere, perhaps), in the same order. */
export async function* walkFileLinks(root: string, take: (file: string) => boolean): AsyncGenerator<string> {
  for await (const { file, isLink } of walkBelow(root, take, await sortedEntries(root))) if (isLink) yield file;
}

async function* walkBelow(dir: string, take: (file: string) => boolean, entries: readonly Entry[]): AsyncGenerator<{ file: string; isLink: boolean }> {
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (!e.isDir) {
      if (take(full)) yield { file: full, isLink: e.isLink };
      continue;
    }
    // A subfolder that cannot be listed (permissions, removed meanwhile) is passed over, as glob walks do;
    // only the folder named on the command line must be readable.
    const inner = await sortedEntries(full).catch(() => null);
    if (inner) yield* walkBelow(full, take, inner);
  }
}

/** Sizes read at once while a folder is summed up. */
const STAT_CONCURRENCY = 32;

/** The number and total size of the files a walk yields (for the progress bar), reading one directory at a time. */
export async function folderTotals(root: string, take: (file: string) => boolean): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  const sizes = pMapIterable(
    walkFiles(root, take),
    async (f) => {
      try {
        return (await stat(f)).size;
      } catch {
        return 0; // gone since it was listed: the read will say so
      }
    },
    { concurrency: STAT_CONCURRENCY },
  );
  for await (const size of sizes) {
    files++;
    bytes += size;
  }
  return { files, bytes };
}

/** True when `file` is `dir` or lies under it (both resolved). */
export function isUnder(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
