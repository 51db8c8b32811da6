/**
 * The output file must not be an input: `-o` naming a page inside an input
 * folder, an input file under another name (`./a.html`, a hard path), or a
 * symbolic link to one would overwrite the page before (or while) it is read.
 * Paths are compared as real paths (`fs.realpath`), so links and `..` do not
 * hide a match; an output that does not exist yet is judged by its parent's
 * real path, and a dangling link by the file it would create.
 */

import { lstat, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from './input.js';
import { folderTake, type InputSpec } from './plan.js';
import { isUnder, walkFileLinks } from './walk.js';

/** Links followed by hand before giving up (the kernel's own limit is 40). */
const MAX_LINKS = 40;

async function realOrNull(p: string): Promise<string | null> {
  try {
    return await realpath(p);
  } catch {
    return null;
  }
}

/**
 * The real path a write to `file` would land on: the file's own real path
 * when it exists; the target of a dangling link (writing follows it); else the
 * real path of its folder joined with its name.
 */
export async function realOutputPath(file: string): Promise<string> {
  let current = path.resolve(file);
  for (let links = 0; links <= MAX_LINKS; links++) {
    const real = await realOrNull(current);
    if (real !== null) return real;
    const info = await lstat(current).catch(() => null);
    if (info?.isSymbolicLink()) {
      current = path.resolve(path.dirname(current), await readlink(current));
      continue;
    }
    const folder = await realOrNull(path.dirname(current));
    return folder === null ? current : path.join(folder, path.basename(current));
  }
  return current;
}

/** Whether some component of `rel` is hidden (a folder walk skips those). */
const hasHiddenPart = (rel: string): boolean => rel.split(path.sep).some((part) => part.startsWith('.'));

/** The output as given, and where a write to it lands. */
interface Output {
  /** `-o` resolved (not real): the path a folder walk passes over (see plan.ts). */
  resolved: string;
  /** Its real path ({@link realOutputPath}). */
  real: string;
  /** `--resume`: the output is the run's own earlier output, which the walk passes over. */
  resume: boolean;
}

/** Why the output is read by `input`, or null when it is not. */
async function readsOutput(input: InputSpec, output: Output): Promise<string | null> {
  const out = output.real;
  if (input.source === 'file') return (await realOrNull(input.path)) === out ? `the input ${input.path}` : null;
  if (input.source !== 'folder') return null;
  // What the walk would take were the output not passed over (plan.ts adds it to skipFiles).
  const take = folderTake({ ...input, skipFiles: input.skipFiles.filter((f) => f !== output.resolved) });
  const root = await realOrNull(input.path);
  if (root === null) return null;
  // The file itself, reached by the walk under the folder's real path.
  if (isUnder(out, root) && out !== root) {
    const rel = path.relative(root, out);
    const asWalked = path.join(input.path, rel);
    // The walk passes over the output file by its resolved name: with --resume that is the run's own JSONL.
    const passedOver = output.resume && path.resolve(asWalked) === output.resolved;
    if (!passedOver && !hasHiddenPart(rel) && take(asWalked) && (await realOrNull(asWalked)) === out) {
      return `${asWalked}, a file the walk of the input folder ${input.path} reads (to continue an earlier output there, add --resume)`;
    }
  }
  // A link in the folder that leads to it.
  for await (const link of walkFileLinks(input.path, take)) {
    if ((await realOrNull(link)) === out) return `${link}, a link in the input folder ${input.path}`;
  }
  return null;
}

/**
 * Throws {@link InputError} (exit 2, one line) when `outputFile` is, by its
 * real path, any file the run reads: a file named on the command line, a page
 * a folder walk takes, or the target of a link in such a folder. With
 * `resume`, the output file inside an input folder is allowed: the walk
 * passes over it, and the run appends to it.
 */
export async function refuseOutputOverInput(outputFile: string, inputs: readonly InputSpec[], resume: boolean): Promise<void> {
  const output: Output = { resolved: path.resolve(outputFile), real: await realOutputPath(outputFile), resume };
  for (const input of inputs) {
    const why = await readsOutput(input, output);
    if (why !== null) throw new InputError(`refusing to write ${outputFile}: it is ${why} (write the output elsewhere)`);
  }
}
